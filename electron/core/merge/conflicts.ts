import type { z } from 'zod';
import type { MergeConflictMark, ResolveConflictInput } from '../../../shared/api/teamwork';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { recordEdit } from '../history';

// Claims a merge kept twice (edited in both copies): listed with both versions until an analyst keeps ours,
// theirs or both. Deleting one is an undoable step; the mark goes with the deleted claim (a trigger), and keeping
// both only removes the mark.

type Mark = z.infer<typeof MergeConflictMark>;

interface Side {
  quote: string;
  note: string;
  analyst: string;
  domains: string | null;
}

function side(db: Db, id: number): Mark['ours'] {
  const r = db
    .cached(
      `SELECT quote, note, analyst, (SELECT group_concat(d.name, '|') FROM claim_domains cd JOIN domains d
         ON d.id = cd.domain_id WHERE cd.claim_id = c.id) AS domains FROM claims c WHERE id = ?`,
    )
    .get(id) as Side;
  return {
    quote: r.quote,
    note: r.note,
    analyst: r.analyst,
    domains: r.domains ? r.domains.split('|').sort() : [],
  };
}

export function listMergeConflicts(db: Db): Mark[] {
  const rows = db
    .cached(
      `SELECT m.claim_id AS claimId, m.with_claim_id AS withClaimId, m.source, m.merged_at AS mergedAt,
         c.document_id AS docId, d.title AS documentTitle
       FROM claim_conflicts m JOIN claims c ON c.id = m.claim_id JOIN documents d ON d.id = c.document_id
       ORDER BY d.id, c.start, m.claim_id`,
    )
    .all() as Omit<Mark, 'ours' | 'theirs'>[];
  return rows.map((r) => ({ ...r, theirs: side(db, r.claimId), ours: side(db, r.withClaimId) }));
}

export function resolveMergeConflict(
  db: Db,
  input: z.infer<typeof ResolveConflictInput>,
): { deleted: number | null } {
  const mark = db
    .cached('SELECT claim_id AS theirs, with_claim_id AS ours FROM claim_conflicts WHERE claim_id = ?')
    .get(input.claimId) as { theirs: number; ours: number } | undefined;
  if (!mark) throw new DossierError('not_found', `claim ${input.claimId} is not marked as a merge conflict`);
  if (input.keep === 'both') {
    db.cached('DELETE FROM claim_conflicts WHERE claim_id = ?').run(input.claimId);
    return { deleted: null };
  }
  const gone = input.keep === 'ours' ? mark.theirs : mark.ours;
  recordEdit(db, `keep ${input.keep === 'ours' ? 'our' : 'their'} version of a claim`, (t) => {
    t.claims([gone]);
    db.cached('DELETE FROM claims WHERE id = ?').run(gone);
  });
  return { deleted: gone };
}
