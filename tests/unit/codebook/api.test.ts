import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { createClaim, listClaims } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { tempProject } from '../helpers';

async function ok<T>(p: ReturnType<typeof tempProject>, name: string, input: unknown): Promise<T> {
  const r = await callMethod(p, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

type D = {
  id: number;
  name: string;
  parentId: number | null;
  depth: number;
  claims: number;
  documents: number;
};

describe('codebook API', () => {
  it('creates, edits, moves, merges and deletes domains with previews, errors and undo', async () => {
    const p = tempProject('empty');
    const docId = addDocument(p.db, { title: 'D', text: 'one two three four', format: 'txt' }).id;
    const a = await ok<D>(p, 'createDomain', { name: 'A', description: 'def', inclusion: 'in' });
    const b = await ok<D>(p, 'createDomain', { name: 'B', parentId: a.id, color: '#00ff00' });
    expect(b).toMatchObject({ parentId: a.id, depth: 1, color: '#00ff00' });
    expect(await callMethod(p, 'createDomain', { name: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await callMethod(p, 'createDomain', { name: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await callMethod(p, 'createDomain', { name: 'X', color: 'green' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await callMethod(p, 'updateDomain', { id: 77, name: 'Z' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await callMethod(p, 'moveDomain', { id: a.id, parentId: b.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/own sub-domains/) },
    });
    expect(await ok<D>(p, 'updateDomain', { id: b.id, name: 'Bee' })).toMatchObject({ name: 'Bee' });
    expect(await ok<D>(p, 'moveDomain', { id: b.id, parentId: null, index: 0 })).toMatchObject({
      parentId: null,
      depth: 0,
    });
    expect((await ok<D[]>(p, 'getCodebook', {})).map((d) => d.name)).toEqual(['Bee', 'A']);

    createClaim(p.db, { docId, start: 0, end: 3, domainIds: [a.id] });
    createClaim(p.db, { docId, start: 4, end: 7, domainIds: [a.id, b.id] });
    expect(await ok(p, 'previewMergeDomains', { sourceId: a.id, targetId: b.id })).toMatchObject({
      claims: 2,
      alreadyInTarget: 1,
      documents: 1,
    });
    expect(await ok(p, 'mergeDomains', { sourceId: a.id, targetId: b.id })).toMatchObject({ claims: 2 });
    expect(await ok<D[]>(p, 'getCodebook', {})).toEqual([
      expect.objectContaining({ id: b.id, claims: 2, documents: 1 }),
    ]);
    expect(await ok(p, 'historyState', {})).toMatchObject({ undoLabel: 'merge domains' });

    expect(await ok(p, 'previewDeleteDomain', { id: b.id })).toMatchObject({
      claims: 2,
      claimsWithoutOtherDomain: 2,
    });
    const refused = await callMethod(p, 'deleteDomain', { id: b.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/^2 claims are tagged only with "Bee"/) },
    });
    expect(listClaims(p.db)).toHaveLength(2);
    expect(await ok(p, 'deleteDomain', { id: b.id, deleteClaims: true })).toMatchObject({ deletedClaims: 2 });
    expect(listClaims(p.db)).toHaveLength(0);
    const step = await ok<{ label: string; claimIds: number[]; domainIds: number[] }>(p, 'undo', {});
    expect(step.label).toBe('delete domain');
    expect(step.claimIds).toHaveLength(2);
    expect(listClaims(p.db).map((c) => c.domainIds)).toEqual([[b.id], [b.id]]);
    await ok(p, 'undo', {}); // the merge
    expect((await ok<D[]>(p, 'getCodebook', {})).map((d) => [d.name, d.claims])).toEqual([
      ['Bee', 1],
      ['A', 2],
    ]);
  });
});
