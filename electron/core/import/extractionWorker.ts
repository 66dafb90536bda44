import { Worker } from 'node:worker_threads';
import { DossierError } from '../errors';
import {
  errorMessage,
  type ExtractJob,
  type Extractor,
  type ExtractResult,
  importWorkerSpec,
  type OnOcrPage,
} from './extractor';

// Extraction in a worker thread, with a time limit per file. A parser that hangs or recurses without end on a
// hostile file (HTML nested thousands deep, say) holds only its worker: when the file's time is up the worker
// is terminated, the file is reported as failed with the reason, and a fresh worker takes the next file. The
// thread that asked (Electron main, the web server, the import worker) only posts messages and waits.

/** Time limit per file, plus PER_MB_MS for each MB (a 200 MB PDF may honestly take minutes). */
export const DEFAULT_TIME_LIMIT_MS = 30_000;
const PER_MB_MS = 1_000;

/** The base limit: DOSSIER_EXTRACT_TIME_LIMIT_MS when set (tests, slow machines), else 30 s. */
export function defaultTimeLimitMs(): number {
  const env = Number(process.env.DOSSIER_EXTRACT_TIME_LIMIT_MS);
  return Number.isFinite(env) && env > 0 ? env : DEFAULT_TIME_LIMIT_MS;
}

function limitFor(job: ExtractJob): number {
  const base = job.timeLimitMs ?? defaultTimeLimitMs();
  return base + Math.round(((job.size ?? job.bytes?.length ?? 0) / 2 ** 20) * PER_MB_MS);
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 10 ? `${Math.round(s)} s` : `${Number(s.toPrecision(2))} s`;
}

interface Pending {
  job: ExtractJob;
  resolve: (r: ExtractResult) => void;
  onOcrPage?: OnOcrPage;
}

/** What an extraction thread posts: ready once loaded, a recognised page (OCR) or the file's result. */
export type ExtractionMessage =
  { ready: true } | { ocrPage: { page: number; pages: number } } | { result: ExtractResult };

type Spec = { file: string | URL; execArgv: string[] };

/**
 * One worker, one file at a time (so that a file's clock starts when its worker starts on it, never while it
 * waits behind another). The clock starts only once the worker has loaded: loading is not the file's fault.
 */
export function threadExtractor(spec: Spec): Extractor {
  const queue: Pending[] = [];
  let worker: Worker | null = null;
  let ready = false;
  let current: Pending | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed: string | null = null;

  const settle = (result: ExtractResult): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const done = current;
    current = null;
    done?.resolve(result);
    next();
  };

  const discard = (w: Worker): void => {
    w.removeAllListeners();
    w.on('error', () => undefined);
    void w.terminate();
    if (worker === w) {
      worker = null;
      ready = false;
    }
  };

  const start = (): void => {
    const w = new Worker(spec.file, { execArgv: spec.execArgv, workerData: { role: 'extract' } });
    worker = w;
    ready = false;
    w.on('message', (m: ExtractionMessage) => {
      if ('ready' in m) {
        ready = true;
        next();
      } else if ('ocrPage' in m) {
        // A scanned file takes its time page by page: each recognised page restarts its clock.
        if (current) startClock(current);
        current?.onOcrPage?.(m.ocrPage.page, m.ocrPage.pages);
      } else settle(m.result);
    });
    const died = (why: string): void => {
      const wasReady = ready;
      discard(w);
      if (!wasReady) {
        // It never loaded: another try would fail the same way.
        closed ??= why;
        for (const p of queue.splice(0)) p.resolve({ ok: false, error: why });
      }
      if (current) settle({ ok: false, error: why });
    };
    w.on('error', (e) => died(`extraction failed: ${errorMessage(e)}`));
    w.on('exit', (code) => died(`extraction stopped (exit code ${code})`));
    w.unref();
  };

  const next = (): void => {
    if (current || closed) return;
    if (queue.length === 0) {
      worker?.unref();
      return;
    }
    if (!worker) start();
    // Kept alive while files wait or are out: an idle worker must not hold the process open.
    worker!.ref();
    if (!ready) return;
    current = queue.shift()!;
    startClock(current);
    worker!.postMessage({ job: current.job });
  };

  const startClock = (p: Pending): void => {
    if (timer) clearTimeout(timer);
    const limit = limitFor(p.job);
    timer = setTimeout(() => {
      discard(worker!);
      settle({ ok: false, error: `took longer than ${seconds(limit)} to extract; skipped` });
    }, limit);
  };

  return {
    extract: (job, onOcrPage) =>
      new Promise((resolve) => {
        if (closed) return resolve({ ok: false, error: closed });
        queue.push({ job, resolve, onOcrPage });
        next();
      }),
    cancel: () => {
      // The import was cancelled: the file in flight (a long OCR, say) is stopped with its thread, waiting files
      // are dropped, and the next import starts a fresh thread.
      for (const p of queue.splice(0)) p.resolve({ ok: false, error: 'cancelled' });
      if (current && worker) {
        discard(worker);
        settle({ ok: false, error: 'cancelled' });
      }
    },
    close: async () => {
      closed = 'extraction worker closed';
      for (const p of queue.splice(0)) p.resolve({ ok: false, error: closed });
      if (timer) clearTimeout(timer);
      current?.resolve({ ok: false, error: closed });
      current = null;
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}

let shared: Extractor | null = null;

/**
 * This thread's extraction worker, started on first use and kept for the next import (it holds the process
 * open only while a file is out). Throws when the build names no worker module: extracting here instead would
 * put user files on the thread that answers the UI.
 */
export function sharedExtractor(): Extractor {
  if (shared) return shared;
  const spec = importWorkerSpec();
  if (!spec)
    throw new DossierError('internal', 'the extraction worker is missing from this build: nothing imported');
  shared = threadExtractor(spec);
  return shared;
}
