import { documentText } from '../claims';
import type { Store } from '../store';
import { featurize } from './features';
import { type LinearModel, scores } from './model';
import { type ScoreUnit, scoreUnits } from './scoreUnits';
import { THRESHOLD } from './train';
import { sentenceAround, sentenceSpans, type Unit, unitSpans } from './units';

// Scoring passages against the model: the work of a suggestion run and of the consistency check. It runs in the
// suggestion worker (worker.ts) on the worker's own read-only connection, so the thread that answers the UI never
// scores a corpus; it checks `stop` between documents (the analyst cancelled, or the time limit came) and keeps
// what it had scored.

export const CONTEXT_CHARS = 160;
export const MAX_SUGGESTIONS = 500;

export interface Suggestion {
  docId: number;
  start: number;
  end: number;
  quote: string;
  domainId: number;
  score: number;
  before: string;
  after: string;
}

export interface Dispute {
  claimId: number;
  docId: number;
  quote: string;
  domainId: number;
  /** The model's score for the claim's own domain. */
  score: number;
  /** The domain the model prefers instead, if any scores above the threshold. */
  preferredDomainId: number | null;
  preferredScore: number | null;
}

export interface SuggestOptions {
  docIds: number[];
  domainIds?: number[];
  minScore?: number;
  unit: Unit;
  limit?: number;
}

/** Why a run stopped early; null while it may go on. */
export type StopReason = 'cancelled' | 'time_limit' | null;

export interface RunHooks {
  stop?: () => StopReason;
  /** Documents scored so far, of total (called before the first and after each document). */
  progress?: (done: number, total: number) => void;
}

export function scoreText(model: LinearModel, text: string): number[] {
  return scores(model, featurize(text, model.idf));
}

export function suggestPassages(
  db: Store,
  model: LinearModel,
  o: SuggestOptions,
  hooks: RunHooks = {},
): { suggestions: Suggestion[]; stopped: StopReason } {
  const claimed = db.cached(
    `SELECT c.start, c.end, cd.domain_id FROM claims c JOIN claim_domains cd ON cd.claim_id = c.id
     WHERE c.document_id = ?`,
  );
  const rejected = db.cached('SELECT start, end, domain_id FROM suggest_rejections WHERE document_id = ?');
  let stopped: StopReason = null;
  let taken: { start: number; end: number; domain_id: number }[] = [];
  // The units of one document after another, read lazily: scoreUnits (s4-model's batch scorer: one pass over a
  // unit's dimensions for every domain, the best `limit` hits kept) consumes them, and between documents the run
  // reports progress and checks whether it was asked to stop.
  function* units(): Generator<ScoreUnit> {
    hooks.progress?.(0, o.docIds.length);
    for (let i = 0; i < o.docIds.length; i++) {
      stopped = hooks.stop?.() ?? null;
      if (stopped) return;
      const docId = o.docIds[i];
      const text = documentText(db, docId);
      taken = [...(claimed.all(docId) as typeof taken), ...(rejected.all(docId) as typeof taken)];
      for (const span of unitSpans(text, o.unit))
        yield { docId, ...span, text: text.slice(span.start, span.end) };
      hooks.progress?.(i + 1, o.docIds.length);
    }
  }
  const hits = scoreUnits(model, units(), {
    domainIds: o.domainIds,
    minScore: o.minScore ?? THRESHOLD,
    limit: o.limit ?? MAX_SUGGESTIONS,
    // Already a claim of this domain here, or rejected: not suggested again.
    exclude: (u, d) => taken.some((t) => t.domain_id === d && t.start < u.end && u.start < t.end),
  });
  const suggestions = hits.map((h): Suggestion => {
    const text = documentText(db, h.docId);
    return {
      ...h,
      quote: text.slice(h.start, h.end),
      before: text.slice(Math.max(0, h.start - CONTEXT_CHARS), h.start),
      after: text.slice(h.end, h.end + CONTEXT_CHARS),
    };
  });
  return { suggestions, stopped };
}

/**
 * Claims the model strongly disputes: a domain of theirs scoring below `below`. The model learnt from these very
 * claims, so a claim it still disputes stands apart from the rest of its domain: worth a second look.
 */
export function disputedClaims(
  db: Store,
  model: LinearModel,
  below = 0.15,
  limit = 200,
  hooks: RunHooks = {},
): Dispute[] {
  const rows = db
    .cached(
      `SELECT c.id, c.document_id, c.start, c.end, c.quote, cd.domain_id FROM claims c
       JOIN claim_domains cd ON cd.claim_id = c.id ORDER BY c.document_id, c.start`,
    )
    .all() as {
    id: number;
    document_id: number;
    start: number;
    end: number;
    quote: string;
    domain_id: number;
  }[];
  const out: Dispute[] = [];
  let doc = -1;
  let sentences: ReturnType<typeof sentenceSpans> = [];
  let text = '';
  for (const r of rows) {
    const j = model.domains.indexOf(r.domain_id);
    if (j < 0) continue;
    if (r.document_id !== doc) {
      if (hooks.stop?.()) break;
      doc = r.document_id;
      text = documentText(db, doc);
      sentences = sentenceSpans(text);
    }
    const span = sentenceAround(sentences, r.start, r.end);
    const s = scoreText(model, text.slice(span.start, span.end));
    if (s[j] >= below) continue;
    let best = -1;
    s.forEach((v, k) => {
      if (k !== j && v >= THRESHOLD && (best < 0 || v > s[best])) best = k;
    });
    out.push({
      claimId: r.id,
      docId: r.document_id,
      quote: r.quote,
      domainId: r.domain_id,
      score: s[j],
      preferredDomainId: best >= 0 ? model.domains[best] : null,
      preferredScore: best >= 0 ? s[best] : null,
    });
  }
  return out.sort((a, b) => a.score - b.score).slice(0, limit);
}
