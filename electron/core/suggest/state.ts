import type { StreamEvent } from '../../../shared/api/changes';
import { publishSuggest, subscribe } from '../changes/stream';
import { nowIso } from '../db';
import type { Store } from '../store';
import { trainingFingerprint } from './examples';
import { deserialize, type LinearModel } from './model';
import { runOffThread } from './offThread';
import { type DomainFigures, MIN_DOCUMENTS, MIN_EXAMPLES, type TrainResult } from './train';

// The project's model: stored in the file (suggest_model), held deserialised on the Store while the project is
// open, and retrained in the suggestion worker a few seconds after the last edit of claims, domains or rejections
// (the change stream says when), so that a burst of tagging trains once and the model is ready before the analyst
// asks. A retrain under way when another edit lands is superseded (its worker ended) by one on the newer claims.
// Every change of state (stale, training, trained, failed) is pushed on the change stream for the Model panel.

export const TRAIN_LIMIT_MS = 300_000;
export const DEFAULT_RETRAIN_DEBOUNCE_MS = 3_000;

/** The wait after the last edit: DOSSIER_RETRAIN_DEBOUNCE_MS when set (tests), else 3 s. */
export function retrainDebounceMs(): number {
  const env = Number(process.env.DOSSIER_RETRAIN_DEBOUNCE_MS);
  return Number.isFinite(env) && env >= 0 && process.env.DOSSIER_RETRAIN_DEBOUNCE_MS
    ? env
    : DEFAULT_RETRAIN_DEBOUNCE_MS;
}

export interface ModelReport {
  trainedAt: string;
  fingerprint: string;
  passages: number;
  folds: number;
  trainMs: number;
  domains: DomainFigures[];
  minExamples: number;
  minDocuments: number;
  /** Trained in the suggestion worker (false: in the calling thread, where a bundle had no worker file). */
  inWorker?: boolean;
  /** Stored as soon as fitted: the figures (null) are measured by the same training, which is still running. */
  measuring?: boolean;
}

interface Training {
  fingerprint: string;
  /** Rejects when superseded; trainModel's callers follow on to the newer training. */
  done: Promise<ModelReport>;
  terminate: () => void;
}

export interface SuggestState {
  model: LinearModel | null;
  /** The stored form of `model`, handed to scoring workers. */
  blob: Uint8Array | null;
  report: ModelReport | null;
  training: Training | null;
  timer: NodeJS.Timeout | null;
  lastError: string | null;
  /** Trainings ended because a newer one started (for the tests and the bench). */
  superseded: number;
  /** Scoring runs under way by jobId: the flag their worker reads between documents (cancelSuggestions). */
  jobs: Map<string, Int32Array>;
}

/** Edits to these tables change what the model learns from. */
const LEARNT_FROM = new Set(['claims', 'claim_domains', 'domains']);

export function state(db: Store): SuggestState {
  if (!db.suggest) {
    const row = db.cached('SELECT blob, report FROM suggest_model WHERE id = 1').get() as
      { blob: Buffer; report: string } | undefined;
    let model: LinearModel | null = null;
    let report: ModelReport | null = null;
    let blob: Uint8Array | null = null;
    if (row) {
      try {
        model = deserialize(row.blob);
        report = JSON.parse(row.report) as ModelReport;
        blob = new Uint8Array(row.blob);
      } catch {
        // A model written by another format is retrained, not trusted.
      }
    }
    db.suggest = {
      model,
      blob,
      report,
      training: null,
      timer: null,
      lastError: null,
      superseded: 0,
      jobs: new Map(),
    };
    // From the first use of suggestions in this session on, every edit of what it learns from schedules a retrain.
    subscribe(db, (e: StreamEvent) => {
      if (e.type === 'changes' && e.tables.some((t) => LEARNT_FROM.has(t.table))) retrainSoon(db);
    });
  }
  return db.suggest;
}

export function isStale(db: Store): boolean {
  const s = state(db);
  // A model stored before its figures, whose training did not finish (the project was closed): measured again.
  if (s.report?.measuring && !s.training) return true;
  return !s.report || s.report.fingerprint !== trainingFingerprint(db);
}

export function modelStatus(db: Store): {
  training: boolean;
  measuring: boolean;
  stale: boolean;
  trainedAt: string | null;
  lastError: string | null;
} {
  const s = state(db);
  return {
    training: !!s.training,
    measuring: !!s.training && s.report?.measuring === true,
    stale: isStale(db),
    trainedAt: s.report?.trainedAt ?? null,
    lastError: s.lastError,
  };
}

function announce(db: Store): void {
  if (db.open) publishSuggest(db, { model: modelStatus(db) });
}

function store(
  db: Store,
  s: SuggestState,
  r: TrainResult,
  fingerprint: string,
  inWorker: boolean,
): ModelReport {
  const report: ModelReport = {
    trainedAt: nowIso(),
    fingerprint,
    passages: r.passages,
    folds: r.folds,
    trainMs: Math.round(r.trainMs),
    domains: r.domains,
    minExamples: MIN_EXAMPLES,
    minDocuments: MIN_DOCUMENTS,
    inWorker,
    ...(r.measured ? {} : { measuring: true }),
  };
  if (db.open && !db.readonly) {
    db.cached(
      `INSERT INTO suggest_model (id, blob, report, trained_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET blob = excluded.blob, report = excluded.report, trained_at = excluded.trained_at`,
    ).run(Buffer.from(r.blob), JSON.stringify(report), report.trainedAt);
  }
  s.model = deserialize(r.blob);
  s.blob = r.blob;
  s.report = report;
  s.lastError = null;
  return report;
}

/** The newest training's report: a caller whose training was superseded waits for the one that replaced it. */
function follow(s: SuggestState, t: Training): Promise<ModelReport> {
  return t.done.catch((e: unknown) => {
    if (s.training && s.training !== t) return follow(s, s.training);
    throw e;
  });
}

/**
 * Trains now on the claims as they are (joining a training under way on the same claims, superseding one on older
 * claims) and stores the model in the project file. The worker reads the claims from the file itself.
 */
export function trainModel(db: Store, o: { background?: boolean } = {}): Promise<ModelReport> {
  const s = state(db);
  if (s.timer) {
    clearTimeout(s.timer);
    s.timer = null;
  }
  const fingerprint = trainingFingerprint(db);
  if (s.training?.fingerprint === fingerprint) return follow(s, s.training);
  if (s.training) {
    s.superseded++;
    s.training.terminate();
  }
  let current: Training | null = null;
  const run = runOffThread<TrainResult>(
    db,
    { kind: 'train' },
    {
      limitMs: TRAIN_LIMIT_MS,
      what: 'training',
      background: o.background,
      // Suggestions use the fitted model at once; the Model panel says the figures are being measured.
      onFitted: (r) => {
        if (!current || s.training !== current) return;
        store(db, s, r, fingerprint, run.inWorker);
        announce(db);
      },
    },
  );
  const t: Training = {
    fingerprint,
    terminate: run.terminate,
    done: run.result.then(
      (r) => {
        if (s.training === t) s.training = null;
        const report = store(db, s, r, fingerprint, run.inWorker);
        announce(db);
        return report;
      },
      (e: unknown) => {
        if (s.training === t) {
          s.training = null;
          s.lastError = e instanceof Error ? e.message : String(e);
          announce(db);
        }
        throw e;
      },
    ),
  };
  // Nobody may be waiting (a background retrain): its failure is in lastError, not an unhandled rejection.
  t.done.catch(() => undefined);
  s.training = t;
  current = t;
  announce(db);
  return follow(s, t);
}

/**
 * Schedules a retrain a few seconds after the last edit and says the model is stale. An edit restarts the wait;
 * a query (`restart: false`: the popover, the Model panel) only schedules one when none is scheduled or running.
 */
export function retrainSoon(db: Store, o: { restart?: boolean } = {}): void {
  const s = state(db);
  if (o.restart === false && (s.timer || s.training)) return;
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  if (!db.open || !isStale(db)) return;
  s.timer = setTimeout(() => {
    s.timer = null;
    if (db.open && isStale(db)) trainModel(db, { background: true }).catch(() => undefined);
  }, retrainDebounceMs());
  s.timer.unref();
  announce(db);
}

export function currentModel(db: Store): {
  model: LinearModel | null;
  blob: Uint8Array | null;
  report: ModelReport | null;
} {
  const s = state(db);
  return { model: s.model, blob: s.blob, report: s.report };
}

export function isTraining(db: Store): boolean {
  return !!state(db).training;
}
