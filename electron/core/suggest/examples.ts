import { documentText } from '../claims';
import type { Store } from '../store';
import type { Passage } from './train';
import { sentenceAround, sentenceSpans } from './units';

// The training passages of a project, read from its claims: a claim is positive for its domains (its text with
// the sentence around it) and negative for the others; an untagged sentence of a tagged document is negative for
// every domain (the analyst read it and tagged something else); a rejected suggestion is negative for its domain.
// Untagged sentences are capped at NEGATIVES_PER_CLAIM per positive, taken evenly through each document, so a
// long report with two claims does not bury them.

export const NEGATIVES_PER_CLAIM = 3;

interface ClaimRow {
  id: number;
  document_id: number;
  start: number;
  end: number;
  domain_ids: string;
}

export interface TrainingSet {
  passages: Passage[];
  domains: number[];
}

export function codableDomains(db: Store): number[] {
  return db.cached('SELECT id FROM domains WHERE codable = 1 ORDER BY id').pluck().all() as number[];
}

export function trainingSet(db: Store): TrainingSet {
  const domains = codableDomains(db);
  const rows = db
    .cached(
      `SELECT c.id, c.document_id, c.start, c.end, group_concat(cd.domain_id) AS domain_ids
       FROM claims c JOIN claim_domains cd ON cd.claim_id = c.id
       GROUP BY c.id ORDER BY c.document_id, c.start`,
    )
    .all() as ClaimRow[];
  const byDoc = new Map<number, ClaimRow[]>();
  for (const r of rows) {
    const list = byDoc.get(r.document_id);
    if (list) list.push(r);
    else byDoc.set(r.document_id, [r]);
  }
  const passages: Passage[] = [];
  const negatives: Passage[][] = [];
  for (const [doc, claims] of byDoc) {
    const text = documentText(db, doc);
    const sentences = sentenceSpans(text);
    const covered: { start: number; end: number }[] = [];
    for (const c of claims) {
      const span = sentenceAround(sentences, c.start, c.end);
      covered.push(span);
      passages.push({
        text: text.slice(span.start, span.end),
        doc,
        pos: c.domain_ids.split(',').map(Number),
        neg: 'all',
      });
    }
    negatives.push(
      sentences
        .filter((s) => !covered.some((c) => c.start < s.end && s.start < c.end))
        .map((s) => ({ text: text.slice(s.start, s.end), doc, pos: [], neg: 'all' as const })),
    );
  }
  const cap = passages.length * NEGATIVES_PER_CLAIM;
  const total = negatives.reduce((n, l) => n + l.length, 0);
  for (const list of negatives) {
    const keep = total <= cap ? list.length : Math.round((list.length * cap) / total);
    const stride = list.length / Math.max(1, keep);
    for (let i = 0; i < keep; i++) passages.push(list[Math.floor(i * stride)]);
  }
  const rejected = db
    .cached('SELECT document_id, quote, domain_id FROM suggest_rejections ORDER BY id')
    .all() as { document_id: number; quote: string; domain_id: number }[];
  for (const r of rejected) passages.push({ text: r.quote, doc: r.document_id, pos: [], neg: [r.domain_id] });
  return { passages, domains };
}

/** What the model was trained on, to tell when it is stale: claims, their domains and rejections. */
export function trainingFingerprint(db: Store): string {
  const row = db
    .cached(
      `SELECT (SELECT count(*) FROM claim_domains) || ':' || (SELECT coalesce(max(id), 0) FROM claims) || ':' ||
         (SELECT coalesce(max(updated_at), '') FROM claims) || ':' || (SELECT count(*) FROM claims) || ':' ||
         (SELECT count(*) FROM suggest_rejections) || ':' || (SELECT group_concat(id) FROM domains WHERE codable = 1)`,
    )
    .pluck()
    .get() as string;
  return row;
}
