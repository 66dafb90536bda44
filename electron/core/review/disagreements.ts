import type { z } from 'zod';
import type { Disagreements, DisagreementsInput } from '../../../shared/api/teamwork';
import { documentText } from '../claims';
import type { Db } from '../db';
import { DossierError } from '../errors';

// Where two analysts coded one domain differently: per document, each run of overlapping (or touching) claims of
// either analyst is a passage, cut at every claim boundary into stretches coded by the first only, the second
// only, or both. A passage coded exactly alike by both is an agreement and not listed.

type Input = z.infer<typeof DisagreementsInput>;
type Output = z.infer<typeof Disagreements>;
type Passage = Output['passages'][number];

export interface TaggedClaim {
  id: number;
  docId: number;
  start: number;
  end: number;
  analyst: string;
}

const CONTEXT = 160;

export function domainName(db: Db, domainId: number): string {
  const d = db.cached('SELECT name FROM domains WHERE id = ?').get(domainId) as { name: string } | undefined;
  if (!d) throw new DossierError('not_found', `no domain ${domainId} in the codebook`);
  return d.name;
}

/** The claims of these analysts tagged with the domain (in these documents), in text order. */
export function taggedClaims(db: Db, domainId: number, analysts: string[], docIds?: number[]): TaggedClaim[] {
  const rows = db
    .cached(
      `SELECT c.id, c.document_id AS docId, c.start, c.end, c.analyst FROM claim_domains cd
       JOIN claims c ON c.id = cd.claim_id
       WHERE cd.domain_id = ? AND c.analyst IN (SELECT value FROM json_each(?))
       ORDER BY c.document_id, c.start, c.end, c.id`,
    )
    .all(domainId, JSON.stringify(analysts)) as TaggedClaim[];
  if (!docIds) return rows;
  const wanted = new Set(docIds);
  return rows.filter((r) => wanted.has(r.docId));
}

/** Runs of overlapping or touching claims: [start, end) and the claims in it. */
export function runsOf(claims: TaggedClaim[]): { start: number; end: number; claims: TaggedClaim[] }[] {
  const runs: { start: number; end: number; claims: TaggedClaim[] }[] = [];
  for (const c of claims) {
    const last = runs[runs.length - 1];
    if (last && c.start <= last.end) {
      last.end = Math.max(last.end, c.end);
      last.claims.push(c);
    } else runs.push({ start: c.start, end: c.end, claims: [c] });
  }
  return runs;
}

export function piecesOf(claims: TaggedClaim[], a: string): Passage['pieces'] {
  const cuts = [...new Set(claims.flatMap((c) => [c.start, c.end]))].sort((x, y) => x - y);
  const pieces: Passage['pieces'] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [s, e] = [cuts[i], cuts[i + 1]];
    const over = claims.filter((c) => c.start <= s && c.end >= e);
    const byA = over.some((c) => c.analyst === a);
    const byB = over.some((c) => c.analyst !== a);
    if (!byA && !byB) continue;
    const who = byA && byB ? 'both' : byA ? 'a' : 'b';
    const last = pieces[pieces.length - 1];
    if (last && last.who === who && last.end === s) last.end = e;
    else pieces.push({ start: s, end: e, who });
  }
  return pieces;
}

export function listDisagreements(db: Db, input: Input): Output {
  const domain = domainName(db, input.domainId);
  const [a, b] = input.analysts;
  const consensus = input.consensus ?? null;
  const claims = taggedClaims(db, input.domainId, [a, b], input.docIds);
  const agreed = consensus ? taggedClaims(db, input.domainId, [consensus], input.docIds) : [];
  const titles = new Map(
    (db.cached('SELECT id, title FROM documents').all() as { id: number; title: string }[]).map((d) => [
      d.id,
      d.title,
    ]),
  );
  const passages: Passage[] = [];
  const byDoc = new Map<number, TaggedClaim[]>();
  for (const c of claims) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
  for (const [docId, docClaims] of byDoc) {
    const text = documentText(db, docId);
    for (const run of runsOf(docClaims)) {
      const pieces = piecesOf(run.claims, a);
      if (pieces.every((p) => p.who === 'both')) continue;
      const mine = agreed.filter((c) => c.docId === docId && c.start < run.end && c.end > run.start);
      passages.push({
        docId,
        documentTitle: titles.get(docId) ?? '',
        start: run.start,
        end: run.end,
        pieces,
        before: text.slice(Math.max(0, run.start - CONTEXT), run.start),
        text: text.slice(run.start, run.end),
        after: text.slice(run.end, run.end + CONTEXT),
        claimIds: {
          a: run.claims.filter((c) => c.analyst === a).map((c) => c.id),
          b: run.claims.filter((c) => c.analyst === b).map((c) => c.id),
          consensus: mine.map((c) => c.id),
        },
        resolved: mine.length > 0,
      });
    }
  }
  return { domainId: input.domainId, domain, analysts: [a, b], consensus, passages };
}
