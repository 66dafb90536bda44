import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { DossierError } from '../errors';
import { type Extracted, extractFile } from './extract';

// Extraction runs in a worker thread so that the main thread (Electron main, the web server) stays responsive;
// the main thread only commits. Under tsx/vitest the worker runs the TypeScript source through tsx; a bundled
// app names its built worker file with setImportWorkerPath(); without either, extraction runs in-process.

export interface ExtractJob {
  name: string;
  /** Read from here when bytes are not given. */
  path?: string;
  bytes?: Uint8Array;
}

export type ExtractResult = { ok: true; doc: Extracted } | { ok: false; error: string };

export interface Extractor {
  extract(job: ExtractJob): Promise<ExtractResult>;
  close(): Promise<void>;
  readonly threaded: boolean;
}

let configuredWorker: string | URL | null = null;

/** For bundled builds: the path of the built worker module (electron-vite's `./worker?modulePath`). */
export function setImportWorkerPath(file: string | URL | null): void {
  configuredWorker = file;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads and extracts one file; every failure becomes a reason, never an exception. */
export async function runExtractJob(job: ExtractJob): Promise<ExtractResult> {
  try {
    const bytes = job.bytes ?? (await fs.promises.readFile(job.path!));
    return { ok: true, doc: await extractFile(job.name, bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: 'file not found' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, error: 'permission denied' };
    if (code === 'EISDIR') return { ok: false, error: 'is a folder' };
    return {
      ok: false,
      error: error instanceof DossierError ? error.message : `unreadable: ${errorMessage(error)}`,
    };
  }
}

function inlineExtractor(): Extractor {
  return {
    threaded: false,
    extract: async (job) => {
      // Let timers and I/O run between files, as the worker would.
      await new Promise((r) => setImmediate(r));
      return runExtractJob(job);
    },
    close: async () => undefined,
  };
}

function workerSpec(): { file: string | URL; execArgv: string[] } | null {
  if (configuredWorker) return { file: configuredWorker, execArgv: [] };
  if (import.meta.url.endsWith('.ts')) {
    return { file: new URL('./worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
  }
  return null;
}

interface Pending {
  resolve: (r: ExtractResult) => void;
}

function threadExtractor(spec: { file: string | URL; execArgv: string[] }): Extractor {
  const worker = new Worker(spec.file, { execArgv: spec.execArgv });
  const pending = new Map<number, Pending>();
  let next = 0;
  let dead: string | null = null;
  const failAll = (why: string): void => {
    dead = why;
    for (const p of pending.values()) p.resolve({ ok: false, error: why });
    pending.clear();
  };
  worker.on('message', (m: { id: number; result: ExtractResult }) => {
    pending.get(m.id)?.resolve(m.result);
    pending.delete(m.id);
  });
  worker.on('error', (e) => failAll(`import worker failed: ${errorMessage(e)}`));
  worker.on('exit', (code) => failAll(`import worker stopped (exit code ${code})`));
  return {
    threaded: true,
    extract: (job) =>
      new Promise((resolve) => {
        if (dead) return resolve({ ok: false, error: dead });
        const id = next++;
        pending.set(id, { resolve });
        worker.postMessage({ id, job });
      }),
    close: async () => {
      pending.clear();
      dead = 'import worker closed';
      await worker.terminate();
    },
  };
}

export function createExtractor(options: { threaded?: boolean } = {}): Extractor {
  const spec = options.threaded === false ? null : workerSpec();
  return spec ? threadExtractor(spec) : inlineExtractor();
}
