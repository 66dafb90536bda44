// The grids' per-document summaries counted from the claims and tags themselves (pair by pair, no sweep, no
// summaries), and the summaries as readSummaries hands them out, for the summary tests to compare.
import type { Db } from '../../../electron/core/db';
import { readSummaries } from '../../../electron/core/grids/summaries';

export type Summary = { sets: string[]; overlaps: string[] };

/** Each document's tag sets and overlapping set pairs, counted from the claims and tags themselves. */
export function fromFirstPrinciples(db: Db): Map<number, Summary> {
  const claims = db.prepare('SELECT id, document_id AS doc, start, end FROM claims').all() as {
    id: number;
    doc: number;
    start: number;
    end: number;
  }[];
  const tags = new Map<number, number[]>();
  for (const { claim_id, domain_id } of db.prepare('SELECT claim_id, domain_id FROM claim_domains').all() as {
    claim_id: number;
    domain_id: number;
  }[])
    tags.set(claim_id, [...(tags.get(claim_id) ?? []), domain_id]);
  const key = (id: number): string | null => {
    const t = tags.get(id);
    return t ? [...t].sort((a, b) => a - b).join(',') : null;
  };
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  const sets = new Map<number, Map<string, number>>();
  const pairs = new Map<number, Map<string, number>>();
  const of = (m: Map<number, Map<string, number>>, doc: number) => {
    if (!m.has(doc)) m.set(doc, new Map());
    return m.get(doc)!;
  };
  for (const c of claims) {
    const k = key(c.id);
    if (k === null) continue;
    bump(of(sets, c.doc), k);
    for (const d of claims) {
      const kd = key(d.id);
      if (d.doc !== c.doc || d.id <= c.id || kd === null || !(c.start < d.end && d.start < c.end)) continue;
      bump(of(pairs, c.doc), k < kd ? `${k}|${kd}` : `${kd}|${k}`);
    }
  }
  const out = new Map<number, Summary>();
  const list = (m?: Map<string, number>) => [...(m ?? [])].map(([k, n]) => `${k}:${n}`).sort();
  for (const [doc, m] of sets) out.set(doc, { sets: list(m), overlaps: list(pairs.get(doc)) });
  return out;
}

export function summaries(db: Db): Map<number, Summary> {
  const out = new Map<number, Summary>();
  const list = (s: string) => (s ? s.split(';').sort() : []);
  readSummaries(db, 'both', (doc, sets, overlaps) =>
    out.set(doc, { sets: list(sets), overlaps: list(overlaps) }),
  );
  return out;
}
