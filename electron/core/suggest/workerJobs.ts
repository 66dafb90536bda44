import type { Store } from '../store';
import { trainingSet } from './examples';
import { deserialize } from './model';
import {
  type Dispute,
  disputedClaims,
  type StopReason,
  type SuggestOptions,
  type Suggestion,
  suggestPassages,
} from './scoring';
import { trainAndMeasure, type TrainResult } from './train';

// The jobs the suggestion worker runs (worker.ts), also run in the calling thread where no worker file exists
// (a bundle whose door named none). A job reads what it needs from the store it is given: the worker's own
// read-only connection, so that nothing of the corpus passes through the thread that answers the UI.

/** Set by the calling thread (Atomics.store), read between documents: 1 cancelled, 2 out of time. */
export const STOP_CANCELLED = 1;
export const STOP_TIME_LIMIT = 2;

export type WorkerJob =
  | { kind: 'train' }
  | { kind: 'suggest'; blob: Uint8Array; options: SuggestOptions; stop: SharedArrayBuffer }
  | { kind: 'disputes'; blob: Uint8Array; below: number; limit: number; stop: SharedArrayBuffer };

export type JobResult = TrainResult | { suggestions: Suggestion[]; stopped: StopReason } | Dispute[];

export type WorkerReply =
  | { progress: { done: number; total: number } }
  | { fitted: TrainResult }
  | { ok: JobResult }
  | { failed: string };

/** Progress is posted at most this often (and at the start and the end). */
const PROGRESS_EVERY_MS = 100;

function stopReader(buffer: SharedArrayBuffer): () => StopReason {
  const flag = new Int32Array(buffer);
  return () => {
    const v = Atomics.load(flag, 0);
    return v === STOP_CANCELLED ? 'cancelled' : v === STOP_TIME_LIMIT ? 'time_limit' : null;
  };
}

export function runJob(
  db: Store,
  job: WorkerJob,
  onProgress: (done: number, total: number) => void,
  onFitted: (r: TrainResult) => void = () => undefined,
): JobResult {
  if (job.kind === 'train') {
    const { passages, domains } = trainingSet(db);
    // The IDF is fitted on the project's own text too (unlabelled: nothing leaks from the labels), read here on
    // the worker's connection.
    const idfTexts = db.cached('SELECT text FROM documents ORDER BY id').pluck().all() as string[];
    return trainAndMeasure(passages, domains, { idfTexts, onFitted });
  }
  const model = deserialize(job.blob);
  const stop = stopReader(job.stop);
  if (job.kind === 'disputes') return disputedClaims(db, model, job.below, job.limit, { stop });
  let sentAt = 0;
  return suggestPassages(db, model, job.options, {
    stop,
    progress: (done, total) => {
      const now = Date.now();
      if (done > 0 && done < total && now - sentAt < PROGRESS_EVERY_MS) return;
      sentAt = now;
      onProgress(done, total);
    },
  });
}
