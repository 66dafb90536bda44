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
  heapMb: number;
  externalMb: number;
}

async function child(file: string): Promise<void> {
  const mb = (n: number): number => Math.round((n / 2 ** 20) * 10) / 10;
  const steps: Step[] = [];
  const mark = (step: string): void => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    steps.push({ step, rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external) });
  };
  mark('process started (core modules loaded)');
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-mem-root-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>bench</title>');
  const project = openProject(file);
  const server = await startWebServer({ project, webRoot, autoBackups: false });
  mark('project open, server listening');
  const call = async (name: string, input: unknown): Promise<unknown> => {
    const r = await fetch(`${server.url.split('?')[0].replace(/\/$/, '')}/api/${name}`, {
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
  await call('listClaims', {});
  mark('every claim listed once (listClaims {})');
  await call('getMatrix', {});
  await call('getCooccurrence', {});
  mark('grids: matrix and co-occurrence');
  for (const q of ['security council', 'climate', 'human rights', 'development'])
    await call('searchDocuments', { query: q });
  mark('search: 4 queries');
  await call('exportExcerpts', { format: 'xlsx' });
  mark('export: XLSX of every claim');
  await call('exportExcerpts', { format: 'docx' });
  mark('export: DOCX report of every claim');
  await server.close();
  closeProject(project);
  fs.rmSync(webRoot, { recursive: true, force: true });
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`RESULT ${JSON.stringify({ steps, peakMb: Math.round(peak) })}\n`);
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--child');
  if (i > 0) return child(process.argv[i + 1]);
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
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', file], {
      encoding: 'utf8',
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (r.status !== 0 || !line) throw new Error(`bench child failed: ${r.stderr}`);
    const { steps, peakMb } = JSON.parse(line.slice(7)) as { steps: Step[]; peakMb: number };
    const table = [
      `Web mode, ${CLAIMS.toLocaleString('en')} claims on ${DOCS} documents; after each step a GC, then process.memoryUsage(). Peak RSS ${peakMb} MB (target < 300 MB). Load ${os.loadavg()[0].toFixed(1)}.`,
      '',
      '| step | RSS MB | JS heap used MB | external MB |',
      '|---|---:|---:|---:|',
      ...steps.map((s) => `| ${s.step} | ${s.rssMb} | ${s.heapMb} | ${s.externalMb} |`),
    ].join('\n');
    process.stdout.write(`${table}\n`);
    const out = process.env.DOSSIER_BENCH_OUT;
    if (out) fs.appendFileSync(out, `${table}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
