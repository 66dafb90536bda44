// Web-mode memory at 100,000 documents (issue 16): scale.bench's project (paragraphs of the UN General Debate
// corpus as documents, claims on ~30 % of them, 30 domains) served by startWebServer in a fresh child process and
// asked over HTTP what the page asks on first use: the Library's first and a deep page (pageDocuments), the list
// the context and the left column hold (listDocuments, every page of 2,000 as ProjectContext asks them), the Reader
// on 20 documents, the grids, search with snippets, and exports taken as the Export view takes them
// (prepareExportDownload + GET /api-download), a GC and the memory after each step (bench/webMemory.ts).
// Target: < 600 MB. DOSSIER_MEM_DOCS=<n> (default 100000); DOSSIER_MEM_KEEP=<file> builds the project there once
// and reuses it; BENCH_REPORT=stdout prints the section without writing BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDir, writeSection } from './report';
import { buildScaleProject, load, paragraphs, type Built } from './scaleProject';
import { openWebSession, runChild, stepsTable } from './webMemory';

const DOCS = Number(process.env.DOSSIER_MEM_DOCS ?? 100_000);
const TARGET_MB = 600;
/** The Library's block (LibraryView's LIBRARY_BLOCK) and the context's page (ProjectContext's CONTEXT_PAGE). */
const LIBRARY_BLOCK = 100;
const CONTEXT_PAGE = 2_000;

interface Page {
  rows: { id: number }[];
  total: number;
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

async function child(file: string): Promise<void> {
  const { call, drain, exportFile, mark, finish } = await openWebSession(file);
  // Answers the bench does not need are drained unparsed: what is measured is the core's, not the bench's copy.
  await drain('getProject', {});
  await drain('getCodebook', {});
  const { total } = await call<Page>('pageDocuments', { limit: LIBRARY_BLOCK });
  mark('Library: getProject, getCodebook, pageDocuments first block (100 by title)');
  const deep = Math.max(0, total - LIBRARY_BLOCK);
  await drain('pageDocuments', { offset: deep, limit: LIBRARY_BLOCK });
  await drain('pageDocuments', { offset: deep, limit: LIBRARY_BLOCK, sort: 'chars', desc: true });
  mark('Library: the last block, by title and by characters descending');
  // What ProjectContext gathers for the left column and the views that pick among every document.
  let listed = 0;
  for (let offset = 0; offset < total; offset += CONTEXT_PAGE)
    listed += await drain('listDocuments', { offset, limit: CONTEXT_PAGE });
  mark(
    `left column / context: listDocuments, every page of ${CONTEXT_PAGE.toLocaleString('en')} (${mib(listed)} of answers)`,
  );
  const withClaims = await call<Page>('pageDocuments', { minClaims: 1, limit: 20 });
  for (const d of withClaims.rows) {
    await drain('getDocument', { id: d.id });
    await drain('listClaimSpans', { docId: d.id });
    await drain('listClaims', { docId: d.id });
  }
  mark('Reader: 20 documents with claims opened (text, spans, claims)');
  const matrix = await drain('getMatrix', {});
  mark(`grids: matrix, a row per document (${mib(matrix)} answer)`);
  const cooc = await drain('getCooccurrence', {});
  mark(`grids: co-occurrence (${mib(cooc)} answer)`);
  for (const q of ['security council', 'climate', 'human rights', 'develop*', '"sustainable development"'])
    await drain('searchDocuments', { query: q, limit: 25, hits: true });
  mark('search: 5 queries, top 25 with snippets and hits');
  await exportFile('csv');
  mark('export: CSV of every claim');
  await exportFile('xlsx');
  mark('export: XLSX of every claim');
  await exportFile('docx');
  mark('export: DOCX report of every claim');
  await finish();
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--child');
  if (i > 0) return child(process.argv[i + 1]);
  const shared = sharedDir();
  const corpus = shared && path.join(shared, 'corpora', 'un-general-debate-2015-2024');
  if (!corpus || !fs.existsSync(corpus)) {
    console.log('bench memoryScale100k: ../shared/corpora is absent; nothing to measure');
    return;
  }
  const keep = process.env.DOSSIER_MEM_KEEP;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-mem100k-bench-'));
  try {
    const file = keep ?? path.join(dir, 'Memory100k.dossier');
    let built: Built | null = null;
    if (!keep || !fs.existsSync(keep)) {
      console.log(`building ${DOCS.toLocaleString('en')} documents (load ${load()})`);
      built = buildScaleProject(file, DOCS, paragraphs(corpus));
    }
    const { steps, peakMb, load: childLoad } = runChild(fileURLToPath(import.meta.url), [file]);
    const body = [
      `Web mode, ${DOCS.toLocaleString('en')} documents (scale.bench's project${built ? `: ${built.claims.toLocaleString('en')} claims, ${built.mb.toFixed(0)} MB file` : ''}), served by startWebServer in a fresh process and asked over HTTP what the page asks on first use; exports as the Export view takes them (prepareExportDownload + GET /api-download). After each step a GC, then process.memoryUsage() and the high-water mark. Peak RSS ${peakMb} MB (target < ${TARGET_MB} MB). Load ${childLoad.toFixed(1)}.`,
      '',
      stepsTable(steps),
    ].join('\n');
    if (process.env.BENCH_REPORT === 'stdout') console.log(body);
    else writeSection('memoryScale100k', 'Web-mode memory at 100,000 documents (issue 16)', body);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
