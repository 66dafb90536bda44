// Web-mode memory at 20,000 claims (issue 16): a project of 200 UN speeches and 20,000 claims is built through the
// core, then served by startWebServer in a fresh child process and asked, over HTTP as the page asks, what the
// Library, the Reader, the grids, search and an export ask on first use. After each step the child collects
// garbage and records rss / heap used / external (Buffers, SQLite's own memory is in rss only), so that what holds
// memory shows as the step it appears at. Target: < 300 MB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClaim } from '../electron/core/claims';
import { addDocument } from '../electron/core/documents';
import { createDomain } from '../electron/core/domains';
import { closeProject, createProject, openProject } from '../electron/core/project';
import { startWebServer } from '../electron/web/server';
import { rng } from './random';
import { sharedDir } from './report';

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

interface Step {
  step: string;
  rssMb: number;
  /** The process's high-water mark so far (VmHWM): where the peak rises. */
  peakMb: number;
  heapMb: number;
  externalMb: number;
}

/** How the page receives an export: as a download of its own (today), or as base64 inside the answer (before). */
type ExportPath = 'download' | 'base64';

function highWaterMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

async function child(file: string, exportPath: ExportPath): Promise<void> {
  const mb = (n: number): number => Math.round((n / 2 ** 20) * 10) / 10;
  const steps: Step[] = [];
  const mark = (step: string): void => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    steps.push({
      step,
      rssMb: mb(m.rss),
      peakMb: highWaterMb(),
      heapMb: mb(m.heapUsed),
      externalMb: mb(m.external),
    });
  };
  mark('process started (core modules loaded)');
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-mem-root-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>bench</title>');
  const project = openProject(file);
  const server = await startWebServer({ project, webRoot, autoBackups: false });
  mark('project open, server listening');
  const base = server.url.split('?')[0].replace(/\/$/, '');
  const call = async (name: string, input: unknown): Promise<unknown> => {
    const r = await fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': server.token },
      body: JSON.stringify(input),
    });
    const body = (await r.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
    return body.value;
  };
  await call('getProject', {});
  const docs = ((await call('listDocuments', { limit: 5_000 })) as { rows: { id: number }[] }).rows;
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
  const exportFile = async (format: string): Promise<void> => {
    if (exportPath === 'base64') {
      await call('exportExcerpts', { format });
      return;
    }
    // As the Export view does: the core prepares the file, the page fetches it (read and dropped here).
    const d = (await call('prepareExportDownload', { format })) as { handle: string; size: number };
    const r = await fetch(`${base}/api-download/${d.handle}`, {
      headers: { 'X-Dossier-Token': server.token },
    });
    let got = 0;
    for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) got += chunk.length;
    if (got !== d.size) throw new Error(`${format}: ${got} of ${d.size} bytes`);
  };
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
  await server.close();
  closeProject(project);
  fs.rmSync(webRoot, { recursive: true, force: true });
  process.stdout.write(`RESULT ${JSON.stringify({ steps, peakMb: highWaterMb() })}\n`);
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
    const runs = (['download', 'base64'] as const).map((exportPath) => {
      const r = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', self, '--child', file, exportPath],
        { encoding: 'utf8' },
      );
      const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (r.status !== 0 || !line) throw new Error(`bench child failed: ${r.stderr}`);
      const result = JSON.parse(line.slice(7)) as { steps: Step[]; peakMb: number };
      return { exportPath, ...result, load: os.loadavg()[0] };
    });
    const table = runs
      .map(({ exportPath, steps, peakMb, load }) =>
        [
          `Web mode, ${CLAIMS.toLocaleString('en')} claims on ${DOCS} documents, exports as ${exportPath === 'download' ? 'a download of their own (prepareExportDownload + GET /api-download, as the Export view does)' : 'base64 inside the answer (exportExcerpts, as before)'}; after each step a GC, then process.memoryUsage() and the high-water mark. Peak RSS ${peakMb} MB (target < 300 MB). Load ${load.toFixed(1)}.`,
          '',
          '| step | RSS MB | peak so far MB | JS heap used MB | external MB |',
          '|---|---:|---:|---:|---:|',
          ...steps.map((s) => `| ${s.step} | ${s.rssMb} | ${s.peakMb} | ${s.heapMb} | ${s.externalMb} |`),
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
