import type { z } from 'zod';
import type { ResolveInput, ResolveResult } from '../../../shared/api/teamwork';
import { anchorAt } from '../../../shared/text';
import { documentText, insertClaim, setClaimDomains } from '../claims';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { recordEdit, type Tracker } from '../history';
import { domainName, runsOf, taggedClaims } from './disagreements';

// One-click resolutions of a passage where two analysts differ, each one undoable step. The result is a set of
// stretches tagged with the domain: A's claims, B's, one claim over the whole passage (merge), or both analysts'
// (keep both). It is written either as the consensus analyst's claims (A's and B's left as they are, so their
// agreement can still be measured) or in place: both analysts' claims in the passage become the result. Claims
// already matching the result are left alone; a claim that also has other domains only loses this one.

type Input = z.infer<typeof ResolveInput>;
type Output = z.infer<typeof ResolveResult>;

interface Row {
  id: number;
  start: number;
  end: number;
  analyst: string;
  note: string;
  actor: string;
  stance: 'supports' | 'opposes' | 'neutral' | null;
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | null;
  credibility: number | null;
  domains: number;
}

const LABELS = {
  'accept-a': 'accept A’s coding',
  'accept-b': 'accept B’s coding',
  merge: 'merge into one claim',
  'keep-both': 'keep both codings',
} as const;

export function resolveDisagreement(db: Db, input: Input): Output {
  domainName(db, input.domainId);
  const [a, b] = input.analysts;
  const owners = input.recordAs ? [input.recordAs] : [a, b];
  if (input.recordAs && owners.some((o) => o === a || o === b))
    throw new DossierError('invalid_input', 'record the result under an analyst other than the two compared');
  const claims = taggedClaims(db, input.domainId, [a, b, ...owners], [input.docId]);
  const inPassage = (c: { start: number; end: number }) => c.start < input.end && c.end > input.start;
  const compared = claims.filter((c) => (c.analyst === a || c.analyst === b) && inPassage(c));
  const run = runsOf(compared).find((r) => r.start === input.start && r.end === input.end);
  if (!run)
    throw new DossierError(
      'not_found',
      `no passage ${input.start}–${input.end} where ${a} and ${b} coded this domain in document ${input.docId} (it may have been resolved already)`,
    );
  const rows = rowsOf(db, [...new Set(claims.filter(inPassage).map((c) => c.id))]);
  const ofA = rows.filter((r) => r.analyst === a);
  const ofB = rows.filter((r) => r.analyst === b);
  const result: Omit<Row, 'id' | 'analyst' | 'domains'>[] =
    input.resolution === 'accept-a'
      ? ofA
      : input.resolution === 'accept-b'
        ? ofB
        : input.resolution === 'keep-both'
          ? [...ofA, ...ofB]
          : [mergedOf(ofA, ofB, run.start, run.end)];
  const created: number[] = [];
  const removed: number[] = [];
  const text = documentText(db, input.docId);
  recordEdit(db, `${LABELS[input.resolution]} (${domainName(db, input.domainId)})`, (t) => {
    for (const owner of owners) {
      const have = rows.filter((r) => r.analyst === owner);
      const want = new Map(result.map((r) => [`${r.start}:${r.end}`, r]));
      for (const r of have) {
        if (want.delete(`${r.start}:${r.end}`)) continue;
        untag(db, t, r, input.domainId);
        removed.push(r.id);
      }
      for (const r of want.values()) {
        const id = insertClaim(db, input.docId, anchorAt(text, r.start, r.end), { ...r, analyst: owner });
        t.createdClaims([id]);
        setClaimDomains(db, id, [input.domainId]);
        created.push(id);
      }
    }
  });
  return { resolution: input.resolution, created, removed };
}

function rowsOf(db: Db, ids: number[]): Row[] {
  return db
    .cached(
      `SELECT id, start, end, analyst, note, actor, stance, reliability, credibility,
         (SELECT count(*) FROM claim_domains WHERE claim_id = c.id) AS domains
       FROM claims c WHERE id IN (SELECT value FROM json_each(?)) ORDER BY start, end, id`,
    )
    .all(JSON.stringify(ids)) as Row[];
}

/** One claim over the whole passage; the notes of the claims it replaces, each once. */
function mergedOf(
  ofA: Row[],
  ofB: Row[],
  start: number,
  end: number,
): Omit<Row, 'id' | 'analyst' | 'domains'> {
  const all = [...ofA, ...ofB];
  const note = [...new Set(all.map((r) => r.note).filter(Boolean))].join('\n\n');
  const first = all[0];
  return {
    start,
    end,
    note,
    actor: first?.actor ?? '',
    stance: first?.stance ?? null,
    reliability: first?.reliability ?? null,
    credibility: first?.credibility ?? null,
  };
}

function untag(db: Db, t: Tracker, r: Row, domainId: number): void {
  t.claims([r.id]);
  if (r.domains > 1)
    db.cached('DELETE FROM claim_domains WHERE claim_id = ? AND domain_id = ?').run(r.id, domainId);
  else db.cached('DELETE FROM claims WHERE id = ?').run(r.id);
}
