import os from 'node:os';
import { anchorAt } from '../../../shared/text';
import { checkRange, documentText, getClaim, insertClaim, setClaimDomains } from '../claims';
import { nowIso } from '../db';
import { assertDomainsApplicable } from '../domains';
import { DossierError } from '../errors';
import { recordEdit } from '../history';
import { getAnalyst } from '../settings';
import type { Store } from '../store';
import { runOffThread } from './offThread';
import { bestFirst } from './scoreUnits';
import {
  type Dispute,
  MAX_SUGGESTIONS,
  scoreText,
  type StopReason,
  type SuggestOptions,
  type Suggestion,
} from './scoring';
import { currentModel, retrainSoon, state } from './state';
import { sentenceAround, sentenceSpans } from './units';
import { STOP_CANCELLED } from './workerJobs';

// What the model says about passages: the popover's ranking of domains for a selection (here, in the calling
// thread: one sentence, well under a millisecond), suggested claims over documents and the claims it disputes
// (both in the suggestion worker, under a time limit; a suggestion run can be followed and cancelled by its
// jobId). Nothing here writes a claim except acceptSuggestion, which the analyst asks for one suggestion at a
// time; every suggestion goes through the review drawer first.

export { CONTEXT_CHARS, MAX_SUGGESTIONS, type Dispute, type Suggestion } from './scoring';

/** A corpus-wide run's time limit (what was scored by then is answered, with stopped: 'time_limit'). */
export const SCORE_LIMIT_MS = 120_000;

export interface DomainScore {
  domainId: number;
  score: number;
}

function requireModel(db: Store): ReturnType<typeof currentModel> {
  retrainSoon(db, { restart: false });
  return currentModel(db);
}

/** Each learnt domain's score for a selection (its sentence around it, as claims were learnt). */
export function rankDomains(db: Store, docId: number, start: number, end: number): DomainScore[] {
  const text = documentText(db, docId);
  checkRange(text, start, end);
  const { model } = requireModel(db);
  if (!model) return [];
  const span = sentenceAround(sentenceSpans(text), start, end);
  const s = scoreText(model, text.slice(span.start, span.end));
  return model.domains.map((domainId, j) => ({ domainId, score: s[j] }));
}

export interface SuggestRun extends SuggestOptions {
  jobId?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Suggested passages, scored in the suggestion worker; other calls are answered meanwhile. */
export async function suggestClaims(
  db: Store,
  o: SuggestRun,
): Promise<{ suggestions: Suggestion[]; trained: boolean; stopped: StopReason }> {
  const { blob, model } = requireModel(db);
  if (!blob || !model) return { suggestions: [], trained: false, stopped: null };
  // Nothing to score (no learnt domain, none of those asked for, no document): no worker to start.
  if (!o.docIds.length || !model.domains.some((d) => !o.domainIds || o.domainIds.includes(d)))
    return { suggestions: [], trained: true, stopped: null };
  const s = state(db);
  if (o.jobId && s.jobs.has(o.jobId))
    throw new DossierError('conflict', `a run named ${o.jobId} is under way`);
  const stop = new SharedArrayBuffer(4);
  if (o.jobId) s.jobs.set(o.jobId, new Int32Array(stop));
  const { jobId, onProgress, ...options } = o;
  // A large run is dealt to several workers (documents dealt round, so long and short ones spread evenly), each
  // keeping its best `limit`; the best `limit` of those are the run's, the same as one worker would find.
  const n = scoringWorkers(options.docIds.length);
  const shares = Array.from({ length: n }, (_, k) => options.docIds.filter((_, i) => i % n === k));
  const done = shares.map(() => 0);
  const runs = shares.map((docIds, k) =>
    runOffThread<{ suggestions: Suggestion[]; stopped: StopReason }>(
      db,
      // One stop flag for all: a cancel or the time limit stops every share after its document in flight.
      { kind: 'suggest', blob, options: { ...options, docIds }, stop },
      {
        limitMs: SCORE_LIMIT_MS,
        what: 'scoring',
        onProgress: (n) => {
          done[k] = n;
          onProgress?.(
            done.reduce((a, b) => a + b, 0),
            options.docIds.length,
          );
        },
      },
    ),
  );
  try {
    const settled = await Promise.allSettled(runs.map((r) => r.result));
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const results = settled.map(
      (r) => (r as PromiseFulfilledResult<{ suggestions: Suggestion[]; stopped: StopReason }>).value,
    );
    const stopped =
      results.find((r) => r.stopped === 'cancelled')?.stopped ??
      results.find((r) => r.stopped)?.stopped ??
      null;
    const suggestions = results
      .flatMap((r) => r.suggestions)
      .sort(bestFirst)
      .slice(0, options.limit ?? MAX_SUGGESTIONS);
    return { suggestions, stopped, trained: true };
  } finally {
    for (const r of runs) r.terminate();
    if (jobId) s.jobs.delete(jobId);
  }
}

/** Documents below which a run stays in one worker (starting another costs more than it saves). */
export const SPLIT_MIN_DOCUMENTS = 200;

/** Scoring workers for a run: one per core, at most 4 (DOSSIER_SCORING_WORKERS when set, for tests). */
export function scoringWorkers(documents: number): number {
  const env = Number(process.env.DOSSIER_SCORING_WORKERS);
  const cores = Number.isInteger(env) && env > 0 ? env : Math.min(4, os.availableParallelism());
  return documents < SPLIT_MIN_DOCUMENTS ? 1 : Math.max(1, Math.min(cores, Math.floor(documents / 100)));
}

/** Asks a suggestion run to stop after the document in flight; false when no such run is under way. */
export function cancelSuggestions(db: Store, jobId: string): boolean {
  const flag = state(db).jobs.get(jobId);
  if (!flag) return false;
  Atomics.store(flag, 0, STOP_CANCELLED);
  return true;
}

/**
 * Claims the model strongly disputes (a domain of theirs scoring below `below`), scored in the suggestion worker.
 */
export async function consistencyCheck(db: Store, below = 0.15, limit = 200): Promise<Dispute[]> {
  const { blob, model } = requireModel(db);
  if (!blob || !model?.domains.length) return [];
  return runOffThread<Dispute[]>(
    db,
    { kind: 'disputes', blob, below, limit, stop: new SharedArrayBuffer(4) },
    { limitMs: SCORE_LIMIT_MS, what: 'the consistency check' },
  ).result;
}

/** A suggestion the analyst accepted: a claim of theirs, marked suggested, one undoable step. */
export function acceptSuggestion(
  db: Store,
  s: { docId: number; start: number; end: number; domainId: number },
) {
  const text = documentText(db, s.docId);
  checkRange(text, s.start, s.end);
  assertDomainsApplicable(db, [s.domainId]);
  const a = anchorAt(text, s.start, s.end);
  const id = recordEdit(db, 'accept suggestion', (t) => {
    const claimId = insertClaim(db, s.docId, a, { analyst: getAnalyst(db) });
    t.createdClaims([claimId]);
    setClaimDomains(db, claimId, [s.domainId]);
    db.cached('UPDATE claims SET suggested = 1 WHERE id = ?').run(claimId);
    return claimId;
  });
  // The retrain follows from the change stream (state.ts), as for any claim.
  return getClaim(db, id);
}

/** A suggestion the analyst rejected, kept as a negative example for its domain (rejecting twice is one). */
export function rejectSuggestion(
  db: Store,
  s: { docId: number; start: number; end: number; domainId: number },
) {
  const text = documentText(db, s.docId);
  checkRange(text, s.start, s.end);
  if (!db.cached('SELECT 1 FROM domains WHERE id = ?').get(s.domainId))
    throw new DossierError('not_found', `domain ${s.domainId} not found`);
  db.cached(
    `INSERT INTO suggest_rejections (document_id, start, end, domain_id, quote, analyst, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(s.docId, s.start, s.end, s.domainId, text.slice(s.start, s.end), getAnalyst(db), nowIso());
  // suggest_rejections is not on the change stream (no view shows it): the retrain is scheduled here.
  retrainSoon(db);
  return { rejected: db.cached('SELECT count(*) FROM suggest_rejections').pluck().get() as number };
}
