import { anchorAt } from '../../../shared/text';
import { checkRange, documentText, getClaim, insertClaim, setClaimDomains } from '../claims';
import { nowIso } from '../db';
import { assertDomainsApplicable } from '../domains';
import { DossierError } from '../errors';
import { recordEdit } from '../history';
import { getAnalyst } from '../settings';
import type { Store } from '../store';
import { termCounts, vectorize } from './features';
import { type LinearModel, scores } from './model';
import { currentModel, retrainSoon } from './state';
import { THRESHOLD } from './train';
import { sentenceAround, sentenceSpans, type Unit, unitSpans } from './units';

// What the model says about passages: the popover's ranking of domains for a selection, suggested claims over
// documents, and the claims it disputes. Nothing here writes a claim except acceptSuggestion, which the analyst
// asks for one suggestion at a time; every suggestion goes through the review drawer first.

export const CONTEXT_CHARS = 160;
export const MAX_SUGGESTIONS = 500;

export interface DomainScore {
  domainId: number;
  score: number;
}

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

function scoreText(model: LinearModel, text: string): number[] {
  return scores(model, vectorize(termCounts(text), model.idf));
}

function requireModel(db: Store): LinearModel | null {
  retrainSoon(db);
  return currentModel(db).model;
}

/** Each learnt domain's score for a selection (its sentence around it, as claims were learnt). */
export function rankDomains(db: Store, docId: number, start: number, end: number): DomainScore[] {
  const text = documentText(db, docId);
  checkRange(text, start, end);
  const model = requireModel(db);
  if (!model) return [];
  const span = sentenceAround(sentenceSpans(text), start, end);
  const s = scoreText(model, text.slice(span.start, span.end));
  return model.domains.map((domainId, j) => ({ domainId, score: s[j] }));
}

export interface SuggestOptions {
  docIds: number[];
  domainIds?: number[];
  minScore?: number;
  unit: Unit;
  limit?: number;
}

export function suggestClaims(db: Store, o: SuggestOptions): { suggestions: Suggestion[]; trained: boolean } {
  const model = requireModel(db);
  if (!model) return { suggestions: [], trained: false };
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
  for (const docId of o.docIds) {
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
  }
  out.sort((a, b) => b.score - a.score || a.docId - b.docId || a.start - b.start);
  return { suggestions: out.slice(0, o.limit ?? MAX_SUGGESTIONS), trained: true };
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
  retrainSoon(db);
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
  retrainSoon(db);
  return { rejected: db.cached('SELECT count(*) FROM suggest_rejections').pluck().get() as number };
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

/**
 * Claims the model strongly disputes: a domain of theirs scoring below `below`. The model learnt from these very
 * claims, so a claim it still disputes stands apart from the rest of its domain: worth a second look.
 */
export function consistencyCheck(db: Store, below = 0.15, limit = 200): Dispute[] {
  const model = requireModel(db);
  if (!model) return [];
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
