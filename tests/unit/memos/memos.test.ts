import { describe, expect, it } from 'vitest';
import { memoProject, raw } from './project';

describe('memos through the API', () => {
  it('adds project, document and claim memos with the analyst and dates, and lists them by scope', async () => {
    const { p, docId, otherDocId, claimId, call } = memoProject();
    await call('updateSettings', { analyst: 'Ł. Analityk' });
    const journal = await call('addMemo', { title: '  Research   journal ', text: '# Day 1\nStarted.' });
    expect(journal).toMatchObject({
      title: 'Research journal',
      text: '# Day 1\nStarted.',
      analyst: 'Ł. Analityk',
      docId: null,
      claimId: null,
    });
    expect(journal.createdAt).toBe(journal.updatedAt);
    const onDoc = await call('addMemo', { title: 'About the report', docId });
    expect(onDoc.documentTitle).toBe('Exchange report');
    const onClaim = await call('addMemo', { title: 'Why officers', text: 'odd', claimId });
    expect(onClaim).toMatchObject({ claimId, claimDocId: docId, claimQuote: 'exchange of officers' });
    const second = await call('addMemo', { title: 'Second thought', claimId });

    const ids = (list: { id: number }[]) => list.map((m) => m.id);
    expect(ids(await call('listMemos', {}))).toEqual([second.id, onClaim.id, onDoc.id, journal.id]);
    expect(ids(await call('listMemos', { scope: 'project' }))).toEqual([journal.id]);
    // A document's memos include those on its claims (what the Reader shows).
    expect(ids(await call('listMemos', { docId }))).toEqual([second.id, onClaim.id, onDoc.id]);
    expect(await call('listMemos', { docId: otherDocId })).toEqual([]);
    expect(ids(await call('listMemos', { claimId }))).toEqual([second.id, onClaim.id]);
    expect(await call('getMemo', { id: onDoc.id })).toEqual(onDoc);
    p.db.close();
  });

  it('edits, links, unlinks and deletes, with typed errors for what does not exist', async () => {
    const { p, docId, claimId, call } = memoProject();
    const m = await call('addMemo', { title: 'Draft', text: 'one' });
    const edited = await call('updateMemo', { id: m.id, text: 'two **bold**' });
    expect(edited).toMatchObject({ title: 'Draft', text: 'two **bold**', createdAt: m.createdAt });
    expect(edited.updatedAt >= m.updatedAt).toBe(true);
    expect(await call('linkMemo', { id: m.id, docId, claimId })).toMatchObject({ docId, claimId });
    expect(await call('unlinkMemo', { id: m.id, from: 'claim' })).toMatchObject({ docId, claimId: null });
    expect(await call('unlinkMemo', { id: m.id })).toMatchObject({ docId: null, claimId: null });

    const bad = [
      ['addMemo', { title: '   ' }, 'invalid_input', /title/],
      ['addMemo', { title: 'x', docId: 999 }, 'not_found', /no document with id 999/],
      ['addMemo', { title: 'x', claimId: 999 }, 'not_found', /no claim with id 999/],
      ['addMemo', { title: 'x', text: 'a'.repeat(1_000_001) }, 'invalid_input', /text/],
      ['linkMemo', { id: m.id, claimId: 999 }, 'not_found', /no claim/],
      ['updateMemo', { id: 999, text: 'x' }, 'not_found', /no memo with id 999/],
      ['deleteMemo', { id: 999 }, 'not_found', /no memo/],
      ['addMemo', { title: 'x', html: '<b>' }, 'invalid_input', /html/],
    ] as const;
    for (const [method, input, code, message] of bad) {
      const r = await raw(p, method, input);
      expect(r.ok, method).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message).toMatch(message);
      }
    }
    // Nothing was lost by the refused calls.
    expect((await call('listMemos', {})).map((x) => [x.id, x.text])).toEqual([[m.id, 'two **bold**']]);
    expect(await call('deleteMemo', { id: m.id })).toEqual({ id: m.id });
    expect(await call('listMemos', {})).toEqual([]);
    p.db.close();
  });

  it('keeps a claim’s memos, unlinked, when the claim is deleted; undo links them again', async () => {
    const { p, docId, claimId, call } = memoProject();
    const m = await call('addMemo', { title: 'On the claim', docId, claimId });
    await call('deleteClaim', { id: claimId });
    expect(await call('getMemo', { id: m.id })).toMatchObject({ docId, claimId: null, claimQuote: null });
    const step = await call('undo', {});
    expect(step.label).toBe('delete claim');
    expect(await call('getMemo', { id: m.id })).toMatchObject({
      claimId,
      claimQuote: 'exchange of officers',
    });
    await call('redo', {});
    expect((await call('getMemo', { id: m.id })).claimId).toBeNull();
    p.db.close();
  });

  it('undoes and redoes every memo edit as one step each, and reports the memos table on the change stream', async () => {
    const { p, docId, call } = memoProject();
    const added = await raw(p, 'addMemo', { title: 'Idea', text: 'first' });
    expect(added.ok).toBe(true);
    const id = added.ok ? (added.value as { id: number }).id : 0;
    expect(added.changes?.tables).toEqual([{ table: 'memos', ids: [id] }]);
    expect(added.changes?.history?.undoLabel).toBe('add memo');

    await call('updateMemo', { id, title: 'Better idea', text: 'second' });
    const linked = await raw(p, 'linkMemo', { id, docId });
    expect(linked.changes?.docIds).toEqual([docId]);
    await call('deleteMemo', { id });

    const snapshot = async () => JSON.stringify(await call('listMemos', {}));
    const states: string[] = [await snapshot()];
    const labels: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      labels.push((await call('undo', {})).label);
      states.push(await snapshot());
    }
    expect(labels).toEqual(['delete memo', 'link memo', 'edit memo', 'add memo']);
    const memosAt = states.map((s) =>
      (JSON.parse(s) as { title: string; docId: number | null }[]).map((m) => [m.title, m.docId]),
    );
    expect(memosAt).toEqual([[], [['Better idea', docId]], [['Better idea', null]], [['Idea', null]], []]);
    for (let i = 3; i >= 0; i--) {
      await call('redo', {});
      expect(await snapshot()).toBe(states[i]);
    }
    // The edit log names the memo.
    const log = p.db
      .prepare("SELECT action FROM edit_log WHERE entity = 'memo' AND entity_id = ? ORDER BY id")
      .pluck()
      .all(id);
    expect(log.slice(0, 4)).toEqual(['add memo', 'edit memo', 'link memo', 'delete memo']);
    p.db.close();
  });
});
