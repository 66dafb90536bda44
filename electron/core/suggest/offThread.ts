import { Worker } from 'node:worker_threads';
import { DossierError } from '../errors';
import type { Store } from '../store';
import type { TrainResult } from './train';
import { type JobResult, runJob, STOP_TIME_LIMIT, type WorkerJob, type WorkerReply } from './workerJobs';
import { suggestWorkerSpec } from './workerSpec';

// Runs a suggestion job (worker.ts) in a worker thread under a time limit. A scoring job is asked to stop when its
// time is up (it answers with what it scored); training, and a job that does not answer within GRACE_MS of being
// asked, is terminated. Only where there is no worker file (a bundle whose door named none) or no file to open
// (a database in memory) does the job run in the calling thread.

const GRACE_MS = 5_000;

export interface Running<T> {
  result: Promise<T>;
  /** Ends the job now (superseded): its result rejects with a 'conflict' DossierError. */
  terminate: () => void;
  /** Whether it runs in a worker thread (false: in the calling thread, for want of a worker file). */
  inWorker: boolean;
}

export interface RunOptions {
  limitMs: number;
  /** What the limit is for, in its error ("training", "scoring"). */
  what: string;
  onProgress?: (done: number, total: number) => void;
  /** A training's model as soon as it is fitted, before its cross-validation (train.ts). */
  onFitted?: (r: TrainResult) => void;
  /** A background job does not keep a process (the CLI) alive on its own. */
  background?: boolean;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

export function runOffThread<T extends JobResult>(db: Store, job: WorkerJob, o: RunOptions): Running<T> {
  const spec = suggestWorkerSpec();
  if (!spec || db.memory || !db.name) {
    let result: Promise<T>;
    try {
      result = Promise.resolve(runJob(db, job, o.onProgress ?? (() => undefined), o.onFitted) as T);
    } catch (e) {
      result = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return { result, terminate: () => undefined, inWorker: false };
  }
  const worker = new Worker(spec.file, {
    execArgv: spec.execArgv,
    resourceLimits: { maxOldGenerationSizeMb: 4096 },
  });
  if (o.background) worker.unref();
  let settle: { resolve: (v: T) => void; reject: (e: Error) => void } | null = null;
  const timers: NodeJS.Timeout[] = [];
  const finish = (f: (s: NonNullable<typeof settle>) => void): void => {
    for (const t of timers) clearTimeout(t);
    void worker.terminate();
    if (settle) f(settle);
    settle = null;
  };
  const outOfTime = (): void =>
    finish((s) =>
      s.reject(
        new DossierError('unsupported', `${o.what} took longer than ${seconds(o.limitMs)} and was stopped`),
      ),
    );
  const result = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
    worker.on('message', (m: WorkerReply) => {
      if ('progress' in m) o.onProgress?.(m.progress.done, m.progress.total);
      else if ('fitted' in m) o.onFitted?.(m.fitted);
      else if ('ok' in m) finish((s) => s.resolve(m.ok as T));
      else finish((s) => s.reject(new DossierError('unsupported', `${o.what} failed: ${m.failed}`)));
    });
    worker.once('error', (e) => finish((s) => s.reject(e)));
    worker.once('exit', (code) =>
      finish((s) => s.reject(new DossierError('unsupported', `${o.what} stopped (worker exit ${code})`))),
    );
  });
  const stop = 'stop' in job ? new Int32Array(job.stop) : null;
  timers.push(
    setTimeout(() => {
      if (!stop) return outOfTime();
      // Asked to stop: it answers with what it has scored, or is ended GRACE_MS later.
      Atomics.store(stop, 0, STOP_TIME_LIMIT);
      timers.push(setTimeout(outOfTime, GRACE_MS).unref());
    }, o.limitMs),
  );
  for (const t of timers) t.unref();
  worker.postMessage({ ...job, dbFile: db.name });
  return {
    result,
    inWorker: true,
    terminate: () =>
      finish((s) => s.reject(new DossierError('conflict', `${o.what} was superseded by a newer one`))),
  };
}
