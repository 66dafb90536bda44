import { describe, expect, it } from 'vitest';
import { redo, undo } from '../../../electron/core/history';
import { callFailure, callOk } from '../helpers';
import { team, TEXTS } from '../merge/teamProject';

// Ana and Ben coded "State" differently in one document: Ana the first sentence, Ben a longer stretch overlapping
// it; both coded "Joint exercises" the same (an agreement, not listed); Ben alone coded a phrase of document two.
function coded() {
  const t = team();
  const state = t.domain('State');
  const other = t.domain('Other');
  const one = t.doc(TEXTS.one, 'One');
  const two = t.doc(TEXTS.two, 'Two');
  t.claim(one, 'The ministry signed a memorandum', 'Ana', [state]);
  t.claim(one, 'signed a memorandum on defence cooperation', 'Ben', [state, other]);
  t.claim(one, 'Joint exercises', 'Ana', [state]);
  t.claim(one, 'Joint exercises', 'Ben', [state]);
  t.claim(two, 'Observers doubt', 'Ben', [state]);
  const list = (consensus?: string) =>
    callOk(t.p, 'listDisagreements', {
      domainId: state,
      analysts: ['Ana', 'Ben'],
      ...(consensus ? { consensus } : {}),
    });
  const coding = (analyst: string) =>
    t.p.db
      .prepare(
        `SELECT c.document_id AS doc, c.start, c.end FROM claims c JOIN claim_domains cd ON cd.claim_id = c.id
         WHERE cd.domain_id = ? AND c.analyst = ? ORDER BY doc, start`,
      )
      .all(state, analyst);
  return { t, state, other, one, two, list, coding };
}

const at = (text: string, quote: string) => [text.indexOf(quote), text.indexOf(quote) + quote.length];

describe('disagreement review', () => {
  it('lists the passages where two analysts differ, with A only, B only and both, and skips agreements', async () => {
    const { list, one, two } = coded();
    const r = await list();
    expect(r.passages.map((p) => [p.docId, p.text])).toEqual([
      [one, 'The ministry signed a memorandum on defence cooperation'],
      [two, 'Observers doubt'],
    ]);
    const [s1] = at(TEXTS.one, 'signed');
    const [, e1] = at(TEXTS.one, 'memorandum');
    expect(r.passages[0].pieces).toEqual([
      { start: 0, end: s1, who: 'a' },
      { start: s1, end: e1, who: 'both' },
      { start: e1, end: at(TEXTS.one, 'cooperation')[1], who: 'b' },
    ]);
    expect(r.passages[1].pieces.map((p) => p.who)).toEqual(['b']);
    expect(r.passages[0].after.startsWith('. Joint')).toBe(true);
  });

  it('accept A’s, in place: Ben’s coding becomes Ana’s (his claim keeps its other domain); undo and redo', async () => {
    const { t, list, coding, other } = coded();
    const before = { ana: coding('Ana'), ben: coding('Ben') };
    const p = (await list()).passages[0];
    const r = await callOk(t.p, 'resolveDisagreement', {
      domainId: (await list()).domainId,
      analysts: ['Ana', 'Ben'],
      docId: p.docId,
      start: p.start,
      end: p.end,
      resolution: 'accept-a',
    });
    expect(r.removed).toHaveLength(1);
    expect(r.created).toHaveLength(1);
    expect(coding('Ben')).toEqual(coding('Ana').concat(before.ben.slice(-1)));
    expect(coding('Ana')).toEqual(before.ana);
    // Ben's claim lost State only: it is still tagged Other.
    expect(t.p.db.prepare('SELECT count(*) FROM claim_domains WHERE domain_id = ?').pluck().get(other)).toBe(
      1,
    );
    expect((await list()).passages).toHaveLength(1);
    expect(undo(t.p.db).label).toBe('accept A’s coding (State)');
    expect({ ana: coding('Ana'), ben: coding('Ben') }).toEqual(before);
    redo(t.p.db);
    expect((await list()).passages).toHaveLength(1);
  });

  it('accept B’s, merge and keep both, in place', async () => {
    for (const resolution of ['accept-b', 'merge', 'keep-both'] as const) {
      const { t, list, coding, state } = coded();
      const p = (await list()).passages[0];
      await callOk(t.p, 'resolveDisagreement', {
        domainId: state,
        analysts: ['Ana', 'Ben'],
        docId: p.docId,
        start: p.start,
        end: p.end,
        resolution,
      });
      const first = (a: string) => coding(a).filter((c) => (c as { doc: number }).doc === p.docId);
      const [s, e] = at(TEXTS.one, 'signed a memorandum on defence cooperation');
      const [ms, me] = at(TEXTS.one, 'The ministry signed a memorandum');
      const doc = p.docId;
      const exercises = { doc, start: TEXTS.one.indexOf('Joint'), end: TEXTS.one.indexOf('Joint') + 15 };
      const expected = {
        'accept-b': [{ doc, start: s, end: e }, exercises],
        merge: [{ doc, start: 0, end: e }, exercises],
        'keep-both': [{ doc, start: ms, end: me }, { doc, start: s, end: e }, exercises],
      }[resolution];
      expect(first('Ana'), resolution).toEqual(expected);
      expect(first('Ben'), resolution).toEqual(expected);
      // The passage is no longer a disagreement.
      expect(
        (await list()).passages.map((x) => x.docId),
        resolution,
      ).not.toContain(p.docId);
    }
  });

  it('records the result under a consensus analyst, leaving both codings as they were', async () => {
    const { t, list, coding, state } = coded();
    const before = { ana: coding('Ana'), ben: coding('Ben') };
    const p = (await list('consensus')).passages[0];
    expect(p.resolved).toBe(false);
    await callOk(t.p, 'resolveDisagreement', {
      domainId: state,
      analysts: ['Ana', 'Ben'],
      docId: p.docId,
      start: p.start,
      end: p.end,
      resolution: 'merge',
      recordAs: 'consensus',
    });
    expect({ ana: coding('Ana'), ben: coding('Ben') }).toEqual(before);
    expect(coding('consensus')).toEqual([{ doc: p.docId, start: p.start, end: p.end }]);
    const again = await list('consensus');
    expect(again.passages[0]).toMatchObject({ resolved: true });
    expect(again.passages[1]).toMatchObject({ resolved: false });
    undo(t.p.db);
    expect(coding('consensus')).toEqual([]);
  });

  it('refuses a passage that is not one, an unknown domain, and the same analyst twice', async () => {
    const { t, state, one } = coded();
    const base = {
      domainId: state,
      analysts: ['Ana', 'Ben'] as [string, string],
      docId: one,
      resolution: 'merge',
    };
    expect(await callFailure(t.p, 'resolveDisagreement', { ...base, start: 0, end: 5 })).toMatchObject({
      code: 'not_found',
    });
    expect(
      await callFailure(t.p, 'listDisagreements', { domainId: 999, analysts: ['Ana', 'Ben'] }),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await callFailure(t.p, 'listDisagreements', { domainId: state, analysts: ['Ana', 'Ana'] }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      await callFailure(t.p, 'resolveDisagreement', { ...base, start: 0, end: 70, recordAs: 'Ana' }),
    ).toMatchObject({ code: 'invalid_input' });
  });
});
