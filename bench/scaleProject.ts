// The scale benches' project (issue 16): paragraphs of the UN General Debate corpus, each a document, with claims
// on about one document in three across 30 domains, built through the core (addDocument in batches of 500, then
// createClaimsBulk, then the grids' summaries kept as a call that writes claims keeps them). Shared by
// bench/scale.bench.ts (times) and bench/memoryScale100k.bench.ts (web-mode memory).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDocument } from '../electron/core/documents';
import { createClaimsBulk, type BulkClaim } from '../electron/core/grids/bulkClaims';
import { keepSummaries } from '../electron/core/grids/summaries';
import { closeProject, createProject } from '../electron/core/project';
import { createThemeDomains } from './gridsProject';
import { rng } from './random';

export interface Timed<T> {
  value: T;
  ms: number;
  cpuMs: number;
}

export function timed<T>(f: () => T): Timed<T> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const ms = performance.now() - t;
  const u = process.cpuUsage(c);
  return { value, ms, cpuMs: (u.user + u.system) / 1000 };
}

export const load = (): string => os.loadavg()[0].toFixed(1);

/** The corpus's paragraphs (lines of 120 characters or more), in file order. */
export function paragraphs(corpus: string): { name: string; text: string }[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt') && e.name !== 'README.txt') files.push(p);
    }
  };
  walk(corpus);
  files.sort();
  const out: { name: string; text: string }[] = [];
  for (const f of files) {
    const name = path.basename(f, '.txt');
    fs.readFileSync(f, 'utf8')
      .split(/\n/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l.length >= 120)
      .forEach((text, i) => out.push({ name: `${name} ¶${i + 1}`, text }));
  }
  return out;
}

const ACTORS = ['Government', 'Minister', 'President', 'Delegation', ''];

/** One or two claims (one in five overlapping the first) on a document, at word boundaries. */
function claimsFor(text: string, domainIds: number[], random: () => number): BulkClaim[] {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length]);
  if (words.length < 4) return [];
  const pick = (): number => domainIds[Math.floor(Math.pow(random(), 1.6) * domainIds.length)];
  const one = (from: number, span: number): BulkClaim => {
    const first = Math.min(words.length - 1, from);
    const last = Math.min(words.length - 1, first + span);
    return {
      start: words[first][0],
      end: words[last][1],
      domainIds: random() < 0.1 ? [pick(), pick()] : [pick()],
      actor: ACTORS[Math.floor(random() * ACTORS.length)],
    };
  };
  const first = Math.floor(random() * words.length * 0.6);
  const claims = [one(first, 3 + Math.floor(random() * 20))];
  if (random() < 0.2) claims.push(one(first + 2, 5 + Math.floor(random() * 15)));
  return claims;
}

export interface Built {
  file: string;
  docs: number;
  claims: number;
  mb: number;
  docsMs: number;
  docsCpuMs: number;
  claimsMs: number;
  claimsCpuMs: number;
  summariesMs: number;
  summariesCpuMs: number;
  load: string;
}

/** Builds a project of n documents at file (replacing it) through the core: addDocument in batches of 500, then
 * createClaimsBulk. */
export function buildScaleProject(file: string, n: number, paras: { name: string; text: string }[]): Built {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const p = createProject(file, 'empty');
  const db = p.db;
  const domainIds = createThemeDomains(db);
  const ids: number[] = [];
  const docs = timed(() => {
    for (let base = 0; base < n; base += 500) {
      db.transaction(() => {
        for (let k = base; k < Math.min(n, base + 500); k++) {
          const para = paras[k % paras.length];
          const copy = Math.floor(k / paras.length);
          const r = addDocument(db, {
            title: copy ? `${para.name} (copy ${copy + 1})` : para.name,
            text: copy ? `${para.text} (Copy ${copy + 1}.)` : para.text,
            format: 'txt',
            source: `UN General Debate ${para.name.split('_')[1]}`,
            published: `20${String(15 + (k % 9)).padStart(2, '0')}-09-2${k % 9}`,
          });
          ids.push(r.id);
        }
      })();
    }
  });
  const random = rng(16);
  let claimCount = 0;
  const claims = timed(() => {
    for (let base = 0; base < ids.length; base += 500) {
      db.transaction(() => {
        for (const id of ids.slice(base, base + 500)) {
          if (random() >= 0.3) continue;
          const text = db.cached('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string;
          const list = claimsFor(text, domainIds, random);
          createClaimsBulk(db, id, list);
          claimCount += list.length;
        }
      })();
    }
  });
  // What a call that writes claims does at its end (api/dispatch.ts): the grids' summaries kept in the file.
  const summaries = timed(() => keepSummaries(db));
  db.pragma('wal_checkpoint(TRUNCATE)');
  closeProject(p);
  return {
    summariesMs: summaries.ms,
    summariesCpuMs: summaries.cpuMs,
    file,
    docs: n,
    claims: claimCount,
    mb: fs.statSync(file).size / 2 ** 20,
    docsMs: docs.ms,
    docsCpuMs: docs.cpuMs,
    claimsMs: claims.ms,
    claimsCpuMs: claims.cpuMs,
    load: load(),
  };
}
