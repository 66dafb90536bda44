import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import { defineAttribute } from '../../../electron/core/attributes';
import type { Project } from '../../../electron/core/project';
import { callFailure, callOk, tempProject } from '../helpers';

// "Select all matching" (issue 16): an action takes the Library's filter instead of ids and the core resolves it
// in SQL: every matching document, less the ones unticked, and nothing else; a bad selection changes nothing.

function corpus(n: number): { p: Project; ids: number[] } {
  const p = tempProject('empty');
  const ids: number[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      addDocument(p.db, {
        title: i % 4 === 0 ? `Report ${i}` : `note ${i}`,
        text: `body ${i}`,
        format: i % 2 ? 'pdf' : 'txt',
      }).id,
    );
  defineAttribute(p.db, 'region', 'text');
  return { p, ids };
}

describe('actions on a selection of all matching documents', () => {
  it('adds every match to a new set and to an existing one, less the exceptions, as one undoable step', async () => {
    const { p, ids } = corpus(40);
    const matching = { text: 'report' };
    const reports = ids.filter((_, i) => i % 4 === 0);
    expect((await callOk(p, 'countSelection', { selection: { matching } })).documents).toBe(10);
    const made = await callOk(p, 'addSelectionToSet', {
      selection: { matching, except: [reports[0]] },
      name: 'Reports',
    });
    expect(made.added).toBe(9);
    expect(made.set.docIds).toEqual(reports.slice(1));
    const pdfs = ids.filter((_, i) => i % 2 === 1);
    const more = await callOk(p, 'addSelectionToSet', {
      selection: { matching: { format: 'pdf' } },
      setId: made.set.id,
    });
    expect(more.added).toBe(20);
    expect(more.set.docIds).toEqual([...reports.slice(1), ...pdfs].sort((a, b) => a - b));
    await callOk(p, 'undo', {});
    expect((await callOk(p, 'getSet', { id: made.set.id })).docIds).toEqual(reports.slice(1));
    // The set itself is then a filter: its documents, matched again.
    const inSet = await callOk(p, 'countSelection', {
      selection: { matching: { setId: made.set.id, format: 'txt' } },
    });
    expect(inSet.documents).toBe(9);
  });

  it('sets an attribute on every match and clears it again', async () => {
    const { p, ids } = corpus(12);
    const r = await callOk(p, 'setSelectionAttribute', {
      selection: { matching: { format: 'txt' }, except: [ids[0]] },
      name: 'region',
      value: 'East',
    });
    expect(r.documents).toBe(5);
    const east = await callOk(p, 'pageDocuments', {
      attributes: [{ name: 'region', op: 'eq', value: 'east' }],
      sort: 'id',
    });
    expect(east.rows.map((d) => d.id)).toEqual([ids[2], ids[4], ids[6], ids[8], ids[10]]);
    expect(east.rows.every((d) => d.values.region === 'East')).toBe(true);
    await callOk(p, 'setSelectionAttribute', {
      selection: { docIds: [ids[2], ids[4]] },
      name: 'region',
      value: null,
    });
    expect(
      (
        await callOk(p, 'countSelection', {
          selection: { matching: { attributes: [{ name: 'region', op: 'notEmpty' }] } },
        })
      ).documents,
    ).toBe(3);
  });

  it('refuses a selection that names nothing, an unknown document or attribute, changing nothing', async () => {
    const { p, ids } = corpus(6);
    const before = await callOk(p, 'listSets', {});
    const none = await callFailure(p, 'addSelectionToSet', {
      selection: { matching: { text: 'zzz' } },
      name: 'Empty',
    });
    expect(none.code).toBe('invalid_input');
    expect(
      (await callFailure(p, 'addSelectionToSet', { selection: { docIds: [ids[0], 99_999] }, name: 'X' }))
        .code,
    ).toBe('not_found');
    expect((await callFailure(p, 'addSelectionToSet', { selection: { docIds: [] }, name: 'X' })).code).toBe(
      'invalid_input',
    );
    expect(
      (
        await callFailure(p, 'addSelectionToSet', {
          selection: { matching: { text: 1 } },
          name: 'X',
        } as never)
      ).code,
    ).toBe('invalid_input');
    expect(await callOk(p, 'listSets', {})).toEqual(before);
    const bad = await callFailure(p, 'setSelectionAttribute', {
      selection: { matching: {} },
      name: 'nope',
      value: 'x',
    });
    expect(bad.code).toBe('not_found');
    // A number attribute refuses text for all of them: none is written.
    defineAttribute(p.db, 'rank', 'number');
    const refused = await callFailure(p, 'setSelectionAttribute', {
      selection: { matching: {} },
      name: 'rank',
      value: 'ten',
    });
    expect(refused.code).toBe('invalid_input');
    expect(
      (
        await callOk(p, 'countSelection', {
          selection: { matching: { attributes: [{ name: 'rank', op: 'notEmpty' }] } },
        })
      ).documents,
    ).toBe(0);
  });
});
