import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prepareText } from '../preparedText';
import { DossierError } from '../errors';
import { type Extracted, extractFile } from './formats';

// Reading and extracting one file, with every failure turned into a reason. Also where the import worker's
// module is found: under tsx/vitest the TypeScript source runs through tsx; a bundled app names its built
// worker file with setImportWorkerPath() (electron-vite: `import p from './worker?modulePath'`); without
// either, imports run on the calling thread.

export interface ExtractJob {
  name: string;
  /** Read from here when bytes are not given. */
  path?: string;
  bytes?: Uint8Array;
}

export type ExtractResult = { ok: true; doc: Extracted } | { ok: false; error: string };

let configuredWorker: string | URL | null = null;

/** For bundled builds: the path of the built worker module. */
export function setImportWorkerPath(file: string | URL | null): void {
  configuredWorker = file;
}

export function importWorkerSpec(): { file: string | URL; execArgv: string[] } | null {
  if (configuredWorker) return { file: configuredWorker, execArgv: [] };
  if (import.meta.url.endsWith('.ts')) {
    // A plain path (not `new URL('./worker.ts', import.meta.url)`) so that bundlers do not copy the source file.
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.ts');
    return { file, execArgv: ['--import', 'tsx'] };
  }
  return null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runExtractJob(job: ExtractJob): Promise<ExtractResult> {
  try {
    // A synchronous read: the import runs on its own thread, and a thread-pool round trip per small file costs
    // more than the read itself.
    const bytes = job.bytes ?? fs.readFileSync(job.path!);
    const doc = await extractFile(job.name, bytes);
    // Canonical text, hash and counts here, on the extracting thread, while the importer commits.
    const { text, ...prepared } = prepareText(doc.text);
    return { ok: true, doc: { ...doc, text, prepared } };
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

export interface Extractor {
  extract(job: ExtractJob): Promise<ExtractResult>;
  close(): Promise<void>;
}

/** Extraction on the current thread. */
export const inlineExtractor: Extractor = { extract: runExtractJob, close: async () => undefined };

/**
 * Extraction in a second worker thread, so that reading and parsing the next files overlaps with committing
 * the current ones. Results come back by job id; a dead worker turns every pending job into a failure.
 */
export function threadExtractor(spec: { file: string | URL; execArgv: string[] }): Extractor {
  const worker = new Worker(spec.file, { execArgv: spec.execArgv, workerData: { role: 'extract' } });
  const pending = new Map<number, (r: ExtractResult) => void>();
  let next = 0;
  let dead: string | null = null;
  const failAll = (why: string): void => {
    dead ??= why;
    for (const resolve of pending.values()) resolve({ ok: false, error: why });
    pending.clear();
  };
  // Until the thread has loaded its modules (a good part of a second under tsx), the calling thread, which has
  // nothing to commit yet, extracts the first files itself.
  let ready = false;
  worker.on('message', (m: { id: number; result: ExtractResult } | { ready: true }) => {
    if ('ready' in m) {
      ready = true;
      return;
    }
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  worker.on('error', (e) => failAll(`extraction worker failed: ${errorMessage(e)}`));
  worker.on('exit', (code) => failAll(`extraction worker stopped (exit code ${code})`));
  return {
    extract: (job) =>
      new Promise((resolve) => {
        if (dead) return resolve({ ok: false, error: dead });
        if (!ready) return resolve(runExtractJob(job));
        const id = next++;
        pending.set(id, resolve);
        worker.postMessage({ id, job });
      }),
    close: async () => {
      dead = 'extraction worker closed';
      pending.clear();
      await worker.terminate();
    },
  };
}
