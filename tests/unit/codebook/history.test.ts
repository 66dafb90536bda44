import { describe, expect, it } from 'vitest';
import { createClaim, deleteClaim, listClaims, updateClaim } from '../../../electron/core/claims';
import {
  addDomain,
  deleteDomain,
  getCodebook,
  mergeDomains,
  mergeTemplate,
  moveDomain,
  updateDomain,
} from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import { autocodeApply, autocodeSearch } from '../../../electron/core/autocode';
import { HISTORY_LIMIT, historyState, redo, undo } from '../../../electron/core/history';
import type { Db } from '../../../electron/core/db';
import { callMethod } from '../../../electron/core/api/dispatch';
import { tempProject } from '../helpers';

const TEXT = 'Alpha beta gamma delta. Epsilon 😀 zeta eta theta. Iota kappa lambda mu.';

function setup() {
  const p = tempProject('empty');
  const db = p.db;
  const docId = addDocument(db, { title: 'One', text: TEXT, format: 'txt' }).id;
  const a = addDomain(db, { name: 'A' }).id;
  const b = addDomain(db, { name: 'B' }).id;
  const c = addDomain(db, { name: 'C', parentId: a }).id;
  const tag = (q: string, domainIds: number[]) =>
    createClaim(db, { docId, start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length, domainIds });
  return { p, db, docId, a, b, c, tag };
}

/** Everything undo must restore: claims with all columns and domains, and the codebook with counts. */
const state = (db: Db) => JSON.stringify({ claims: listClaims(db), codebook: getCodebook(db) });

/** Runs an edit, then checks undo restores the state before and redo the state after, with the labels. */
function roundTrip(db: Db, label: string, edit: () => unknown) {
  const before = state(db);
  edit();
  const after = state(db);
  expect(after).not.toBe(before);
  expect(historyState(db)).toMatchObject({ canUndo: true, canRedo: false, undoLabel: label });
  const u = undo(db);
  expect(u.label).toBe(label);
  expect(state(db)).toBe(before);
  expect(historyState(db)).toMatchObject({ canRedo: true, redoLabel: label });
  const r = redo(db);
  expect(r.label).toBe(label);
  expect(state(db)).toBe(after);
  return { u, r };
}

describe('undo/redo', () => {
  it('covers every claim edit', () => {
    const { db, a, b, tag, docId } = setup();
    let id = 0;
    const { u } = roundTrip(db, 'tag claim', () => (id = tag('beta gamma', [a, b]).id));
    expect(u).toMatchObject({ claimIds: [id], docIds: [docId], domainIds: [], codebookChanged: true });
    roundTrip(db, 'resize claim', () => updateClaim(db, { id, end: TEXT.indexOf('😀') + 2 }));
    roundTrip(db, 'resize claim', () => updateClaim(db, { id, start: TEXT.indexOf('gamma') }));
    roundTrip(db, 'change domains', () => updateClaim(db, { id, domainIds: [b] }));
    roundTrip(db, 'edit note', () => updateClaim(db, { id, note: 'a note' }));
    roundTrip(db, 'edit claim attributes', () =>
      updateClaim(db, { id, actor: 'NATO', stance: 'opposes', reliability: 'C', credibility: 3 }),
    );
    roundTrip(db, 'edit claim', () => updateClaim(db, { id, note: 'x', stance: null }));
    const before = listClaims(db)[0];
    roundTrip(db, 'delete claim', () => deleteClaim(db, id));
    // Restoring a deleted claim restores its id, domains and attributes exactly.
    undo(db);
    expect(listClaims(db)).toEqual([before]);
  });

  it('covers every codebook edit, restoring domains and their claim links', () => {
    const { db, a, b, c, tag } = setup();
    tag('Alpha', [a]);
    tag('beta', [a, b]);
    tag('Iota', [c]);
    roundTrip(db, 'add domain', () => addDomain(db, { name: 'D', parentId: c }));
    roundTrip(db, 'rename domain', () => updateDomain(db, { id: a, name: 'A2' }));
    roundTrip(db, 'recolour domain', () => updateDomain(db, { id: a, color: '#000000' }));
    roundTrip(db, 'describe domain', () => updateDomain(db, { id: a, inclusion: 'yes' }));
    roundTrip(db, 'move domain', () => moveDomain(db, { id: c, parentId: b }));
    roundTrip(db, 'reorder domains', () => moveDomain(db, { id: b, index: 0 }));
    roundTrip(db, 'merge domains', () => mergeDomains(db, a, b));
    // c now sits under b: merging b into c lifts c to the top first.
    roundTrip(db, 'merge domains', () => mergeDomains(db, b, c));
    expect(listClaims(db).every((x) => x.domainIds.join() === String(c))).toBe(true);
    roundTrip(db, 'delete domain', () => deleteDomain(db, c, { deleteClaims: true }));
    expect(listClaims(db)).toEqual([]);
    undo(db);
    expect(listClaims(db)).toHaveLength(3);
    roundTrip(db, 'apply codebook template', () =>
      mergeTemplate(db, {
        name: 't',
        description: '',
        domains: [
          { name: 'New', color: '#123456', description: '' },
          { name: 'Kid', color: '#123456', description: '', parent: 'New' },
        ],
      }),
    );
  });

  it('undoes autocode in one step', async () => {
    const { db, a } = setup();
    const hits = (await autocodeSearch(db, { pattern: 'a', wholeWord: false })).hits;
    expect(hits.length).toBeGreaterThan(5);
    roundTrip(db, `autocode ${hits.length} passages`, () => autocodeApply(db, { hits, domainIds: [a] }));
  });

  it('undoes several steps in order, and a new edit clears redo', () => {
    const { db, a, b, tag } = setup();
    const s0 = state(db);
    const x = tag('Alpha', [a]).id;
    const s1 = state(db);
    updateClaim(db, { id: x, domainIds: [b] });
    mergeDomains(db, b, a);
    undo(db);
    undo(db);
    expect(state(db)).toBe(s1);
    undo(db);
    expect(state(db)).toBe(s0);
    expect(historyState(db)).toEqual({
      canUndo: true,
      canRedo: true,
      undoLabel: 'add domain',
      redoLabel: 'tag claim',
    });
    redo(db);
    expect(state(db)).toBe(s1);
    updateDomain(db, { id: b, name: 'Bee' });
    expect(historyState(db)).toMatchObject({ canRedo: false, redoLabel: null, undoLabel: 'rename domain' });
    const none = redo(db);
    expect(none).toMatchObject({
      label: null,
      claimIds: [],
      codebookChanged: false,
      state: { canRedo: false },
    });
  });

  it('does not record failed edits, and says when there is nothing to undo', () => {
    const p = tempProject('empty');
    expect(historyState(p.db)).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    expect(undo(p.db)).toEqual({
      label: null,
      claimIds: [],
      docIds: [],
      domainIds: [],
      codebookChanged: false,
      state: historyState(p.db),
    });
    expect(() => addDomain(p.db, { name: '' })).toThrow();
    expect(historyState(p.db).canUndo).toBe(false);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    const { db, a } = setup();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) updateDomain(db, { id: a, description: String(i) });
    let n = 0;
    while (historyState(db).canUndo) {
      undo(db);
      n++;
    }
    expect(n).toBe(HISTORY_LIMIT);
  });

  it('refuses to undo over a change made outside the session and clears the history', () => {
    const { db, a, tag } = setup();
    const x = tag('Alpha', [a]);
    db.prepare('UPDATE claims SET note = ? WHERE id = ?').run('changed elsewhere', x.id);
    expect(() => undo(db)).toThrow(/changed outside this session/);
    expect(listClaims(db)[0].note).toBe('changed elsewhere');
    expect(historyState(db).canUndo).toBe(false);
  });

  it('serves undo/redo and the history state through the API', async () => {
    const { p, a, docId } = setup();
    const made = await callMethod(p, 'createClaim', { docId, start: 0, end: 5, domainIds: [a] });
    expect(made.ok).toBe(true);
    expect(await callMethod(p, 'historyState', {})).toEqual({
      ok: true,
      value: { canUndo: true, canRedo: false, undoLabel: 'tag claim', redoLabel: null },
    });
    const u = await callMethod(p, 'undo', {});
    expect(u).toMatchObject({
      ok: true,
      value: { label: 'tag claim', docIds: [docId], state: { canRedo: true } },
    });
    expect(listClaims(p.db)).toEqual([]);
    expect(await callMethod(p, 'redo', {})).toMatchObject({ ok: true, value: { label: 'tag claim' } });
    expect(listClaims(p.db)).toHaveLength(1);
    expect(await callMethod(p, 'redo', {})).toMatchObject({ ok: true, value: { label: null } });
  });
});

describe('grid bookkeeping on tags (migration 0003) stays right through codebook edits and undo', () => {
  it('keeps document_id and claim_tags of every tag in step', () => {
    const { db, a, b, c, tag } = setup();
    tag('Alpha', [a, b]);
    tag('beta', [a, b, c]);
    tag('Iota', [c]);
    const wrong = () =>
      db
        .prepare(
          `SELECT count(*) AS n FROM claim_domains cd JOIN claims cl ON cl.id = cd.claim_id
           WHERE cd.document_id IS NOT cl.document_id
              OR cd.claim_tags <> (SELECT count(*) FROM claim_domains x WHERE x.claim_id = cd.claim_id)`,
        )
        .get() as { n: number };
    const edits = [
      () => mergeDomains(db, a, b),
      () => deleteDomain(db, c, { deleteClaims: true }),
      () => updateClaim(db, { id: listClaims(db)[0].id, domainIds: [b] }),
    ];
    for (const edit of edits) {
      edit();
      expect(wrong().n).toBe(0);
    }
    for (let i = 0; i < edits.length; i++) {
      undo(db);
      expect(wrong().n).toBe(0);
    }
    for (let i = 0; i < edits.length; i++) {
      redo(db);
      expect(wrong().n).toBe(0);
    }
  });
});
