import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { raw } from '../memos/project';
import { setProject } from './project';

describe('document sets through the API', () => {
  it('creates, lists with counts, renames, assigns, unassigns and deletes, each one undoable step', async () => {
    const { p, docIds, call } = setProject();
    const [a, b, c, d] = docIds;
    const tanks = await call('createSet', { name: '  Think   tanks ', docIds: [b, a, a] });
    expect(tanks).toMatchObject({ name: 'Think tanks', docIds: [a, b], docCount: 2, claimCount: 3 });
    const press = await call('createSet', { name: 'Press' });
    expect(press).toMatchObject({ docIds: [], docCount: 0, claimCount: 0 });
    expect(await call('assignToSet', { setId: press.id, docIds: [c, b] })).toMatchObject({
      added: 2,
      set: { docIds: [b, c], claimCount: 2 },
    });
    // Already a member: stays once; by name, whatever its case.
    expect((await call('assignToSet', { name: 'press', docIds: [c, d] })).added).toBe(1);
    expect((await call('listSets', {})).map((s) => [s.name, s.docCount, s.claimCount])).toEqual([
      ['Press', 3, 2],
      ['Think tanks', 2, 3],
    ]);
    expect((await call('unassignFromSet', { setId: press.id, docIds: [d] })).removed).toBe(1);
    expect((await call('renameSet', { id: press.id, name: 'News' })).name).toBe('News');

    expect((await call('undo', {})).label).toBe('rename set');
    expect((await call('getSet', { id: press.id })).name).toBe('Press');
    expect((await call('undo', {})).label).toBe('remove from set');
    expect((await call('getSet', { id: press.id })).docIds).toEqual([b, c, d]);
    await call('redo', {});
    await call('redo', {});
    expect(await call('getSet', { id: press.id })).toMatchObject({ name: 'News', docIds: [b, c] });

    await call('deleteSet', { id: tanks.id });
    expect((await call('listSets', {})).map((s) => s.name)).toEqual(['News']);
    // Deleting a set keeps its documents; undo brings it back with the same id and members.
    expect((await call('listDocuments', {})).total).toBe(4);
    await call('undo', {});
    expect(await call('getSet', { id: tanks.id })).toMatchObject({ name: 'Think tanks', docIds: [a, b] });
    const log = p.db.prepare("SELECT action FROM edit_log WHERE entity = 'set' ORDER BY id").pluck().all();
    expect(log).toContain('create set');
    expect(log).toContain('undo delete set');
    p.db.close();
  });

  it('reports its changes on the change stream like other edits', async () => {
    const { p, docIds } = setProject();
    const r = await callMethod(p, 'createSet', { name: 'One', docIds: [docIds[2]] });
    expect(r.ok).toBe(true);
    const tables = r.changes?.tables.map((t) => t.table);
    expect(tables).toEqual(['document_sets', 'document_set_members']);
    expect(r.changes?.docIds).toEqual([docIds[2]]);
    p.db.close();
  });

  it('refuses what is not there or not allowed with a clear error, changing nothing', async () => {
    const { p, docIds, call } = setProject();
    const s = await call('createSet', { name: 'Kept', docIds: [docIds[0]] });
    const bad = [
      ['createSet', { name: '   ' }, 'invalid_input', /name/],
      ['createSet', { name: 'KEPT' }, 'conflict', /already exists/],
      ['createSet', { name: 'x', docIds: [docIds[1], 999] }, 'not_found', /no document with id 999/],
      ['assignToSet', { setId: s.id, docIds: [998, 999] }, 'not_found', /998, 999/],
      [
        'assignToSet',
        { name: 'Nope', docIds: [docIds[0]] },
        'not_found',
        /no document set named "Nope".*Kept/,
      ],
      [
        'assignToSet',
        { setId: s.id, name: 'Kept', docIds: [docIds[0]] },
        'invalid_input',
        /setId or by name/,
      ],
      ['assignToSet', { setId: s.id, docIds: [] }, 'invalid_input', /docIds/],
      ['renameSet', { id: 999, name: 'x' }, 'not_found', /no document set with id 999/],
      ['deleteSet', { id: 999 }, 'not_found', /no document set/],
      ['createSetFromSearch', { name: 'y', query: '"unclosed' }, 'invalid_input', /not closed/],
      ['listClaims', { setIds: [999] }, 'not_found', /no document set with id 999/],
      ['getMatrix', { rows: 'set:1,abc' }, 'invalid_input', /set:1,2/],
      ['getMatrix', { rows: 'set:999' }, 'not_found', /no document set with id 999/],
    ] as const;
    for (const [method, input, code, message] of bad) {
      const r = await raw(p, method, input);
      expect(r.ok, method).toBe(false);
      if (!r.ok) {
        expect(r.error.code, method).toBe(code);
        expect(r.error.message, method).toMatch(message);
      }
    }
    expect((await call('listSets', {})).map((x) => [x.name, x.docIds])).toEqual([['Kept', [docIds[0]]]]);
    p.db.close();
  });

  it('makes a set of every document a search matches, and sets from an attribute’s values', async () => {
    const { p, docIds, attributeId, call } = setProject();
    const [a, b, c] = docIds;
    expect(
      (await call('createSetFromSearch', { name: 'On sovereignty', query: 'sovereignty' })).docIds,
    ).toEqual([a, c]);
    const byKind = await call('createSetsFromAttribute', { attributeId });
    // Values that differ only in case are one value; documents without one are in none.
    expect(byKind.map((s) => [s.name, s.docIds])).toEqual([
      ['kind: press', [c]],
      ['kind: think tank', [a, b]],
    ]);
    expect((await call('undo', {})).label).toBe('create sets from attribute');
    expect((await call('listSets', {})).map((s) => s.name)).toEqual(['On sovereignty']);
    const one = await call('createSetsFromAttribute', { attributeId, value: 'THINK TANK', name: 'Tanks' });
    expect(one.map((s) => [s.name, s.docIds])).toEqual([['Tanks', [a, b]]]);
    expect((await raw(p, 'createSetsFromAttribute', { attributeId, value: 'radio' })).ok).toBe(false);
    // Named as most documents spell the value: one more "Think Tank" outvotes the first document's spelling.
    await call('setDocumentAttributes', { docId: docIds[3], values: { kind: 'Think Tank' } });
    const again = await call('createSetsFromAttribute', { attributeId, value: 'think tank' });
    expect(again.map((s) => [s.name, s.docIds])).toEqual([['kind: Think Tank', [a, b, docIds[3]]]]);
    p.db.close();
  });
});
