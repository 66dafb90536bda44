// Builds (once, cached under /tmp) the grids bench project: 10,000 documents from the UN General Debate corpus,
// 1,000,000 claims over 30 domains (6 parents with 4 children each), through the core's own functions.
import fs from 'node:fs';
import path from 'node:path';
import { addDocument } from '../electron/core/documents';
import { createDomain } from '../electron/core/domains';
import { createClaimsBulk, type BulkClaim } from '../electron/core/grids/bulkClaims';
import { closeProject, createProject, openProject, type Project } from '../electron/core/project';
import { rng } from '../shared/random';

export const DOCS = 10_000;
export const CLAIMS_PER_DOC = 100;
export const CACHE = '/tmp/dossier-grids-bench/grids-10k-v3.dossier';

function listTexts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^[A-Z]+_\d+_\d{4}\.txt$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const STANCES = ['supports', 'opposes', 'neutral', null] as const;
const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const ANALYSTS = ['ana', 'ben', 'chloé', 'dev'];
const ACTORS = ['Government', 'Minister', 'President', 'Delegation', 'Secretary-General', 'NGO', ''];

/** Claims at word boundaries, one per slot of the text, one in ten reaching into the next slot (overlaps). */
function claimsFor(text: string, domainIds: number[], random: () => number): BulkClaim[] {
  const words: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) words.push([m.index, m.index + m[0].length]);
  const slot = Math.max(1, Math.floor(words.length / CLAIMS_PER_DOC));
  const claims: BulkClaim[] = [];
  for (let k = 0; k < CLAIMS_PER_DOC; k++) {
    const first = Math.min(words.length - 1, k * slot + Math.floor(random() * Math.max(1, slot / 2)));
    const reach = random() < 0.1 ? slot : Math.max(1, Math.floor(slot / 2));
    const last = Math.min(words.length - 1, first + Math.floor(random() * reach));
    const pick = (): number => domainIds[Math.floor(Math.pow(random(), 1.6) * domainIds.length)];
    const ids = random() < 0.1 ? [pick(), pick()] : [pick()];
    claims.push({
      start: words[first][0],
      end: words[last][1],
      domainIds: ids,
      actor: ACTORS[Math.floor(random() * ACTORS.length)],
      stance: STANCES[Math.floor(random() * STANCES.length)],
      reliability: GRADES[Math.floor(random() * GRADES.length)],
      credibility: 1 + Math.floor(random() * 6),
      analyst: ANALYSTS[Math.floor(random() * ANALYSTS.length)],
      note: random() < 0.1 ? 'check the French version' : '',
    });
  }
  return claims;
}

/** The benches' codebook: six themes of four sub-domains each (30 domains), ids in creation order. */
export function createThemeDomains(db: Project['db']): number[] {
  const domainIds: number[] = [];
  for (let i = 1; i <= 6; i++) {
    const parent = createDomain(db, { name: `Theme ${i}` });
    domainIds.push(parent);
    for (let j = 1; j <= 4; j++)
      domainIds.push(createDomain(db, { name: `Theme ${i}.${j}`, parentId: parent }));
  }
  return domainIds;
}

export function buildProject(
  corpusDir: string,
  file = CACHE,
  log = (s: string) => process.stdout.write(`${s}\n`),
): void {
  const tmp = `${file}.building`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  const p = createProject(tmp, 'empty');
  const db = p.db;
  const domainIds = createThemeDomains(db);
  db.prepare(
    "INSERT INTO attributes (name, type) VALUES ('country', 'text'), ('session date', 'date'), ('session', 'number')",
  ).run();
  const attr = db.prepare(
    'INSERT INTO document_attributes (document_id, attribute_id, value) VALUES (?, (SELECT id FROM attributes WHERE name = ?), ?)',
  );
  const files = listTexts(corpusDir);
  const random = rng(42);
  const t0 = Date.now();
  const BATCH = 250;
  for (let base = 0; base < DOCS; base += BATCH) {
    db.transaction(() => {
      for (let n = base; n < Math.min(DOCS, base + BATCH); n++) {
        const f = files[n % files.length];
        const name = path.basename(f, '.txt');
        const [country, session, year] = name.split('_');
        const copy = Math.floor(n / files.length) + 1;
        const body = fs.readFileSync(f, 'utf8');
        const r = addDocument(db, {
          title: `${country} ${year} (copy ${copy})`,
          text: `Bench copy ${copy} of ${name}\n\n${body}`,
          format: 'txt',
          source: `UN General Debate ${session}`,
          published: `${year}-09-${String(20 + (n % 9)).padStart(2, '0')}`,
          originalName: path.basename(f),
        });
        if (r.status !== 'imported') throw new Error(`duplicate text for ${f}`);
        attr.run(r.id, 'country', country);
        attr.run(r.id, 'session date', `${year}-09-${String(20 + (n % 9)).padStart(2, '0')}`);
        attr.run(r.id, 'session', session);
        const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(r.id) as string;
        createClaimsBulk(db, r.id, claimsFor(text, domainIds, random));
      }
    })();
    if ((base / BATCH) % 8 === 0)
      log(`  ${base + BATCH} documents, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  closeProject(p);
  fs.renameSync(tmp, file);
  log(`built ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Opens the cached bench project, building it first when it is missing. */
export function benchProject(corpusDir: string): Project {
  if (!fs.existsSync(CACHE)) buildProject(corpusDir);
  return openProject(CACHE);
}
