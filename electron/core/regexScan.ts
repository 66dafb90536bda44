import { Worker } from 'node:worker_threads';
import { DossierError } from './errors';

// A regular expression typed by the analyst runs here, never on the thread that answers the UI: V8's engine
// backtracks, and a pattern such as (a+)+$ on a run of a's followed by "!" takes exponential time. The pattern runs
// in a worker thread with a time budget; when a document takes longer, the worker is terminated (V8 stops a
// running match) and the analyst is told to simplify the pattern.
//
// Why not a linear-time engine (RE2)? The `re2` package is a native addon: its prebuilt binaries come from GitHub,
// not the npm registry, so here it would build RE2 and Abseil with node-gyp, and the packaged app would need it
// rebuilt against Electron's headers as well. `re2js` and `re2-wasm` need no build, but RE2 has no lookbehind,
// lookahead or backreferences, which analysts use today and which whole-word search is built on, and it folds case
// and matches \w, \b differently. A worker keeps exactly the JavaScript semantics the analyst sees now (the same
// RegExp, flags and Unicode mode) and bounds the time instead. The worker is a short script evaluated from a string
// (no module to locate in tsx, vitest or a bundled build) and needs nothing but its own RegExp.

export interface ScanDoc {
  id: number;
  text: string;
}

export interface DocMatches {
  id: number;
  /** Matches counted (not empty, not only white space). */
  total: number;
  /** Matches left out because they are only white space. */
  skipped: number;
  /** Start and end offsets of the first matches, as many as were asked for: [start, end, start, end, …]. */
  hits: number[];
}

export interface RegexScanner {
  /** Matches in each document, recording at most `want` hits over the batch (all are counted). */
  scan(docs: ScanDoc[], want: number): Promise<DocMatches[]>;
  close(): Promise<void>;
}

/** The longest one document may take before the search is stopped. */
export const REGEX_BUDGET_MS = 5_000;

type Reply = { done: DocMatches[] } | { failed: string; name: string; at: number };

// Plain JavaScript run by the worker (CommonJS, eval mode). Before each document it writes, in memory shared with
// the caller, which document it is on and when it began (ms since the thread started): the caller's watchdog
// reads them even while messages wait in its queue. Empty matches step over one character (two for a surrogate
// pair) instead of looping; blank ones are counted apart, as they cannot be claims.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const progress = new Int32Array(workerData.progress);
const splits = (t, i) => {
  if (i <= 0 || i >= t.length) return false;
  const a = t.charCodeAt(i - 1), b = t.charCodeAt(i);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
};
let re = null;
parentPort.on('message', ({ source, flags, docs, want }) => {
  const out = [];
  for (let d = 0; d < docs.length; d++) {
    Atomics.store(progress, 0, d);
    Atomics.store(progress, 1, Date.now() - workerData.base);
    const { id, text } = docs[d];
    const r = { id, total: 0, skipped: 0, hits: [] };
    try {
      if (!re || re.source !== source || re.flags !== flags) re = new RegExp(source, flags);
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index, end = start + m[0].length;
        if (end === start) { re.lastIndex = end + (splits(text, end + 1) ? 2 : 1); continue; }
        if (m[0].trim() === '') { r.skipped++; continue; }
        r.total++;
        if (want > 0) { r.hits.push(start, end); want--; }
      }
    } catch (e) {
      parentPort.postMessage({ failed: String((e && e.message) || e), name: String(e && e.name), at: d });
      return;
    }
    out.push(r);
  }
  parentPort.postMessage({ done: out });
});
`;

interface Scan {
  docs: ScanDoc[];
  fail(why: string, at?: number): void;
  settle(error: Error | null, value?: DocMatches[]): void;
}

/** A search thread; its events go to the scan in progress, so that a failure is never an unhandled 'error'. */
interface SearchThread {
  worker: Worker;
  progress: Int32Array;
  base: number;
  dead: boolean;
  current: Scan | null;
}

function startThread(): SearchThread {
  const progress = new Int32Array(new SharedArrayBuffer(8));
  const base = Date.now();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { progress: progress.buffer, base },
    // A bound on what a runaway match may hold, generous for the largest document an import accepts.
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  const t: SearchThread = { worker, progress, base, dead: false, current: null };
  worker.on('message', (m: Reply) => {
    if ('done' in m) t.current?.settle(null, m.done);
    // V8 compiles a pattern on first use: a long or deeply nested one can overflow its compiler only then.
    else if (m.name === 'SyntaxError' || m.name === 'RangeError')
      t.current?.fail('is too long or too complex to search with', m.at);
    else t.current?.fail(`failed on @: ${m.failed}`, m.at);
  });
  worker.on('error', (e: Error & { code?: string }) => {
    t.dead = true;
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') t.current?.fail('needed too much memory on @; simplify it');
    else t.current?.fail(`failed on @: ${e.message}`);
  });
  worker.on('exit', () => {
    t.dead = true;
    if (idle === t) idle = null;
    t.current?.settle(new Error('the search thread stopped'));
  });
  return t;
}

// One thread is kept, idle and unreferenced (it does not keep a CLI run alive), for the next search: starting one
// costs tens of milliseconds, more than most searches. A thread that overran its budget is terminated, never kept.
let idle: SearchThread | null = null;

function takeThread(): SearchThread {
  const t = idle && !idle.dead ? idle : startThread();
  idle = null;
  t.worker.ref();
  return t;
}

function releaseThread(t: SearchThread): void {
  if (t.dead) return;
  if (idle) {
    t.dead = true;
    void t.worker.terminate();
    return;
  }
  t.worker.unref();
  idle = t;
}

/**
 * Runs one compiled pattern (checked by the caller) over batches of documents in a search thread. A document
 * that takes longer than the budget stops the thread and rejects with a clear error naming it (`titleOf`).
 */
export function regexScanner(
  pattern: { source: string; flags: string; shown: string },
  titleOf: (docId: number) => string,
  budgetMs = REGEX_BUDGET_MS,
): RegexScanner {
  const t = takeThread();
  const { progress, base } = t;
  let closed = false;
  const shown = pattern.shown.length > 80 ? `${pattern.shown.slice(0, 79)}…` : pattern.shown;
  const stop = (): void => {
    t.dead = true;
    void t.worker.terminate();
  };
  // One batch at a time: the caller awaits each scan before the next.
  const scan = (docs: ScanDoc[], want: number): Promise<DocMatches[]> =>
    new Promise<DocMatches[]>((resolve, reject) => {
      if (closed || t.dead) return reject(new Error('the search thread stopped'));
      Atomics.store(progress, 0, 0);
      Atomics.store(progress, 1, Date.now() - base);
      // Checked a few times a second rather than a timer per document (thousands of short documents).
      const watchdog = setInterval(
        () => {
          // Int32 milliseconds wrap after 24 days; the difference of two wrapped values does not.
          if (((((Date.now() - base) | 0) - Atomics.load(progress, 1)) | 0) > budgetMs)
            current.fail(
              `took too long (over ${budgetMs / 1000} s on @); simplify it: nested repetition such as (a+)+ or ` +
                '(\\w*)* can take exponential time',
            );
        },
        Math.min(250, Math.max(10, budgetMs / 4)),
      );
      const current: Scan = {
        docs,
        fail: (why, at = Atomics.load(progress, 0)) => {
          const title = titleOf(docs[Math.min(at, docs.length - 1)].id);
          current.settle(
            new DossierError('invalid_input', `the pattern "${shown}" ${why.replace('@', `"${title}"`)}`),
          );
        },
        settle: (error, value) => {
          if (t.current !== current) return;
          t.current = null;
          clearInterval(watchdog);
          if (error) {
            stop();
            reject(error);
          } else resolve(value as DocMatches[]);
        },
      };
      t.current = current;
      t.worker.postMessage({ source: pattern.source, flags: pattern.flags, docs, want });
    });
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (t.current) stop();
    else releaseThread(t);
  };
  return { scan, close };
}
