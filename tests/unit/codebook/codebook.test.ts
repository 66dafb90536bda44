import { describe, expect, it } from 'vitest';
import { createClaim, getClaim, listClaims } from '../../../electron/core/claims';
import {
  addDomain,
  deleteDomain,
  getCodebook,
  mergeDomains,
  moveDomain,
  previewDelete,
  previewMerge,
  updateDomain,
} from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import { editLog } from '../../../electron/core/claims';
import { tempProject } from '../helpers';

const TEXT = 'Alpha beta gamma delta. Epsilon zeta eta theta. Iota kappa lambda mu.';

function setup() {
  const p = tempProject('empty');
  const db = p.db;
  const docId = addDocument(db, { title: 'One', text: TEXT, format: 'txt' }).id;
  const doc2 = addDocument(db, { title: 'Two', text: `${TEXT} Again.`, format: 'txt' }).id;
  const tag = (q: string, domainIds: number[], doc = docId) =>
    createClaim(db, { docId: doc, start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length, domainIds });
  return { p, db, docId, doc2, tag };
}

const names = (db: Parameters<typeof getCodebook>[0]) =>
  getCodebook(db).map((d) => `${'  '.repeat(d.depth)}${d.name}`);

describe('codebook editing', () => {
  it('creates domains at the end of their siblings, with details, and refuses bad names', () => {
    const { db } = setup();
    const a = addDomain(db, {
      name: 'Arms',
      color: '#112233',
      description: 'def',
      inclusion: 'in',
      exclusion: 'out',
    });
    const b = addDomain(db, { name: 'Budget' });
    const c = addDomain(db, { name: '  Cyber   ops ', parentId: a.id });
    expect(a).toMatchObject({
      name: 'Arms',
      color: '#112233',
      description: 'def',
      inclusion: 'in',
      exclusion: 'out',
      depth: 0,
      claims: 0,
    });
    expect(c).toMatchObject({ name: 'Cyber ops', parentId: a.id, depth: 1 });
    expect(b.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(names(db)).toEqual(['Arms', '  Cyber ops', 'Budget']);
    expect(() => addDomain(db, { name: '   ' })).toThrow(/needs a name/);
    expect(() => addDomain(db, { name: 'arms' })).toThrow(/already exists/);
    expect(() => addDomain(db, { name: 'X', color: 'red' })).toThrow(/colour/);
    expect(() => addDomain(db, { name: 'X', parentId: 999 })).toThrow(/no domain with id 999/);
    expect(() => addDomain(db, { name: 'x'.repeat(201) })).toThrow(/at most/);
    expect(getCodebook(db)).toHaveLength(3);
  });

  it('renames, recolours and describes, with clear errors', () => {
    const { db } = setup();
    const a = addDomain(db, { name: 'Arms' });
    addDomain(db, { name: 'Budget' });
    expect(updateDomain(db, { id: a.id, name: 'Arms transfers' }).name).toBe('Arms transfers');
    expect(updateDomain(db, { id: a.id, name: 'ARMS TRANSFERS' }).name).toBe('ARMS TRANSFERS'); // own name, new case
    expect(updateDomain(db, { id: a.id, color: '#abcdef' }).color).toBe('#abcdef');
    expect(updateDomain(db, { id: a.id, description: 'd', inclusion: 'i', exclusion: 'e' })).toMatchObject({
      description: 'd',
      inclusion: 'i',
      exclusion: 'e',
    });
    expect(() => updateDomain(db, { id: a.id, name: 'budget' })).toThrow(/already exists/);
    expect(() => updateDomain(db, { id: a.id, name: '' })).toThrow(/needs a name/);
    expect(() => updateDomain(db, { id: a.id, color: '#12345' })).toThrow(/colour/);
    expect(() => updateDomain(db, { id: 999, name: 'Z' })).toThrow(/no domain with id 999/);
    expect(editLog(db, 'domain', a.id).map((e) => e.action)).toEqual([
      'add domain',
      'rename domain',
      'rename domain',
      'recolour domain',
      'describe domain',
    ]);
  });

  it('re-parents and reorders, and rejects cycles', () => {
    const { db } = setup();
    const a = addDomain(db, { name: 'A' });
    const b = addDomain(db, { name: 'B' });
    const c = addDomain(db, { name: 'C' });
    const a1 = addDomain(db, { name: 'A1', parentId: a.id });
    const a11 = addDomain(db, { name: 'A11', parentId: a1.id });
    moveDomain(db, { id: c.id, index: 0 });
    expect(names(db)).toEqual(['C', 'A', '  A1', '    A11', 'B']);
    moveDomain(db, { id: b.id, parentId: a.id, index: 0 });
    expect(names(db)).toEqual(['C', 'A', '  B', '  A1', '    A11']);
    moveDomain(db, { id: a1.id, parentId: null });
    expect(names(db)).toEqual(['C', 'A', '  B', 'A1', '  A11']);
    moveDomain(db, { id: a1.id, parentId: a.id, index: 99 });
    expect(names(db)).toEqual(['C', 'A', '  B', '  A1', '    A11']);
    expect(() => moveDomain(db, { id: a.id, parentId: a11.id })).toThrow(/own sub-domains/);
    expect(() => moveDomain(db, { id: a.id, parentId: a.id })).toThrow(/itself/);
    expect(() => moveDomain(db, { id: a.id, parentId: 999 })).toThrow(/no domain with id 999/);
    expect(() => moveDomain(db, { id: 999, parentId: null })).toThrow(/no domain with id 999/);
    expect(names(db)).toEqual(['C', 'A', '  B', '  A1', '    A11']);
    const orders = getCodebook(db)
      .filter((d) => d.parentId === a.id)
      .map((d) => d.order);
    expect(orders).toEqual([0, 1]);
  });

  it('merges two domains: claims move, a claim with both keeps one link, sub-domains follow', () => {
    const { db, tag, doc2 } = setup();
    const src = addDomain(db, { name: 'Source' });
    const dst = addDomain(db, { name: 'Target' });
    const other = addDomain(db, { name: 'Other' });
    const child = addDomain(db, { name: 'Child', parentId: src.id });
    const c1 = tag('Alpha beta', [src.id]);
    const c2 = tag('gamma delta', [src.id, dst.id]);
    const c3 = tag('Epsilon', [src.id, other.id], doc2);
    const c4 = tag('Iota', [dst.id]);
    const preview = previewMerge(db, src.id, dst.id);
    expect(preview).toEqual({
      source: { id: src.id, name: 'Source' },
      target: { id: dst.id, name: 'Target' },
      claims: 3,
      alreadyInTarget: 1,
      documents: 2,
      children: 1,
    });
    expect(mergeDomains(db, src.id, dst.id)).toEqual(preview);
    expect(getClaim(db, c1.id).domainIds).toEqual([dst.id]);
    expect(getClaim(db, c2.id).domainIds).toEqual([dst.id]);
    expect(getClaim(db, c3.id).domainIds).toEqual([dst.id, other.id].sort((a, b) => a - b));
    expect(getClaim(db, c4.id).domainIds).toEqual([dst.id]);
    const cb = getCodebook(db);
    expect(cb.find((d) => d.id === src.id)).toBeUndefined();
    expect(cb.find((d) => d.id === dst.id)).toMatchObject({ claims: 4, documents: 2 });
    expect(cb.find((d) => d.id === child.id)?.parentId).toBe(dst.id);
    expect(() => mergeDomains(db, dst.id, dst.id)).toThrow(/two different/);
    expect(() => mergeDomains(db, 999, dst.id)).toThrow(/no domain with id 999/);
  });

  it('merges a domain into its own sub-domain without making a cycle', () => {
    const { db, tag } = setup();
    const top = addDomain(db, { name: 'Top' });
    const mid = addDomain(db, { name: 'Mid', parentId: top.id });
    const leaf = addDomain(db, { name: 'Leaf', parentId: mid.id });
    const side = addDomain(db, { name: 'Side', parentId: top.id });
    tag('Alpha', [top.id]);
    mergeDomains(db, top.id, leaf.id);
    expect(names(db)).toEqual(['Leaf', '  Mid', '  Side']);
    expect(getCodebook(db).find((d) => d.id === leaf.id)).toMatchObject({ parentId: null, claims: 1 });
    expect(getCodebook(db).find((d) => d.id === side.id)?.parentId).toBe(leaf.id);
  });

  it('deletes a domain: previews the counts, refuses to orphan claims unless confirmed', () => {
    const { db, tag } = setup();
    const parent = addDomain(db, { name: 'Parent' });
    const gone = addDomain(db, { name: 'Gone', parentId: parent.id });
    const keep = addDomain(db, { name: 'Keep' });
    const sub1 = addDomain(db, { name: 'Sub1', parentId: gone.id });
    const sub2 = addDomain(db, { name: 'Sub2', parentId: gone.id });
    const sibling = addDomain(db, { name: 'Sibling', parentId: parent.id });
    const only = tag('Alpha beta', [gone.id]);
    const both = tag('gamma', [gone.id, keep.id]);
    const unrelated = tag('Iota', [keep.id]);
    const preview = previewDelete(db, gone.id);
    expect(preview).toEqual({
      domain: { id: gone.id, name: 'Gone' },
      claims: 2,
      claimsWithoutOtherDomain: 1,
      documents: 1,
      children: 2,
      childrenMoveTo: { id: parent.id, name: 'Parent' },
    });
    expect(() => deleteDomain(db, gone.id)).toThrow(/1 claim is tagged only with "Gone": confirm/);
    expect(getCodebook(db)).toHaveLength(6);
    expect(listClaims(db)).toHaveLength(3);
    expect(deleteDomain(db, gone.id, { deleteClaims: true })).toEqual({ ...preview, deletedClaims: 1 });
    expect(listClaims(db).map((c) => c.id)).toEqual([both.id, unrelated.id]);
    expect(getClaim(db, both.id).domainIds).toEqual([keep.id]);
    expect(() => getClaim(db, only.id)).toThrow(/no claim/);
    expect(names(db)).toEqual(['Parent', '  Sub1', '  Sub2', '  Sibling', 'Keep']);
    expect(getCodebook(db).find((d) => d.id === sub1.id)?.parentId).toBe(parent.id);
    expect(getCodebook(db).find((d) => d.id === sibling.id)?.order).toBe(2);
    // Without orphans no confirmation is needed.
    expect(deleteDomain(db, sub2.id)).toMatchObject({ claims: 0, deletedClaims: 0 });
    expect(() => deleteDomain(db, 999)).toThrow(/no domain with id 999/);
  });
});
