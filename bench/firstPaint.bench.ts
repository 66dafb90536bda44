// First paint of the Library (issue 14), in Chromium: the sample project served in web mode, the page loaded cold
// (a new browser context each run), and measured from the page's own timings: the script fetched before the first
// contentful paint (bytes of every .js whose response ended before it), the first contentful paint, and when the
// Library's table shows its first row. Run against the current build (DOSSIER_WEB_ROOT or out/renderer) and, when
// DOSSIER_WEB_ROOT_BEFORE names a renderer built before the views were split, against that one too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { closeProject, openDefaultProject } from '../electron/core/project';
import { startWebServer } from '../electron/web/server';
import { writeSection } from './report';
import { firstRowPage } from './firstRow';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.FIRST_PAINT_RUNS ?? 5);

interface Run {
  scriptBytes: number;
  scriptFiles: number;
  allScriptBytes: number;
  fcpMs: number;
  rowsMs: number;
  tableMs: number;
}

async function measure(webRoot: string): Promise<Run[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-fp-'));
  const project = openDefaultProject(dataDir);
  const server = await startWebServer({ project, webRoot, autoBackups: false });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await firstRowPage(browser);
      await page.goto(server.url);
      await page.locator('.ag-row').first().waitFor();
      const t = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
          (r) => new URL(r.name).pathname.endsWith('.js'),
        );
        const before = scripts.filter((r) => r.responseEnd <= fcp);
        const bytes = (rs: PerformanceResourceTiming[]): number =>
          rs.reduce((n, r) => n + (r.decodedBodySize || r.encodedBodySize || r.transferSize), 0);
        return {
          scriptBytes: bytes(before),
          scriptFiles: before.length,
          allScriptBytes: bytes(scripts),
          fcpMs: fcp,
          rowsMs: (window as unknown as { __firstRow?: number }).__firstRow ?? NaN,
          tableMs: performance.now(),
        };
      });
      runs.push(t);
      await context.close();
    }
    return runs;
  } finally {
    await browser.close();
    await server.close();
    closeProject(project);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number): string => `${Math.round(n / 1024).toLocaleString('en')} KB`;

function row(label: string, runs: Run[] | null): string {
  if (!runs) return `| ${label} | not measured | | | | |`;
  const m = (f: (r: Run) => number): number => median(runs.map(f));
  return `| ${label} | ${kb(m((r) => r.scriptBytes))} in ${m((r) => r.scriptFiles)} file(s) | ${Math.round(m((r) => r.fcpMs))} ms | ${Math.round(m((r) => r.rowsMs))} ms | ${Math.round(m((r) => r.tableMs))} ms | ${kb(m((r) => r.allScriptBytes))} |`;
}

async function main(): Promise<void> {
  const now = path.resolve(ROOT, process.env.DOSSIER_WEB_ROOT ?? 'out/renderer');
  const before = process.env.DOSSIER_WEB_ROOT_BEFORE;
  const old = before ? await measure(path.resolve(before)) : null;
  const after = await measure(now);
  const load = os.loadavg()[0].toFixed(1);
  writeSection(
    'firstPaint',
    'First paint of the Library (web mode, Chromium)',
    [
      `Sample project, cold page load at 1440×900, median of ${RUNS} runs (load average ${load} when it ended). Script before first paint: the .js files whose response ended before the first contentful paint (uncompressed bytes). Target: under 1 MB.`,
      '',
      '| build | script before first paint | first contentful paint | first document row | grid shown | script loaded by then |',
      '| --- | --- | --- | --- | --- | --- |',
      row('one bundle (before)', old),
      row('split by view (now)', after),
    ].join('\n'),
  );
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
