import { describe, expect, it } from 'vitest';
import { undo } from '../../../electron/core/history';
import { callFailure, callOk } from '../helpers';
import { copyOf, counts, team, TEXTS } from './teamProject';

/** Ana's project and a copy in which the same claim got another note: merged, one conflict. */
async function conflicted() {
  const a = team();
  const d = a.domain('State');
  const one = a.doc(TEXTS.one, 'One');
  const shared = a.claim(one, 'signed a memorandum', 'Ana', [d], 'first');
  const b = copyOf(a.p, 'ben');
  a.edit(shared, 'ours');
  b.edit(shared, 'theirs');
  const r = await callOk(a.p, 'mergeProject', { path: b.p.path });
  return { a, shared, theirs: r.claims.conflicts[0].addedClaimId! };
}

describe('merge conflicts, until reviewed', () => {
  it('lists both versions of each marked claim', async () => {
    const { a, shared, theirs } = await conflicted();
    expect(await callOk(a.p, 'listMergeConflicts', {})).toEqual([
      expect.objectContaining({
        claimId: theirs,
        withClaimId: shared,
        source: 'ben.dossier',
        documentTitle: 'One',
        ours: { quote: 'signed a memorandum', note: 'ours', analyst: 'Ana', domains: ['State'] },
        theirs: { quote: 'signed a memorandum', note: 'theirs', analyst: 'Ana', domains: ['State'] },
      }),
    ]);
  });

  it('keeps ours (theirs deleted, undoable), theirs, or both (the mark goes)', async () => {
    for (const keep of ['ours', 'theirs', 'both'] as const) {
      const { a, shared, theirs } = await conflicted();
      const r = await callOk(a.p, 'resolveMergeConflict', { claimId: theirs, keep });
      expect(r.deleted, keep).toBe({ ours: theirs, theirs: shared, both: null }[keep]);
      expect(await callOk(a.p, 'listMergeConflicts', {}), keep).toEqual([]);
      expect(counts(a.p).claims, keep).toBe(keep === 'both' ? 2 : 1);
      if (keep === 'ours') {
        undo(a.p.db);
        expect(counts(a.p).claims).toBe(2);
      }
    }
  });

  it('refuses a claim that is not marked', async () => {
    const { a, shared } = await conflicted();
    expect(await callFailure(a.p, 'resolveMergeConflict', { claimId: shared, keep: 'ours' })).toMatchObject({
      code: 'not_found',
    });
  });
});
