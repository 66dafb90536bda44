import type { ModelInfo } from '../../../shared/api/suggest';
import type { Store } from '../store';
import { currentModel, isStale, isTraining, retrainSoon, trainModel } from '../suggest/state';
import {
  acceptSuggestion,
  consistencyCheck,
  rankDomains,
  rejectSuggestion,
  suggestClaims,
} from '../suggest/suggest';
import type { Handler } from './handlers';

type SuggestMethod =
  | 'rankDomains'
  | 'suggestClaims'
  | 'acceptSuggestion'
  | 'rejectSuggestion'
  | 'consistencyCheck'
  | 'getModel'
  | 'trainModel';

function modelInfo(db: Store): ModelInfo {
  const { report } = currentModel(db);
  const stale = isStale(db);
  if (stale) retrainSoon(db);
  return {
    trained: !!report,
    stale,
    training: isTraining(db),
    trainedAt: report?.trainedAt ?? null,
    passages: report?.passages ?? 0,
    folds: report?.folds ?? 0,
    trainMs: report?.trainMs ?? 0,
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
  suggestClaims: (p, i) => suggestClaims(p.db, { ...i, docIds: scope(p.db, i) }),
  acceptSuggestion: (p, i) => acceptSuggestion(p.db, i),
  rejectSuggestion: (p, i) => rejectSuggestion(p.db, i),
  consistencyCheck: (p, i) => consistencyCheck(p.db, i.below),
  getModel: (p) => modelInfo(p.db),
  trainModel: async (p) => {
    await trainModel(p.db);
    return modelInfo(p.db);
  },
};
