import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { nowIso } from '../db';
import { DossierError } from '../errors';
import type { Store } from '../store';
import { trainingFingerprint, trainingSet } from './examples';
import { deserialize, type LinearModel } from './model';
import {
  type DomainFigures,
  MIN_DOCUMENTS,
  MIN_EXAMPLES,
  type Passage,
  trainAndMeasure,
  type TrainResult,
} from './train';

// The project's model: stored in the file (suggest_model), held deserialised on the Store while the project is
// open, retrained in a worker thread when claims or rejections change (debounced, so a burst of tagging trains once).

export const TRAIN_LIMIT_MS = 300_000;
export const RETRAIN_DEBOUNCE_MS = 1_500;

export interface ModelReport {
  trainedAt: string;
  fingerprint: string;
  passages: number;
  folds: number;
  trainMs: number;
  domains: DomainFigures[];
  minExamples: number;
  minDocuments: number;
}

export interface SuggestState {
  model: LinearModel | null;
  report: ModelReport | null;
  training: Promise<ModelReport> | null;
  timer: NodeJS.Timeout | null;
}

function state(db: Store): SuggestState {
  if (!db.suggest) {
    const row = db.cached('SELECT blob, report FROM suggest_model WHERE id = 1').get() as
      { blob: Buffer; report: string } | undefined;
    let model: LinearModel | null = null;
    let report: ModelReport | null = null;
    if (row) {
      try {
        model = deserialize(row.blob);
        report = JSON.parse(row.report) as ModelReport;
      } catch {
        // A model written by another format is retrained, not trusted.
      }
    }
    db.suggest = { model, report, training: null, timer: null };
  }
  return db.suggest;
}

function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? path.join(path.dirname(here), 'trainWorker.ts') : null;
}

/** Trains in a worker thread with a time limit (in the calling thread only where no worker file exists). */
function trainOffThread(passages: Passage[], domains: number[]): Promise<TrainResult> {
  const file = workerFile();
  if (!file) return Promise.resolve(trainAndMeasure(passages, domains));
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, {
      execArgv: ['--import', 'tsx'],
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new DossierError(
          'unsupported',
          `training took longer than ${TRAIN_LIMIT_MS / 1000} s and was stopped`,
        ),
      );
    }, TRAIN_LIMIT_MS);
    worker.once('message', (m: { ok?: TrainResult; failed?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (m.ok) resolve(m.ok);
      else reject(new DossierError('unsupported', `training failed: ${m.failed}`));
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    worker.postMessage({ passages, domains });
  });
}

/** Trains now (or joins the training under way) and stores the model in the project file. */
export function trainModel(db: Store): Promise<ModelReport> {
  const s = state(db);
  if (s.training) return s.training;
  const fingerprint = trainingFingerprint(db);
  const { passages, domains } = trainingSet(db);
  s.training = trainOffThread(passages, domains)
    .then((r) => {
      const report: ModelReport = {
        trainedAt: nowIso(),
        fingerprint,
        passages: r.passages,
        folds: r.folds,
        trainMs: Math.round(r.trainMs),
        domains: r.domains,
        minExamples: MIN_EXAMPLES,
        minDocuments: MIN_DOCUMENTS,
      };
      if (db.open && !db.readonly) {
        db.cached(
          `INSERT INTO suggest_model (id, blob, report, trained_at) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET blob = excluded.blob, report = excluded.report, trained_at = excluded.trained_at`,
        ).run(Buffer.from(r.blob), JSON.stringify(report), report.trainedAt);
      }
      s.model = deserialize(r.blob);
      s.report = report;
      return report;
    })
    .finally(() => {
      s.training = null;
    });
  return s.training;
}

export function isStale(db: Store): boolean {
  const s = state(db);
  return !s.report || s.report.fingerprint !== trainingFingerprint(db);
}

/** Schedules a retrain when the claims changed since the model was trained (a burst of edits trains once). */
export function retrainSoon(db: Store): void {
  const s = state(db);
  if (s.timer || !isStale(db)) return;
  s.timer = setTimeout(() => {
    s.timer = null;
    if (db.open && isStale(db)) trainModel(db).catch(() => undefined);
  }, RETRAIN_DEBOUNCE_MS);
  s.timer.unref();
}

export function currentModel(db: Store): { model: LinearModel | null; report: ModelReport | null } {
  const s = state(db);
  return { model: s.model, report: s.report };
}

export function isTraining(db: Store): boolean {
  return !!state(db).training;
}
