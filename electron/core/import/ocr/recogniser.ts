import os from 'node:os';
import type { Worker as TesseractWorker } from 'tesseract.js';
import type { PageRecogniser } from '../pdf';
import { languageFolder, tesseractPaths } from './languages';
import { nativeScale, renderPagePng } from './renderPage';

// tesseract.js workers for the extraction thread: one per core (at most MAX_WORKERS), made on the first
// scanned page for a set of languages and kept for the next files, ended after IDLE_MS without work (each holds
// its model, ~30–100 MB). Nothing is fetched or written: the core and worker script come from node_modules,
// the language data from a local langPath (languages.ts), and cacheMethod 'none' keeps tesseract.js from
// caching traineddata into the current folder.

const MAX_WORKERS = 2;
const IDLE_MS = 30_000;

interface Pool {
  key: string;
  workers: Promise<TesseractWorker[]>;
  free: TesseractWorker[];
  waiting: ((w: TesseractWorker) => void)[];
  idle: NodeJS.Timeout | null;
}

let pool: Pool | null = null;

/** Workers in the pool: one per core, as the cores the machine reports, capped. */
export function ocrWorkerCount(): number {
  return Math.max(1, Math.min(MAX_WORKERS, os.availableParallelism()));
}

async function makeWorkers(languages: readonly string[], count: number): Promise<TesseractWorker[]> {
  const { createWorker, OEM } = await import('tesseract.js');
  const langPath = languageFolder(languages);
  const { workerPath, corePath } = tesseractPaths();
  return Promise.all(
    Array.from({ length: count }, () =>
      createWorker([...languages], OEM.LSTM_ONLY, {
        workerPath,
        corePath,
        langPath,
        cacheMethod: 'none',
        gzip: true,
        // tesseract.js logs to the console when asked to; its errors reach us as rejections.
        errorHandler: () => undefined,
      }),
    ),
  );
}

function poolFor(languages: readonly string[]): Pool {
  const key = languages.join('+');
  if (pool && pool.key === key) return pool;
  if (pool) void endPool();
  const made: Pool = {
    key,
    workers: makeWorkers(languages, ocrWorkerCount()),
    free: [],
    waiting: [],
    idle: null,
  };
  made.workers.then(
    (ws) => made.free.push(...ws),
    () => {
      if (pool === made) pool = null;
    },
  );
  pool = made;
  return made;
}

/** Ends the pool's workers (idle, a language change, or the thread closing). */
export async function endPool(): Promise<void> {
  const p = pool;
  pool = null;
  if (!p) return;
  if (p.idle) clearTimeout(p.idle);
  const ws = await p.workers.catch(() => [] as TesseractWorker[]);
  await Promise.all(ws.map((w) => w.terminate().catch(() => undefined)));
}

async function take(p: Pool): Promise<TesseractWorker> {
  await p.workers;
  if (p.idle) clearTimeout(p.idle);
  p.idle = null;
  const w = p.free.pop();
  if (w) return w;
  return new Promise((resolve) => p.waiting.push(resolve));
}

function give(p: Pool, w: TesseractWorker): void {
  const next = p.waiting.shift();
  if (next) return next(w);
  p.free.push(w);
  if (p.free.length === ocrWorkerCount() && !p.idle) {
    p.idle = setTimeout(() => void (pool === p ? endPool() : undefined), IDLE_MS);
    p.idle.unref();
  }
}

export interface OcrSettings {
  /** Tesseract codes, in the order tesseract should prefer them. */
  languages: readonly string[];
  /** Told after each page recognised (page number, the file's page count). */
  onPage?: (page: number, pages: number) => void;
}

/** Recognition of image-only pages: each rendered at its scan's resolution and read by a pooled worker. */
export function tesseractRecogniser(settings: OcrSettings): PageRecogniser {
  return async (page, lib, n, pages) => {
    const scale = await nativeScale(page, lib);
    // A page without an image (blank, say) is not a scan: no worker is started for it.
    if (scale === null) return null;
    const p = poolFor(settings.languages);
    const { png } = await renderPagePng(page, scale);
    const worker = await take(p);
    try {
      const { data } = await worker.recognize(png);
      settings.onPage?.(n, pages);
      return { text: data.text, confidence: data.confidence };
    } finally {
      give(p, worker);
    }
  };
}
