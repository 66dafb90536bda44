// What the web-mode memory benches (issue 16) share: a child process that serves a project by startWebServer and
// asks it over HTTP what the page asks, recording after each step (a GC first) rss / heap used / external (Buffers;
// SQLite's own memory is in rss only) and the process's high-water mark, so that what holds memory shows as the
// step it appears at; the parent that spawns that child fresh and reads its steps back; the table of steps.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeProject, openProject } from '../electron/core/project';
import { startWebServer } from '../electron/web/server';

export interface Step {
  step: string;
  rssMb: number;
  /** The process's high-water mark so far (VmHWM): where the peak rises. */
  peakMb: number;
  heapMb: number;
  externalMb: number;
}

export interface ChildResult {
  steps: Step[];
  peakMb: number;
}

/** How the page receives an export: as a download of its own (today), or as base64 inside the answer (before). */
export type ExportPath = 'download' | 'base64';

function highWaterMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

const mb = (n: number): number => Math.round((n / 2 ** 20) * 10) / 10;

export interface WebSession {
  /** One API call as the page makes it (POST /api/<name> with the token); throws on an error answer. */
  call: <T = unknown>(name: string, input: unknown) => Promise<T>;
  /**
   * The same call with the answer read and dropped unparsed (its size in bytes returned), so that the bench's own
   * copy of a large answer (the matrix, every document) is not counted as the core's.
   */
  drain: (name: string, input: unknown) => Promise<number>;
  /** One export as the page takes it; the file is read and dropped here. */
  exportFile: (format: string, input?: Record<string, unknown>) => Promise<void>;
  /** GC, then the process's memory, as the step just done. */
  mark: (step: string) => void;
  /** Closes the server and the project and prints the steps for the parent (RESULT <json>). */
  finish: () => Promise<void>;
}

/** In the child: opens the project, serves it by startWebServer and records the first two steps. */
export async function openWebSession(file: string, exportPath: ExportPath = 'download'): Promise<WebSession> {
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
  const post = (name: string, input: unknown): Promise<Response> =>
    fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': server.token },
      body: JSON.stringify(input),
    });
  const bytesOf = async (r: Response): Promise<number> => {
    let got = 0;
    for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) got += chunk.length;
    return got;
  };
  const call = async <T = unknown>(name: string, input: unknown): Promise<T> => {
    const r = await post(name, input);
    const body = (await r.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
    return body.value as T;
  };
  const drain = async (name: string, input: unknown): Promise<number> => {
    const r = await post(name, input);
    // The server answers 200 exactly when the call succeeded (server.ts: STATUS of the error's code otherwise).
    if (r.status !== 200) throw new Error(`${name}: ${r.status} ${await r.text()}`);
    return bytesOf(r);
  };
  const exportFile = async (format: string, input: Record<string, unknown> = {}): Promise<void> => {
    if (exportPath === 'base64') {
      await call('exportExcerpts', { ...input, format });
      return;
    }
    // As the Export view does: the core prepares the file, the page fetches it by its handle.
    const d = await call<{ handle: string; size: number }>('prepareExportDownload', { ...input, format });
    const r = await fetch(`${base}/api-download/${d.handle}`, {
      headers: { 'X-Dossier-Token': server.token },
    });
    if (!r.ok) throw new Error(`${format}: GET /api-download answered ${r.status}`);
    const got = await bytesOf(r);
    if (got !== d.size) throw new Error(`${format}: ${got} of ${d.size} bytes`);
  };
  const finish = async (): Promise<void> => {
    await server.close();
    closeProject(project);
    fs.rmSync(webRoot, { recursive: true, force: true });
    const result: ChildResult = { steps, peakMb: highWaterMb() };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  };
  return { call, drain, exportFile, mark, finish };
}

/** In the parent: runs `self --child ...args` in a fresh process (GC exposed, tsx) and reads its steps back. */
export function runChild(self: string, args: string[]): ChildResult & { load: number } {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) throw new Error(`bench child failed: ${r.stderr}`);
  return { ...(JSON.parse(line.slice(7)) as ChildResult), load: os.loadavg()[0] };
}

/** The child's steps as a Markdown table. */
export function stepsTable(steps: Step[]): string {
  return [
    '| step | RSS MB | peak so far MB | JS heap used MB | external MB |',
    '|---|---:|---:|---:|---:|',
    ...steps.map((s) => `| ${s.step} | ${s.rssMb} | ${s.peakMb} | ${s.heapMb} | ${s.externalMb} |`),
  ].join('\n');
}
