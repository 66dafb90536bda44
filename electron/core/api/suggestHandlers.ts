import type { ModelInfo } from '../../../shared/api/suggest';
import type { Store } from '../store';
import { publishSuggest } from '../changes/stream';
import { currentModel, modelStatus, retrainSoon, trainModel } from '../suggest/state';
import {
  acceptSuggestion,
  cancelSuggestions,
  consistencyCheck,
  rankDomains,
  rejectSuggestion,
  suggestClaims,
} from '../suggest/suggest';
import type { Handler } from './handlers';

type SuggestMethod =
  | 'rankDomains'
  | 'suggestClaims'
  | 'cancelSuggestions'
  | 'acceptSuggestion'
  | 'rejectSuggestion'
  | 'consistencyCheck'
  | 'getModel'
  | 'trainModel';

function modelInfo(db: Store): ModelInfo {
  const { report } = currentModel(db);
  const status = modelStatus(db);
  if (status.stale) retrainSoon(db, { restart: false });
  return {
    trained: !!report,
    stale: status.stale,
    training: status.training,
    measuring: status.measuring,
    lastError: status.lastError,
    trainedAt: report?.trainedAt ?? null,
    passages: report?.passages ?? 0,
    folds: report?.folds ?? 0,
    trainMs: report?.trainMs ?? 0,
    trainedInWorker: report?.inWorker ?? false,
    minExamples: report?.minExamples ?? 5,
    minDocuments: report?.minDocuments ?? 2,
    domains: report?.domains ?? [],
  };
}

/** The documents a suggestion run covers: those named, those in the sets named, or every one. */
function scope(db: Store, i: { docIds?: number[]; setIds?: number[] }): number[] {
  if (!i.docIds && !i.setIds)
    return db.cached('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  const ids = new Set(i.docIds ?? []);
  if (i.setIds?.length) {
    const rows = db
      .cached(
        'SELECT DISTINCT document_id FROM document_set_members WHERE set_id IN (SELECT value FROM json_each(?))',
      )
      .pluck()
      .all(JSON.stringify(i.setIds)) as number[];
    for (const r of rows) ids.add(r);
  }
  return [...ids].sort((a, b) => a - b);
}

export const suggestHandlers: { [M in SuggestMethod]: Handler<M> } = {
  rankDomains: (p, i) => rankDomains(p.db, i.docId, i.start, i.end),
  suggestClaims: async (p, { jobId, ...i }) => {
    const docIds = scope(p.db, i);
    // A named run's progress goes out on the change stream, for the drawer's bar and its Cancel button.
    const job = (state: 'running' | 'done' | 'cancelled' | 'time_limit' | 'failed', done: number): void => {
      if (jobId) publishSuggest(p.db, { job: { jobId, done, total: docIds.length, state } });
    };
    let done = 0;
    try {
      const r = await suggestClaims(p.db, {
        ...i,
        docIds,
        jobId,
        onProgress: (n) => job('running', (done = n)),
      });
      job(r.stopped ?? 'done', done);
      return r;
    } catch (e) {
      job('failed', done);
      throw e;
    }
  },
  cancelSuggestions: (p, i) => ({ cancelled: cancelSuggestions(p.db, i.jobId) }),
  acceptSuggestion: (p, i) => acceptSuggestion(p.db, i),
  rejectSuggestion: (p, i) => rejectSuggestion(p.db, i),
  consistencyCheck: (p, i) => consistencyCheck(p.db, i.below),
  getModel: (p) => modelInfo(p.db),
  trainModel: async (p) => {
    await trainModel(p.db);
    return modelInfo(p.db);
  },
};
