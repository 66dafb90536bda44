import { documentText } from '../claims';
import type { Store } from '../store';
import { termCounts, vectorize } from './features';
import { type LinearModel, scores } from './model';
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
  return scores(model, vectorize(termCounts(text), model.idf));
}

export function suggestPassages(
  db: Store,
  model: LinearModel,
  o: SuggestOptions,
  hooks: RunHooks = {},
): { suggestions: Suggestion[]; stopped: StopReason } {
  const wanted = model.domains
    .map((d, j) => ({ d, j }))
    .filter(({ d }) => !o.domainIds || o.domainIds.includes(d));
  const min = o.minScore ?? THRESHOLD;
  const claimed = db.cached(
    `SELECT c.start, c.end, cd.domain_id FROM claims c JOIN claim_domains cd ON cd.claim_id = c.id
     WHERE c.document_id = ?`,
  );
  const rejected = db.cached('SELECT start, end, domain_id FROM suggest_rejections WHERE document_id = ?');
  const out: Suggestion[] = [];
  let stopped: StopReason = null;
  hooks.progress?.(0, o.docIds.length);
  for (let i = 0; i < o.docIds.length && wanted.length; i++) {
    stopped = hooks.stop?.() ?? null;
    if (stopped) break;
    const docId = o.docIds[i];
    const text = documentText(db, docId);
    const taken = [
      ...(claimed.all(docId) as { start: number; end: number; domain_id: number }[]),
      ...(rejected.all(docId) as { start: number; end: number; domain_id: number }[]),
    ];
    for (const span of unitSpans(text, o.unit)) {
      const quote = text.slice(span.start, span.end);
      const s = scoreText(model, quote);
      for (const { d, j } of wanted) {
        if (s[j] < min) continue;
        // Already a claim of this domain here, or rejected: not suggested again.
        if (taken.some((t) => t.domain_id === d && t.start < span.end && span.start < t.end)) continue;
        out.push({
          docId,
          ...span,
          quote,
          domainId: d,
          score: s[j],
          before: text.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start),
          after: text.slice(span.end, span.end + CONTEXT_CHARS),
        });
      }
    }
    hooks.progress?.(i + 1, o.docIds.length);
  }
  out.sort((a, b) => b.score - a.score || a.docId - b.docId || a.start - b.start);
  return { suggestions: out.slice(0, o.limit ?? MAX_SUGGESTIONS), stopped };
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
