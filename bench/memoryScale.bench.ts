// Web-mode memory at 20,000 claims (issue 16): a project of 200 UN speeches and 20,000 claims is built through the
// core, then served by startWebServer in a fresh child process and asked, over HTTP as the page asks, what the
// Library, the Reader, the grids, search and an export ask on first use. After each step the child collects
// garbage and records rss / heap used / external (Buffers, SQLite's own memory is in rss only), so that what holds
// memory shows as the step it appears at. Target: < 300 MB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClaim } from '../electron/core/claims';
import { addDocument } from '../electron/core/documents';
import { createDomain } from '../electron/core/domains';
import { closeProject, createProject } from '../electron/core/project';
import { rng } from './random';
import { sharedDir } from './report';
import { openWebSession, runChild, stepsTable, type ExportPath } from './webMemory';

const CLAIMS = 20_000;
const DOCS = 200;

function build(corpus: string, file: string): void {
  const p = createProject(file, 'empty');
  const random = rng(16);
  const domainIds = ['Security', 'Economy', 'Climate', 'Rights', 'Health', 'Trade'].map((name) =>
    createDomain(p.db, { name }),
  );
  const files = fs
    .readdirSync(corpus, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .slice(0, DOCS);
  const docs: { id: number; len: number }[] = [];
  p.db.transaction(() => {
    for (const f of files) {
      const r = addDocument(p.db, {
        title: path.basename(f, '.txt'),
        text: fs.readFileSync(f, 'utf8'),
        format: 'txt',
      });
      docs.push({
        id: r.id,
        len: (p.db.prepare('SELECT char_count AS n FROM documents WHERE id = ?').get(r.id) as { n: number })
          .n,
      });
    }
    for (let n = 0; n < CLAIMS; n++) {
      const d = docs[n % docs.length];
      const start = Math.floor(random() * (d.len - 400));
      createClaim(p.db, {
        docId: d.id,
        start,
        end: start + 40 + Math.floor(random() * 300),
        domainIds: [domainIds[Math.floor(random() * domainIds.length)]],
        analyst: 'ana',
      });
    }
  })();
  closeProject(p);
}

async function child(file: string, exportPath: ExportPath): Promise<void> {
  const { call, exportFile, mark, finish } = await openWebSession(file, exportPath);
  await call('getProject', {});
  const docs = (await call<{ rows: { id: number }[] }>('listDocuments', { limit: 5_000 })).rows;
  await call('listDomains', {});
  mark('Library: getProject, listDocuments, listDomains');
  for (const d of docs.slice(0, 20)) {
    await call('getDocument', { id: d.id });
    await call('listClaimSpans', { docId: d.id });
    await call('listClaims', { docId: d.id });
  }
  mark('Reader: 20 documents opened (text, spans, claims)');
  await call('getMatrix', {});
  await call('getCooccurrence', {});
  mark('grids: matrix and co-occurrence');
  for (const q of ['security council', 'climate', 'human rights', 'development'])
    await call('searchDocuments', { query: q });
  mark('search: 4 queries');
  await exportFile('xlsx');
  mark(`export: XLSX of every claim (${exportPath})`);
  await exportFile('docx');
  mark(`export: DOCX report of every claim (${exportPath})`);
  await exportFile('csv');
  mark(`export: CSV of every claim (${exportPath})`);
  // The page no longer asks for every claim at once (the Reader lists a document's, the claims table pages):
  // measured last, so that it does not hide the steps before it.
  await call('listClaims', {});
  mark('every claim listed once (listClaims {}; no view asks this)');
  await finish();
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--child');
  if (i > 0) return child(process.argv[i + 1], process.argv[i + 2] as ExportPath);
  const shared = sharedDir();
  const corpus = shared && path.join(shared, 'corpora', 'un-general-debate-2015-2024');
  if (!corpus || !fs.existsSync(corpus)) {
    console.log('bench memoryScale: ../shared/corpora is absent; nothing to measure');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-mem-bench-'));
  try {
    const file = path.join(dir, 'Memory.dossier');
    build(corpus, file);
    const self = fileURLToPath(import.meta.url);
    // Each path in a fresh process of its own, in this run: the peak is a high-water mark.
    const runs = (['download', 'base64'] as const).map((exportPath) => ({
      exportPath,
      ...runChild(self, [file, exportPath]),
    }));
    const table = runs
      .map(({ exportPath, steps, peakMb, load }) =>
        [
          `Web mode, ${CLAIMS.toLocaleString('en')} claims on ${DOCS} documents, exports as ${exportPath === 'download' ? 'a download of their own (prepareExportDownload + GET /api-download, as the Export view does)' : 'base64 inside the answer (exportExcerpts, as before)'}; after each step a GC, then process.memoryUsage() and the high-water mark. Peak RSS ${peakMb} MB (target < 300 MB). Load ${load.toFixed(1)}.`,
          '',
          stepsTable(steps),
        ].join('\n'),
      )
      .join('\n\n');
    process.stdout.write(`${table}\n`);
    const out = process.env.DOSSIER_BENCH_OUT;
    if (out) fs.appendFileSync(out, `${table}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
