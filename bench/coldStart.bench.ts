// Cold start of web mode (issue 16): what `npm start` runs once it has built (`dossier serve` over a data folder)
// until the Library is usable in Chromium. Each run is a fresh process: from spawn until the server prints that it
// listens (its CPU time read from /proc at that moment), then a new browser context loading the printed URL until
// the Library's table shows its first row. Two cases: the first start (the sample project is created) and a
// later one (the sample opens). Reference, in the same run: a bare `node` that opens the project with
// better-sqlite3 and listens on 127.0.0.1. Runs are interleaved so that the machine's load hits each alike; the
// load average is printed with every figure. Target: a usable window < 1.5 s. Electron is not measured (no
// binary can be had on this machine).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { percentile, writeSection } from './report';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 5);
const WEB_ROOT = path.resolve(ROOT, process.env.DOSSIER_WEB_ROOT ?? path.join('out', 'renderer'));
const TICK_MS = 10; // /proc/<pid>/stat counts CPU in clock ticks of 1/100 s on Linux.

const load = (): string => os.loadavg()[0].toFixed(1);

/** User + system CPU ms of a live process so far. */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

interface Started {
  url: string;
  listenMs: number;
  cpuMs: number;
  stop: () => Promise<void>;
}

/** Spawns `argv` and waits for the line carrying the URL it serves. */
function startServer(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...process.env, DOSSIER_WEB_ROOT: WEB_ROOT, ...env },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`${argv.join(' ')} exited (${code}): ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"([^"]+)"/.exec(out);
      if (!m) return;
      const listenMs = performance.now() - t0;
      const cpu = cpuMs(child.pid!);
      child.removeAllListeners('exit');
      resolve({
        url: m[1],
        listenMs,
        cpuMs: cpu,
        stop: () =>
          new Promise((r) => {
            child.once('exit', () => r());
            child.kill();
          }),
      });
    });
  });
}

/** ms from loading the URL in a new context until the Library's table shows its first row. */
async function usable(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(url);
  await page.locator('.ag-row').first().waitFor({ timeout: 60_000 });
  const ms = performance.now() - t0;
  await context.close();
  return ms;
}

const BARE = (file: string): string => `import http from 'node:http';
import Database from 'better-sqlite3';
const db = new Database(${JSON.stringify(file)});
db.prepare('SELECT id, title FROM documents').all();
const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ url: 'http://127.0.0.1:' + server.address().port + '/' }) + '\\n'));`;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html')))
    throw new Error(`the renderer is not built at ${WEB_ROOT} (npm run build:web, or DOSSIER_WEB_ROOT)`);
  if (!process.env.DOSSIER_SKIP_CLI_BUILD)
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'buildCli.mjs')], { stdio: 'inherit' });
  const browser = await chromium.launch({
    executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-coldstart-'));
  const serve = (dataDir: string): string[] => [
    path.join(ROOT, 'bin', 'dossier.mjs'),
    'serve',
    '--json',
    '--data-dir',
    dataDir,
  ];
  type Row = { listen: number[]; cpu: number[]; page: number[]; loads: string[] };
  const rows = new Map<string, Row>();
  const add = (key: string, s: Started, pageMs: number): void => {
    const r = rows.get(key) ?? rows.set(key, { listen: [], cpu: [], page: [], loads: [] }).get(key)!;
    r.listen.push(s.listenMs);
    r.cpu.push(s.cpuMs);
    r.page.push(pageMs);
    r.loads.push(load());
  };
  try {
    const later = path.join(tmp, 'later');
    // The later starts open the sample the first start made.
    await (await startServer(serve(later))).stop();
    const sampleFile = path.join(later, 'Sample.dossier');
    for (let i = 0; i < RUNS; i++) {
      const first = await startServer(serve(path.join(tmp, `first-${i}`)));
      add('first start (sample created)', first, await usable(browser, first.url));
      await first.stop();
      const again = await startServer(serve(later));
      add('later start (sample opened)', again, await usable(browser, again.url));
      await again.stop();
      const bare = await startServer(['--input-type=module', '-e', BARE(sampleFile)]);
      add('reference: bare node, better-sqlite3 + http listening', bare, NaN);
      await bare.stop();
    }
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const median = (xs: number[]): number =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  const ref = rows.get('reference: bare node, better-sqlite3 + http listening')!;
  const refCpu = median(ref.cpu);
  const scripts = fs
    .readdirSync(path.join(WEB_ROOT, 'assets'))
    .filter((f) => /^index-.*\.js$/.test(f))
    .map((f) => fs.statSync(path.join(WEB_ROOT, 'assets', f)).size);
  const table = [...rows].map(([name, r]) => {
    const total = r.listen.map((l, i) => l + r.page[i]);
    const isRef = r === ref;
    return `| ${name} | ${median(r.listen).toFixed(0)} | ${median(r.cpu).toFixed(0)} | ${(median(r.cpu) / refCpu).toFixed(1)}× | ${isRef ? '–' : median(r.page).toFixed(0)} | ${isRef ? '–' : median(total).toFixed(0)} | ${r.loads.join(', ')} |`;
  });
  const usableMs = median(
    rows
      .get('later start (sample opened)')!
      .listen.map((l, i) => l + rows.get('later start (sample opened)')!.page[i]),
  );
  const body = [
    `\`dossier serve --json\` over a data folder (bin/dossier.mjs → out/cli), spawned fresh ${RUNS} times per case, interleaved with the reference; the page loaded in a new Chromium context (headless, no GPU; the browser already running, as a user's is). Listening: spawn → the URL printed; CPU: the server process's user + system time at that moment (/proc, 10 ms ticks); usable: page load → the Library's first row. Medians; the load average (1 min) at each run is listed. Renderer entry script: ${scripts.map((b) => `${(b / 1024).toFixed(0)} KiB`).join(', ')}.`,
    '',
    '| case | listening ms | server CPU ms | CPU ÷ bare node | page usable ms | usable window ms | load at each run |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...table,
    '',
    `- Cold start to a usable window < 1.5 s → ${usableMs.toFixed(0)} ms for a later start (${usableMs < 1500 ? 'met' : 'NOT met'}, load ${load()}).`,
  ].join('\n');
  if (process.env.DOSSIER_BENCH_DRY) console.log(body);
  else writeSection('coldStart', 'Cold start of web mode (issue 16)', body);
}

await main();
