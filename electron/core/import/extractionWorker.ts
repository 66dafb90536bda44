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

/** One base limit for the files of a message, plus PER_MB_MS for each MB of them. */
function limitFor(jobs: ExtractJob[]): number {
  const base = Math.max(...jobs.map((j) => j.timeLimitMs ?? defaultTimeLimitMs()));
  const bytes = jobs.reduce((n, j) => n + (j.size ?? j.bytes?.length ?? 0), 0);
  return base + Math.round((bytes / 2 ** 20) * PER_MB_MS);
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 10 ? `${Math.round(s)} s` : `${Number(s.toPrecision(2))} s`;
}

interface Pending {
  job: ExtractJob;
  resolve: (r: ExtractResult) => void;
  onOcrPage?: OnOcrPage;
  /** Sent alone: its group ran out of time or took its worker down, so each file gets a clock of its own. */
  alone?: boolean;
}

/** What an extraction thread posts: ready once loaded, a recognised page (OCR) or the results of its jobs. */
export type ExtractionMessage =
  { ready: true } | { ocrPage: { page: number; pages: number } } | { results: ExtractResult[] };

/** What the extraction thread is sent: files to extract one after the other, answered in one message. */
export interface ExtractionRequest {
  jobs: ExtractJob[];
}

type Spec = { file: string | URL; execArgv: string[] };

/** Files sent to the worker in one message, and their bytes at most: a message and its structured clone cost
 * about as much as extracting a small text file (0.42 s of 2.4 s CPU for 10,000 files, one message each way
 * per file). */
export const GROUP_FILES = 64;
const GROUP_BYTES = 4 * 2 ** 20;
/** Only files that are small and of a format that parses quickly share a message; a PDF, a DOCX or a large file
 * goes alone (its message costs nothing next to its parse, and its clock is its own). */
const GROUPED_FORMATS = /\.(txt|md|markdown|html?)$/i;
const GROUPED_MAX_BYTES = 256 * 2 ** 10;

function groupable(p: Pending): boolean {
  const size = p.job.size ?? p.job.bytes?.length ?? 0;
  return !p.alone && size <= GROUPED_MAX_BYTES && GROUPED_FORMATS.test(p.job.name);
}

/**
 * One worker, one message at a time: a group of small files or one file alone. A group's clock is the time limit
 * of its bytes taken together (one base limit), so that it starts when the worker starts on the group, never
 * while it waits behind another. When a group runs out of time or its worker dies (a hostile file among small
 * ones), its files are sent again one by one, each with its own clock: only the hostile file fails, the others
 * import. The clock starts only once the worker has loaded: loading is not a file's fault.
 */
export function threadExtractor(spec: Spec): Extractor & { messagesSent(): number } {
  const queue: Pending[] = [];
  let sent = 0;
  let worker: Worker | null = null;
  let ready = false;
  let current: Pending[] = [];
  let timer: NodeJS.Timeout | null = null;
  let closed: string | null = null;
  let scheduled = false;

  const stopClock = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const settle = (results: ExtractResult[]): void => {
    stopClock();
    const done = current;
    current = [];
    done.forEach((p, i) => p.resolve(results[i] ?? { ok: false, error: 'extraction gave no result' }));
    next();
  };

  /** The group in flight failed as a whole: alone, a file fails with the reason; a group is sent again file by
   * file, in its order, ahead of the files that wait. */
  const failCurrent = (why: string): void => {
    stopClock();
    const done = current;
    current = [];
    if (done.length === 1) done[0].resolve({ ok: false, error: why });
    else queue.unshift(...done.map((p) => ({ ...p, alone: true })));
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
        if (current.length) startClock(current);
        current[0]?.onOcrPage?.(m.ocrPage.page, m.ocrPage.pages);
      } else settle(m.results);
    });
    const died = (why: string): void => {
      const wasReady = ready;
      discard(w);
      if (!wasReady) {
        // It never loaded: another try would fail the same way.
        closed ??= why;
        for (const p of queue.splice(0)) p.resolve({ ok: false, error: why });
      }
      if (current.length) failCurrent(why);
    };
    w.on('error', (e) => died(`extraction failed: ${errorMessage(e)}`));
    w.on('exit', (code) => died(`extraction stopped (exit code ${code})`));
    w.unref();
  };

  /** The next message's files: the first waiting file, and while they are groupable, the ones after it. */
  const takeGroup = (): Pending[] => {
    const first = queue.shift()!;
    const group = [first];
    if (!groupable(first)) return group;
    let bytes = first.job.size ?? 0;
    while (group.length < GROUP_FILES && queue.length > 0 && groupable(queue[0])) {
      const size = queue[0].job.size ?? queue[0].job.bytes?.length ?? 0;
      if (bytes + size > GROUP_BYTES) break;
      bytes += size;
      group.push(queue.shift()!);
    }
    return group;
  };

  const next = (): void => {
    if (current.length || closed) return;
    if (queue.length === 0) {
      worker?.unref();
      return;
    }
    if (!worker) start();
    // Kept alive while files wait or are out: an idle worker must not hold the process open.
    worker!.ref();
    if (!ready) return;
    current = takeGroup();
    startClock(current);
    const request: ExtractionRequest = { jobs: current.map((p) => p.job) };
    worker!.postMessage(request);
    sent++;
  };

  const startClock = (group: Pending[]): void => {
    if (timer) clearTimeout(timer);
    const limit = limitFor(group.map((p) => p.job));
    timer = setTimeout(() => {
      discard(worker!);
      failCurrent(`took longer than ${seconds(limit)} to extract; skipped`);
    }, limit);
  };

  /** Files asked for in one go (the importer fills its window file by file) go in one message: the send waits
   * for the current turn to end unless a whole group is already waiting. */
  const schedule = (): void => {
    if (queue.length >= GROUP_FILES) return next();
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      next();
    });
  };

  return {
    /** Messages posted to extraction threads so far (each a group of files or one file alone). */
    messagesSent: () => sent,
    extract: (job, onOcrPage) =>
      new Promise((resolve) => {
        if (closed) return resolve({ ok: false, error: closed });
        queue.push({ job, resolve, onOcrPage });
        schedule();
      }),
    cancel: () => {
      // The import was cancelled: the files in flight (a long OCR, say) are stopped with their thread, waiting
      // files are dropped, and the next import starts a fresh thread.
      for (const p of queue.splice(0)) p.resolve({ ok: false, error: 'cancelled' });
      if (current.length && worker) {
        discard(worker);
        settle(current.map(() => ({ ok: false, error: 'cancelled' })));
      }
    },
    close: async () => {
      closed = 'extraction worker closed';
      for (const p of queue.splice(0)) p.resolve({ ok: false, error: closed });
      stopClock();
      for (const p of current) p.resolve({ ok: false, error: closed });
      current = [];
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
