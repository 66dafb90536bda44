// The Library at 100,000 documents (issue 16). Builds a project of N documents (rows inserted in one transaction,
// FTS triggers and all; never checked in), then measures, in one run:
// 1. pageDocuments in-process (callMethod): the first page and the page at offset N−500 sorted by each indexed
//    column both ways, against the same query with the index defeated (`ORDER BY +col`, SQLite's way of not using
//    an index), so that the ratio is read at the same load; CPU ms (process.cpuUsage) beside wall ms.
// 2. The Library's first paint in Chromium (web mode, cold page each run): when the first document row is in the
//    page, for the large project and for the sample project (the same run's reference), with the core's CPU spent
//    serving it (the server runs in this process).
// Every figure is printed with the load average. BENCH_REPORT=stdout prints the section without writing
// BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { callMethod } from '../electron/core/api/dispatch';
import { closeProject, createProject, openDefaultProject, type Project } from '../electron/core/project';
import { startWebServer } from '../electron/web/server';
import { writeSection } from './report';
import { firstRowPage } from './firstRow';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.LIBRARY_DOCS ?? 100_000);
const RUNS = Number(process.env.LIBRARY_RUNS ?? 5);
const load = (): string => os.loadavg()[0].toFixed(1);

function build(file: string): Project {
  const p = createProject(file);
  const insert = p.db.prepare(
    `INSERT INTO documents (title, source, author, published, format, content_hash, text, char_count, word_count,
       imported_at, original_name)
     VALUES (?, ?, ?, ?, 'txt', ?, ?, ?, ?, ?, ?)`,
  );
  const sources = ['Reuters', 'AP', 'BBC Monitoring', 'Hansard', 'UN Press', 'TASS', 'Ukrinform'];
  p.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      // Scrambled so that no column's order is the insertion order.
      const k = (i * 7_919) % N;
      const words = 50 + ((k * 31) % 4_000);
      const text = `Paragraph ${i} of the record, session ${k % 90}.`;
      const day = new Date(Date.UTC(1990, 0, 1) + ((k * 13) % 12_000) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      insert.run(
        `Record ${String(k).padStart(6, '0')} on session ${k % 90}`,
        sources[k % sources.length],
        `Speaker ${k % 500}`,
        day,
        `h${i}`,
        text,
        text.length,
        words,
        new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
        `record-${k}.txt`,
      );
    }
  })();
  return p;
}

interface Timed {
  wallMs: number;
  cpuMs: number;
}

async function timed(f: () => Promise<unknown>, runs = 3): Promise<Timed> {
  let wall = 0;
  let cpu = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    wall += performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
  }
  return { wallMs: wall / runs, cpuMs: cpu / runs };
}

const COLUMN: Record<string, string> = {
  title: 'title COLLATE NOCASE',
  published: 'published',
  words: 'word_count',
  chars: 'char_count',
};

async function pages(p: Project): Promise<string[]> {
  const out: string[] = [
    '| page | pageDocuments: ms / CPU ms | same query, index not used: ms / CPU ms | ratio (CPU) | load |',
    '|---|---:|---:|---:|---:|',
  ];
  const ask = async (input: Record<string, unknown>): Promise<void> => {
    const r = await callMethod(p, 'pageDocuments', input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  await ask({}); // statements prepared, pages warm
  const first = await timed(() => ask({}));
  out.push(
    `| first page (500, title) | ${first.wallMs.toFixed(1)} / ${first.cpuMs.toFixed(1)} | | | ${load()} |`,
  );
  for (const sort of Object.keys(COLUMN))
    for (const desc of [false, true]) {
      const input = { sort, desc, offset: N - 500, limit: 500 };
      await ask(input);
      const indexed = await timed(() => ask(input));
      const dir = desc ? 'DESC' : 'ASC';
      // The reference: the same rows with the index defeated (unary + makes the sort key an expression).
      const sql = `SELECT d.id FROM documents d ORDER BY +d.${COLUMN[sort]} ${dir}, d.id ${dir} LIMIT 500 OFFSET ${N - 500}`;
      const ref = await timed(async () => p.db.prepare(sql).all());
      const own = await timed(async () =>
        p.db
          .prepare(
            `SELECT d.id FROM documents d ORDER BY d.${COLUMN[sort]} ${dir}, d.id ${dir} LIMIT 500 OFFSET ${N - 500}`,
          )
          .all(),
      );
      out.push(
        `| offset ${(N - 500).toLocaleString('en')} by ${sort} ${desc ? 'desc' : 'asc'} | ${indexed.wallMs.toFixed(1)} / ${indexed.cpuMs.toFixed(1)} (ids only ${own.cpuMs.toFixed(1)}) | ${ref.wallMs.toFixed(1)} / ${ref.cpuMs.toFixed(1)} | ${(ref.cpuMs / Math.max(own.cpuMs, 0.01)).toFixed(1)}× | ${load()} |`,
      );
    }
  const claims = await timed(() => ask({ sort: 'claims', desc: true, offset: N - 500 }));
  out.push(
    `| offset ${(N - 500).toLocaleString('en')} by claims desc (a count: no index) | ${claims.wallMs.toFixed(1)} / ${claims.cpuMs.toFixed(1)} | | | ${load()} |`,
  );
  const text = await timed(() => ask({ text: 'session 7' }));
  out.push(
    `| text filter "session 7" (LIKE scan) | ${text.wallMs.toFixed(1)} / ${text.cpuMs.toFixed(1)} | | | ${load()} |`,
  );
  return out;
}

interface Paint {
  rowMs: number;
  fcpMs: number;
  coreCpuMs: number;
}

async function paints(project: Project, webRoot: string): Promise<Paint[]> {
  const server = await startWebServer({ project, webRoot, autoBackups: false });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const out: Paint[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await firstRowPage(browser);
      const c0 = process.cpuUsage();
      await page.goto(server.url);
      await page.waitForFunction(
        () => (window as unknown as { __firstRow?: number }).__firstRow !== undefined,
      );
      const c = process.cpuUsage(c0);
      const t = await page.evaluate(() => ({
        rowMs: (window as unknown as { __firstRow: number }).__firstRow,
        fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      }));
      // The core's CPU until the first row was in the page (this process serves the page; the browser is apart).
      out.push({ ...t, coreCpuMs: (c.user + c.system) / 1000 });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const webRoot = path.resolve(ROOT, process.env.DOSSIER_WEB_ROOT ?? 'out/renderer');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-library-'));
  try {
    const t0 = performance.now();
    const big = build(path.join(dir, 'large.dossier'));
    const buildS = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`built ${N} documents in ${buildS} s (load ${load()})`);
    const pageRows = await pages(big);
    console.log(pageRows.join('\n'));
    const sample = openDefaultProject(path.join(dir, 'data'));
    const ref = await paints(sample, webRoot);
    const loadRef = load();
    const large = await paints(big, webRoot);
    const loadLarge = load();
    closeProject(sample);
    closeProject(big);
    const m = (ps: Paint[], f: (p: Paint) => number): string => median(ps.map(f)).toFixed(0);
    const paintRows = [
      '| project | first contentful paint | first document row | core CPU until then | load |',
      '|---|---:|---:|---:|---:|',
      `| sample (5 documents, the reference) | ${m(ref, (p) => p.fcpMs)} ms | ${m(ref, (p) => p.rowMs)} ms | ${m(ref, (p) => p.coreCpuMs)} ms | ${loadRef} |`,
      `| ${N.toLocaleString('en')} documents | ${m(large, (p) => p.fcpMs)} ms | ${m(large, (p) => p.rowMs)} ms | ${m(large, (p) => p.coreCpuMs)} ms | ${loadLarge} |`,
      `| ratio | | ${(median(large.map((p) => p.rowMs)) / median(ref.map((p) => p.rowMs))).toFixed(2)}× | | |`,
    ];
    const body = [
      `${N.toLocaleString('en')} documents built by the bench in ${buildS} s. pageDocuments in-process through callMethod, mean of 3 after a warm-up; "ids only" is the same ORDER BY/OFFSET selecting ids, the reference the same with the index defeated.`,
      '',
      ...pageRows,
      '',
      `First paint of the Library (web mode, Chromium, 1440×900, cold page, median of ${RUNS}): the first document row is the plain table's first page (the grid's script follows). Target < 300 ms.`,
      '',
      ...paintRows,
    ].join('\n');
    if (process.env.BENCH_REPORT === 'stdout') console.log(body);
    else writeSection('libraryScale', 'The Library at 100,000 documents (issue 16)', body);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
