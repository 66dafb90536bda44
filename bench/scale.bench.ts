// Scale bench (issue 16): projects of 10,000 and 100,000 documents (paragraphs of the UN General Debate corpus,
// each a document, with claims on about one document in three across 30 domains), built through the core, then
// measured in a fresh process each as the app would meet them: project open, the first grid after opening (the
// summaries the import left stale), the matrix and co-occurrence computed afresh, search with snippets (common
// words, rare words, phrases, prefixes, two words; the top 20 with every hit, as the search box asks), and
// pageDocuments' first and a deep page. Wall and CPU time beside a raw reference measured in the same process
// (FTS5 top 20 by rank for search; a GROUP BY over the tags for the grids), with the load average on every row.
// The projects are built in the temp folder and never checked in. DOSSIER_SCALE_SIZES=10000,100000 (default),
// DOSSIER_SCALE_OUT=<file> writes the table there instead of into BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callMethod } from '../electron/core/api/dispatch';
import { buildCooccurrence } from '../electron/core/grids/cooccurrence';
import { buildMatrix } from '../electron/core/grids/matrix';
import { openCheckedProject } from '../electron/core/backups';
import { closeProject, openProject, type Project } from '../electron/core/project';
import { rng } from './random';
import { percentile, peakRssMb, sharedDir, writeSection } from './report';
import { buildScaleProject, load, paragraphs, timed, type Built, type Timed } from './scaleProject';

const SIZES = (process.env.DOSSIER_SCALE_SIZES ?? '10000,100000').split(',').map(Number);
const DIR = path.join(os.tmpdir(), 'dossier-scale-bench');

async function timedAsync<T>(f: () => Promise<T>): Promise<Timed<T>> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  const ms = performance.now() - t;
  const u = process.cpuUsage(c);
  return { value, ms, cpuMs: (u.user + u.system) / 1000 };
}

type QueryKind = 'common word' | 'rare word' | 'phrase' | 'prefix' | 'two words';

/** Queries drawn from the project's own text: words by how many documents hold them, adjacent pairs, prefixes. */
function queries(p: Project): { kind: QueryKind; q: string }[] {
  const texts = p.db.prepare('SELECT text FROM documents WHERE id % 97 = 0').pluck().all() as string[];
  const df = new Map<string, number>();
  const pairs: string[] = [];
  for (const t of texts) {
    const words = t.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
    for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
    if (words.length > 2) pairs.push(`"${words[1]} ${words[2]}"`);
  }
  const byDf = [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const random = rng(7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const common = byDf.slice(0, 40).map(([w]) => w);
  const rare = byDf.filter(([, n]) => n === 1).map(([w]) => w);
  const out: { kind: QueryKind; q: string }[] = [];
  for (let i = 0; i < 30; i++) {
    out.push({ kind: 'common word', q: common[i] });
    out.push({ kind: 'rare word', q: pick(rare) });
    out.push({ kind: 'phrase', q: pick(pairs) });
    out.push({ kind: 'prefix', q: `${pick(common).slice(0, 4)}*` });
    out.push({ kind: 'two words', q: `${pick(common)} ${pick(byDf.slice(40, 2000))[0]}` });
  }
  return out;
}

interface Measured {
  checked: Timed<unknown>;
  open: Timed<unknown>;
  firstGrid: Timed<unknown>;
  staleGrid: Timed<unknown>;
  matrix: Timed<unknown>;
  matrixRef: Timed<unknown>;
  cooccurrence: Timed<unknown>;
  search: Record<string, { p50: number; p95: number; cpuP95: number; refP95: number; n: number }>;
  firstPage: Timed<unknown>;
  deepPage: Timed<unknown>;
  deepChars: Timed<unknown>;
  rssMb: number;
  load: string;
}

async function ok<T>(p: Project, name: string, input: unknown): Promise<T> {
  const r = await callMethod(p, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/** The child: opens a copy of a built project and measures each step once, then search over many queries. */
async function measure(file: string): Promise<Measured> {
  const checked = await timedAsync(async () => closeProject(await openCheckedProject(file)));
  const open = timed(() => openProject(file));
  const p = open.value;
  const firstGrid = await timedAsync(() => ok(p, 'getMatrix', {}));
  // As a file written before the summaries were kept (or by a bulk write outside a call) meets its first grid.
  p.db.exec(
    'INSERT OR IGNORE INTO document_grid_stale (document_id) SELECT DISTINCT document_id FROM claims',
  );
  const staleGrid = await timedAsync(() => ok(p, 'getMatrix', {}));
  const best = <T>(f: () => T, n = 3): Timed<T> => {
    let b: Timed<T> | undefined;
    for (let i = 0; i < n; i++) {
      const t = timed(f);
      if (!b || t.cpuMs < b.cpuMs) b = t;
    }
    return b!;
  };
  const matrix = best(() => buildMatrix(p.db, {}));
  const matrixRef = best(() =>
    p.db.prepare('SELECT document_id, domain_id, count(*) FROM claim_domains GROUP BY 1, 2').raw().all(),
  );
  const cooccurrence = best(() => buildCooccurrence(p.db));
  const qs = queries(p);
  const ref = p.db.prepare(
    `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rank MATCH 'bm25(3.0, 1.0, 1.0)' ORDER BY rank LIMIT 20`,
  );
  for (const { q } of qs.slice(0, 10)) await ok(p, 'searchDocuments', { query: q, limit: 20, hits: true });
  const byKind = new Map<string, { ms: number[]; cpu: number[]; ref: number[] }>();
  for (let round = 0; round < 2; round++) {
    for (const { kind, q } of qs) {
      const s = byKind.get(kind) ?? { ms: [], cpu: [], ref: [] };
      byKind.set(kind, s);
      const t = await timedAsync(() => ok(p, 'searchDocuments', { query: q, limit: 20, hits: true }));
      s.ms.push(t.ms);
      s.cpu.push(t.cpuMs);
      const fts = q.replace(/^"(.*)"$/, '"$1"');
      s.ref.push(timed(() => ref.all(fts)).ms);
    }
  }
  const search: Measured['search'] = {};
  const all = { ms: [] as number[], cpu: [] as number[], ref: [] as number[] };
  for (const [kind, s] of [...byKind, ['all', all] as const]) {
    if (kind !== 'all') {
      all.ms.push(...s.ms);
      all.cpu.push(...s.cpu);
      all.ref.push(...s.ref);
    }
    const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
    search[kind] = {
      p50: percentile(sorted(s.ms), 50),
      p95: percentile(sorted(s.ms), 95),
      cpuP95: percentile(sorted(s.cpu), 95),
      refP95: percentile(sorted(s.ref), 95),
      n: s.ms.length,
    };
  }
  const total = (p.db.prepare('SELECT count(*) FROM documents').pluck().get() as number) - 500;
  const firstPage = await timedAsync(() => ok(p, 'pageDocuments', {}));
  const deepPage = await timedAsync(() => ok(p, 'pageDocuments', { offset: total }));
  const deepChars = await timedAsync(() =>
    ok(p, 'pageDocuments', { offset: total, sort: 'chars', desc: true }),
  );
  closeProject(p);
  return {
    checked,
    open,
    firstGrid,
    staleGrid,
    matrix,
    matrixRef,
    cooccurrence,
    search,
    firstPage,
    deepPage,
    deepChars,
    rssMb: peakRssMb(),
    load: load(),
  };
}

const fmt = (t: { ms: number; cpuMs: number }): string => `${t.ms.toFixed(1)} / ${t.cpuMs.toFixed(1)}`;

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const m = await measure(process.argv[3]);
    process.stdout.write(`\nRESULT ${JSON.stringify({ ...m, open: { ...m.open, value: null } })}\n`);
    return;
  }
  const shared = sharedDir();
  if (!shared) {
    console.log('bench scale: ../shared is absent; nothing to measure');
    return;
  }
  const paras = paragraphs(path.join(shared, 'corpora', 'un-general-debate-2015-2024'));
  const self = fileURLToPath(import.meta.url);
  const results: { built: Built; m: Measured }[] = [];
  for (const n of SIZES) {
    console.log(`building ${n} documents (load ${load()})`);
    const built = buildScaleProject(path.join(DIR, `scale-${n}.dossier`), n, paras);
    console.log(`  ${built.claims} claims, ${built.mb.toFixed(0)} MB`);
    const copy = path.join(DIR, `measure-${n}.dossier`);
    fs.copyFileSync(built.file, copy);
    const r = spawnSync(process.execPath, [...process.execArgv, self, '--child', copy], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`child failed: ${r.stderr}`);
    results.push({ built, m: JSON.parse(line.slice(7)) as Measured });
    if (!process.env.DOSSIER_SCALE_KEEP) for (const f of [built.file]) fs.rmSync(f, { force: true });
  }
  const cols = results.map((r) => `${r.built.docs.toLocaleString('en')} docs`);
  const row = (what: string, f: (r: { built: Built; m: Measured }) => string): string =>
    `| ${what} | ${results.map(f).join(' | ')} |`;
  const growth = (f: (r: { built: Built; m: Measured }) => number): string =>
    results.length > 1 ? `${(f(results[results.length - 1]) / f(results[0])).toFixed(1)}×` : '';
  const lines = [
    `Documents: paragraphs of the UN General Debate corpus 2015–2024 (lines of ≥ 120 characters; repeated with a`,
    `"(Copy n)" suffix past ${paras.length.toLocaleString('en')}), claims on ~30 % of documents (one, or two overlapping), 30 domains.`,
    'Each cell: wall ms / CPU ms (CPU is the comparable figure under load); measured in a fresh process per size,',
    'on a copy of the project as the build left it. Search: the top 20 with snippets and every hit, through callMethod;',
    'reference = FTS5 `MATCH … ORDER BY rank LIMIT 20` alone.',
    '',
    `| step | ${cols.join(' | ')} | growth |`,
    `|---|${results.map(() => '---:|').join('')}---:|`,
    row('claims', (r) => r.built.claims.toLocaleString('en')) + ' |',
    row('file MB', (r) => r.built.mb.toFixed(0)) + ' |',
    row(
      'import documents (addDocument, batches of 500)',
      (r) => `${r.built.docsMs.toFixed(0)} / ${r.built.docsCpuMs.toFixed(0)}`,
    ) + ` ${growth((r) => r.built.docsCpuMs)} |`,
    row(
      'create claims (createClaimsBulk)',
      (r) => `${r.built.claimsMs.toFixed(0)} / ${r.built.claimsCpuMs.toFixed(0)}`,
    ) + ` ${growth((r) => r.built.claimsCpuMs)} |`,
    row(
      'summaries kept at the end of the claims (keepSummaries)',
      (r) => `${r.built.summariesMs.toFixed(0)} / ${r.built.summariesCpuMs.toFixed(0)}`,
    ) + ` ${growth((r) => r.built.summariesCpuMs)} |`,
    row('project open (openProject)', (r) => fmt(r.m.open)) + ` ${growth((r) => r.m.open.cpuMs)} |`,
    row('project open checked (openCheckedProject: + quick_check on a worker)', (r) => fmt(r.m.checked)) +
      ` ${growth((r) => r.m.checked.ms)} wall |`,
    row('first grid after open (getMatrix)', (r) => fmt(r.m.firstGrid)) +
      ` ${growth((r) => r.m.firstGrid.cpuMs)} |`,
    row('  same with every summary stale (a file from before)', (r) => fmt(r.m.staleGrid)) +
      ` ${growth((r) => r.m.staleGrid.cpuMs)} |`,
    row('matrix afresh (buildMatrix, count)', (r) => fmt(r.m.matrix)) +
      ` ${growth((r) => r.m.matrix.cpuMs)} |`,
    row('  reference: GROUP BY document, domain over tags', (r) => fmt(r.m.matrixRef)) +
      ` ${growth((r) => r.m.matrixRef.cpuMs)} |`,
    row('co-occurrence afresh', (r) => fmt(r.m.cooccurrence)) + ` ${growth((r) => r.m.cooccurrence.cpuMs)} |`,
    ...Object.keys(results[0].m.search).map(
      (kind) =>
        row(`search ${kind}: p50 / p95 ms (CPU p95; FTS5 ref p95)`, (r) => {
          const s = r.m.search[kind];
          return `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} (${s.cpuP95.toFixed(1)}; ${s.refP95.toFixed(1)})`;
        }) + ` ${growth((r) => r.m.search[kind].p95)} |`,
    ),
    row('pageDocuments first page (500 by title)', (r) => fmt(r.m.firstPage)) +
      ` ${growth((r) => r.m.firstPage.cpuMs)} |`,
    row('pageDocuments last page by title', (r) => fmt(r.m.deepPage)) +
      ` ${growth((r) => r.m.deepPage.cpuMs)} |`,
    row('pageDocuments last page by chars desc', (r) => fmt(r.m.deepChars)) +
      ` ${growth((r) => r.m.deepChars.cpuMs)} |`,
    row('peak RSS MB (measuring process)', (r) => r.m.rssMb.toFixed(0)) + ' |',
    row('load average (build; measure)', (r) => `${r.built.load}; ${r.m.load}`) + ' |',
  ];
  const body = lines.join('\n');
  if (process.env.DOSSIER_SCALE_OUT) {
    fs.writeFileSync(process.env.DOSSIER_SCALE_OUT, `${body}\n`);
    process.stdout.write(`${body}\n`);
  } else writeSection('scale', 'Scale: 10,000 and 100,000 documents (issue 16)', body);
}

await main();
