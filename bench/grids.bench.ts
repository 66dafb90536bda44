// Grids and comparison at scale: 10,000 documents, 1,000,000 claims, 30 domains (6 parents × 4 children) built
// through the core (bench/gridsProject.ts, cached under /tmp) on the UN General Debate corpus.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findSharedPassages } from '../electron/core/compare/sharedPassages';
import { claimGroups, queryClaims } from '../electron/core/grids/claimsTable';
import { buildCooccurrence, computeCooccurrence } from '../electron/core/grids/cooccurrence';
import { buildMatrix, computeMatrix, type MatrixQuery } from '../electron/core/grids/matrix';
import { refreshSummaries } from '../electron/core/grids/summaries';
import { updateClaim } from '../electron/core/claims';
import { closeProject } from '../electron/core/project';
import { benchProject, CACHE, CLAIMS_PER_DOC, DOCS } from './gridsProject';
import { percentile, sharedDir, writeSection } from './report';

const shared = sharedDir();
if (!shared) {
  console.log('bench grids: ../shared is absent (it needs the UN General Debate corpus); nothing measured');
  process.exit(0);
}
const corpus = path.join(shared, 'corpora', 'un-general-debate-2015-2024');

const built = !fs.existsSync(CACHE);
const t0 = performance.now();
const p = benchProject(corpus);
const buildSeconds = (performance.now() - t0) / 1000;
const db = p.db;
const n = (sql: string) => db.prepare(sql).pluck().get() as number;
const docs = n('SELECT count(*) FROM documents');
const claims = n('SELECT count(*) FROM claims');
const domains = n('SELECT count(*) FROM domains');
const multi = n('SELECT count(DISTINCT claim_id) FROM claim_domains WHERE claim_tags > 1');

function time(runs: number, f: () => unknown, setup?: () => void): { median: number; p90: number } {
  setup?.();
  f(); // warm the page cache and the statement cache
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    setup?.(); // not timed
    const s = performance.now();
    f();
    ts.push(performance.now() - s);
  }
  ts.sort((a, b) => a - b);
  return { median: percentile(ts, 50), p90: percentile(ts, 90) };
}

const rows: [string, string, { median: number; p90: number }][] = [];
const measure = (what: string, target: string, runs: number, f: () => unknown, setup?: () => void) => {
  const r = time(runs, f, setup);
  rows.push([what, target, r]);
  console.log(`${what}: median ${r.median.toFixed(0)} ms, p90 ${r.p90.toFixed(0)} ms`);
};
// Cold: computed afresh from the documents' summaries, as on opening the project; warm: asked again before the
// next change; after an edit: the one document the edit touched is summarized again, then the grid computed.
const matrix = (q: MatrixQuery) => () => buildMatrix(db, q);
const allStale = () =>
  db.exec('INSERT OR IGNORE INTO document_grid_stale (document_id) SELECT DISTINCT document_id FROM claims');
const someClaim = db.prepare('SELECT id FROM claims WHERE id % 1000 = 7 LIMIT 1').pluck().get() as number;
const [theme1, theme2] = db
  .prepare("SELECT id FROM domains WHERE name IN ('Theme 1', 'Theme 2') ORDER BY name")
  .pluck()
  .all() as number[];
let flip = false;
// Re-tags one claim, alternating between two domains, through the core's own edit (not timed).
const editOneClaim = () => {
  flip = !flip;
  updateClaim(db, { id: someClaim, domainIds: [flip ? theme1 : theme2] });
};

const load = os.loadavg()[0];
measure('reference: GROUP BY domain over all 1.1 M tags (covering index), no matrix', '~75 ms', 9, () =>
  db.prepare('SELECT domain_id, count(*) FROM claim_domains GROUP BY domain_id').all(),
);
measure(
  'document summaries, all 10,000 afresh (the first grid after migration 0007, or an edit touching most documents)',
  '',
  3,
  () => refreshSummaries(db),
  allStale,
);
measure('matrix, claim count, rows = documents (10,000 × 30), cold', '< 150 ms', 9, matrix({}));
measure(
  'matrix, claim count, rows = documents, just after tagging a claim',
  '< 150 ms',
  9,
  () => computeMatrix(db, {}),
  editOneClaim,
);
measure('matrix, claim count, rows = documents, warm (unchanged project)', '< 150 ms', 9, () =>
  computeMatrix(db, {}),
);
measure(
  'matrix, claim count, rows = attribute (country), cold',
  '< 150 ms',
  9,
  matrix({ rows: 'attr:country' }),
);
measure(
  'matrix, claim count, rows = month of a date attribute',
  '',
  5,
  matrix({ rows: 'attr:session date:month' }),
);
measure('matrix, documents with the domain', '', 5, matrix({ measure: 'docs' }));
measure('matrix, share of text covered (%)', '', 3, matrix({ measure: 'coverage' }));
measure('matrix, words covered', '', 3, matrix({ measure: 'words' }));
measure('co-occurrence (same claim + overlapping claims), cold', '< 500 ms', 5, () => buildCooccurrence(db));
measure(
  'co-occurrence, just after tagging a claim',
  '< 500 ms',
  5,
  () => computeCooccurrence(db),
  editOneClaim,
);
measure('co-occurrence, warm (unchanged project)', '< 500 ms', 5, () => computeCooccurrence(db));
measure('claims table, first page (100 rows, by id)', '< 100 ms', 9, () => queryClaims(db, { limit: 100 }));
const domain = n("SELECT id FROM domains WHERE name = 'Theme 3'");
measure('claims table, first page, filtered by a parent domain', '< 100 ms', 9, () =>
  queryClaims(db, { limit: 100, filter: { domainIds: [domain] } }),
);
measure('claims table, first page, quick search "climate"', '< 100 ms', 9, () =>
  queryClaims(db, { limit: 100, filter: { search: 'climate' } }),
);
measure('claims table, first page, sorted by actor', '', 3, () =>
  queryClaims(db, { limit: 100, sort: [{ column: 'actor' }] }),
);
measure('claims table, first page, sorted by document title', '', 3, () =>
  queryClaims(db, { limit: 100, sort: [{ column: 'document' }] }),
);
measure('claims table, group counts by analyst (all claims)', '', 3, () =>
  claimGroups(db, { by: 'analyst' }),
);

// Two 50,000-character documents made of different speeches, sharing three planted passages.
const texts = db.prepare('SELECT text FROM documents ORDER BY id LIMIT 40').pluck().all() as string[];
const take = (from: number, chars: number): string => {
  let out = '';
  for (let i = from; out.length < chars; i++) out += `${texts[i % texts.length]}\n`;
  return out.slice(0, chars);
};
const plant = texts[39].slice(1000, 1800);
const a = `${take(0, 20_000)}\n${plant}\n${take(5, 29_200)}`.slice(0, 50_000);
const b = `${take(20, 10_000)}\n${plant}\n${take(25, 39_200)}`.slice(0, 50_000);
let found = 0;
measure('shared passages, two 50,000-character documents', '< 200 ms', 9, () => {
  found = findSharedPassages(a, b).passages.length;
});
closeProject(p);

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
writeSection(
  'grids',
  'Grids and comparison (10,000 documents, 1,000,000 claims)',
  `Project: ${docs.toLocaleString('en')} documents (UN General Debate speeches, reused with a distinguishing header), ${claims.toLocaleString('en')} claims (${CLAIMS_PER_DOC} per document, ${multi.toLocaleString('en')} with two domains, one in ten reaching into the next claim), ${domains} domains (6 parents × 4 children), ${DOCS === docs ? 'built' : 'partly built'} through \`addDocument\` and \`createClaimsBulk\` (the bulk path of \`createClaim\`)${built ? ` in ${buildSeconds.toFixed(0)} s` : ' (cached project reused)'}. Load average at start: ${load.toFixed(1)}${load > 0.5 ? ' (other work was running on the machine)' : ''}. Cold: computed afresh from the documents' summaries (migration 0007), as on opening the project; just after tagging: the one document the edit touched is summarized again first.

| Operation | Target | Median (ms) | p90 (ms) |
| --- | --- | ---: | ---: |
${rows.map(([what, target, r]) => `| ${what} | ${target} | ${fmt(r.median)} | ${fmt(r.p90)} |`).join('\n')}

Shared passages found between the two 50,000-character documents: ${found} (one planted 800-character passage; the rest are common UN phrases of 12 words or more).`,
);
