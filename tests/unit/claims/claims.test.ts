import { describe, expect, it } from 'vitest';
import { anchorAt } from '../../../shared/text';
import {
  createClaim,
  deleteClaim,
  documentText,
  editLog,
  getClaim,
  listActors,
  listClaimSpans,
  listClaims,
  updateClaim,
} from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { domainIdsByName } from '../../../electron/core/domains';
import { getSettings, updateSettings } from '../../../electron/core/settings';
import { historyState, withoutHistory } from '../../../electron/core/history';
import { callMethod } from '../../../electron/core/api/dispatch';
import { tempProject } from '../helpers';

const TEXT =
  'The minister met her counterpart in Vilnius. 🇱🇹 Both sides agreed to expand joint exercises in 2025.\n' +
  'Critics said the training mission was too small. The ministry denied it.';

function setup() {
  const p = tempProject();
  const doc = addDocument(p.db, { title: 'Visit', text: TEXT, format: 'txt' });
  const [dialogue, exercises, training] = domainIdsByName(p.db, [
    'High-level dialogue',
    'Military exercises',
    'Military education and training',
  ]);
  return { p, db: p.db, docId: doc.id, dialogue, exercises, training };
}

const at = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });

describe('claim operations', () => {
  it("lists a document's claims as spans in text order, the same offsets and domains as listClaims", async () => {
    const { p, db, docId, dialogue, exercises, training } = setup();
    const other = addDocument(db, { title: 'Other', text: 'Nothing tagged here at all.', format: 'txt' }).id;
    createClaim(db, { docId, ...at('training mission'), domainIds: [training] });
    createClaim(db, { docId, ...at('The minister met'), domainIds: [dialogue, exercises] });
    createClaim(db, { docId, ...at('minister'), domainIds: [exercises] });
    const spans = listClaimSpans(db, docId);
    expect(spans.map((s) => TEXT.slice(s.start, s.end))).toEqual([
      'The minister met',
      'minister',
      'training mission',
    ]);
    expect(spans).toEqual(
      listClaims(db, { docIds: [docId] }).map((c) => ({
        id: c.id,
        start: c.start,
        end: c.end,
        domainIds: c.domainIds,
      })),
    );
    expect(spans[0].domainIds.sort()).toEqual([dialogue, exercises].sort());
    expect(listClaimSpans(db, other)).toEqual([]);
    expect(await callMethod(p, 'listClaimSpans', { docId })).toEqual({ ok: true, value: spans });
    expect(await callMethod(p, 'listClaimSpans', { docId: 'x' })).toMatchObject({ ok: false });
  });

  it('creates a claim with several domains, all attributes and the analyst from Settings', () => {
    const { db, docId, dialogue, exercises } = setup();
    updateSettings(db, { analyst: '  Ana   Lyst ' });
    expect(getSettings(db)).toEqual({ analyst: 'Ana Lyst' });
    const c = createClaim(db, {
      docId,
      ...at('Both sides agreed'),
      domainIds: [exercises, dialogue, exercises],
      note: 'key',
      actor: ' Lithuania ',
      stance: 'supports',
      reliability: 'B',
      credibility: 2,
    });
    expect(c.domainIds).toEqual([dialogue, exercises].sort((a, b) => a - b));
    expect(c).toMatchObject({
      quote: 'Both sides agreed',
      note: 'key',
      actor: 'Lithuania',
      stance: 'supports',
      reliability: 'B',
      credibility: 2,
      analyst: 'Ana Lyst',
    });
    expect(c.prefix).toBe(anchorAt(TEXT, c.start, c.end).prefix);
    expect(editLog(db, 'claim', c.id)).toEqual([
      { at: expect.any(String), analyst: 'Ana Lyst', action: 'tag claim' },
    ]);
  });

  it('changes domains, note and attributes, clears them with null, and logs each edit by analyst', () => {
    const { db, docId, dialogue, exercises, training } = setup();
    updateSettings(db, { analyst: 'First' });
    const c = createClaim(db, {
      docId,
      ...at('The ministry denied it.'),
      domainIds: [dialogue],
      stance: 'opposes',
    });
    updateSettings(db, { analyst: 'Second' });
    const u = updateClaim(db, { id: c.id, domainIds: [exercises, training] });
    expect(u.domainIds).toEqual([exercises, training].sort((a, b) => a - b));
    const v = updateClaim(db, {
      id: c.id,
      stance: null,
      reliability: 'F',
      credibility: 6,
      actor: 'Ministry',
    });
    expect(v).toMatchObject({ stance: null, reliability: 'F', credibility: 6, actor: 'Ministry', note: '' });
    expect(v.analyst).toBe('First'); // the creator stays; editors are in the log
    expect(editLog(db, 'claim', c.id).map((e) => [e.analyst, e.action])).toEqual([
      ['First', 'tag claim'],
      ['Second', 'change domains'],
      ['Second', 'edit claim attributes'],
    ]);
  });

  it('extends and shrinks a range and recomputes the anchor from the canonical text', () => {
    const { db, docId, dialogue } = setup();
    const c = createClaim(db, { docId, ...at('Vilnius'), domainIds: [dialogue] });
    const flag = TEXT.indexOf('🇱🇹');
    const wider = updateClaim(db, { id: c.id, end: flag + 4 });
    expect(wider.quote).toBe('Vilnius. 🇱🇹');
    expect(TEXT.slice(wider.start, wider.end)).toBe(wider.quote);
    expect(wider.suffix).toBe(anchorAt(TEXT, wider.start, wider.end).suffix);
    const narrower = updateClaim(db, { id: c.id, start: c.start + 3 });
    expect(narrower.quote).toBe('nius. 🇱🇹');
    expect(narrower.prefix).toBe(TEXT.slice(Math.max(0, narrower.start - 32), narrower.start));
  });

  it('refuses bad edits and loses nothing', () => {
    const { db, docId, dialogue } = setup();
    const c = createClaim(db, { docId, ...at('Vilnius'), domainIds: [dialogue] });
    const flag = TEXT.indexOf('🇱🇹');
    expect(() => updateClaim(db, { id: c.id, end: flag + 1 })).toThrow(/splits a character/);
    expect(() => updateClaim(db, { id: c.id, start: c.end })).toThrow(/not inside/);
    expect(() => updateClaim(db, { id: c.id, end: TEXT.length + 1 })).toThrow(/not inside/);
    expect(() => updateClaim(db, { id: c.id, domainIds: [] })).toThrow(/at least one domain/);
    expect(() => updateClaim(db, { id: c.id, domainIds: [9999] })).toThrow(/no domain with id 9999/);
    expect(() => updateClaim(db, { id: 4242, note: 'x' })).toThrow(/no claim with id 4242/);
    expect(() => createClaim(db, { docId: 77, start: 0, end: 3, domainIds: [dialogue] })).toThrow(/document/);
    expect(() => deleteClaim(db, 4242)).toThrow(/no claim with id 4242/);
    expect(getClaim(db, c.id)).toEqual(c);
    expect(listClaims(db)).toHaveLength(1);
  });

  it('deletes a claim', () => {
    const { db, docId, dialogue } = setup();
    const c = createClaim(db, { docId, ...at('Vilnius'), domainIds: [dialogue] });
    deleteClaim(db, c.id);
    expect(listClaims(db)).toEqual([]);
    expect(() => getClaim(db, c.id)).toThrow(/no claim/);
  });
});

describe('claim filters and suggestions', () => {
  function corpus() {
    const s = setup();
    const { db, docId, dialogue, exercises, training } = s;
    const mk = (q: string, domainIds: number[], extra: object = {}) =>
      createClaim(db, { docId, ...at(q), domainIds, ...extra });
    updateSettings(db, { analyst: 'Ann' });
    const a = mk('The minister met', [dialogue], {
      actor: 'Minister',
      stance: 'supports',
      reliability: 'A',
      credibility: 1,
      note: 'Vilnius visit',
    });
    const b = mk('joint exercises', [exercises, dialogue], {
      actor: 'minister',
      stance: 'neutral',
      reliability: 'C',
    });
    updateSettings(db, { analyst: 'Bob' });
    const c = mk('training mission', [training], { actor: 'Critics', stance: 'opposes', credibility: 4 });
    const d = mk('The ministry denied it.', [training, exercises], {});
    return { ...s, a, b, c, d };
  }
  const ids = (cs: { id: number }[]) => cs.map((c) => c.id);

  it('filters by every attribute, alone and combined', () => {
    const { db, a, b, c, d, dialogue, exercises, training, docId } = corpus();
    expect(ids(listClaims(db, { domainIds: [dialogue] }))).toEqual([a.id, b.id]);
    expect(ids(listClaims(db, { domainIds: [exercises, training] }))).toEqual([b.id, c.id, d.id]);
    expect(ids(listClaims(db, { domainIds: [exercises, training], domainMatch: 'all' }))).toEqual([d.id]);
    expect(ids(listClaims(db, { actors: ['MINISTER'] }))).toEqual([a.id, b.id]);
    expect(ids(listClaims(db, { actors: [''] }))).toEqual([d.id]);
    expect(ids(listClaims(db, { stances: ['opposes', 'none'] }))).toEqual([c.id, d.id]);
    expect(ids(listClaims(db, { reliabilities: ['A', 'C'] }))).toEqual([a.id, b.id]);
    expect(ids(listClaims(db, { reliabilities: ['none'] }))).toEqual([c.id, d.id]);
    expect(ids(listClaims(db, { credibilities: [4, 'none'] }))).toEqual([b.id, c.id, d.id]);
    expect(ids(listClaims(db, { analysts: ['bob'] }))).toEqual([c.id, d.id]);
    expect(ids(listClaims(db, { search: 'VILNIUS' }))).toEqual([a.id]);
    expect(ids(listClaims(db, { search: 'mission' }))).toEqual([c.id]);
    expect(ids(listClaims(db, { analysts: ['Ann'], stances: ['neutral'], docIds: [docId] }))).toEqual([b.id]);
    expect(ids(listClaims(db, {}, { limit: 2, offset: 1 }))).toEqual([b.id, c.id]);
    expect(ids(listClaims(db, { search: 'the' }, { limit: 1, offset: 1 }))).toEqual([d.id]);
    expect(listClaims(db, { stances: [] })).toEqual([]);
  });

  it('suggests actors already used, most frequent first, by prefix', () => {
    const { db } = corpus();
    const all = listActors(db);
    expect(all[0]).toMatchObject({ claims: 2 });
    expect(all[0].actor.toLowerCase()).toBe('minister');
    expect(all.map((x) => x.actor.toLowerCase())).toEqual(['minister', 'critics']);
    expect(listActors(db, { prefix: 'cr' })).toEqual([{ actor: 'Critics', claims: 1 }]);
    expect(listActors(db, { prefix: 'zz' })).toEqual([]);
  });

  it('serves the filters and settings through the API with validation', async () => {
    const { p, a, b } = corpus();
    const r = await callMethod(p, 'listClaims', { actor: 'minister', reliabilities: ['A'] });
    expect(r).toEqual({ ok: true, value: [expect.objectContaining({ id: a.id })] });
    const bad = await callMethod(p, 'listClaims', { stances: ['maybe'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await callMethod(p, 'updateSettings', { analyst: 'Zoe' })).toEqual({
      ok: true,
      value: { analyst: 'Zoe' },
      changes: expect.objectContaining({ type: 'changes' }),
    });
    expect(await callMethod(p, 'getProject', {})).toMatchObject({ ok: true, value: { analyst: 'Zoe' } });
    const upd = await callMethod(p, 'updateClaim', { id: b.id, note: 'n' });
    expect(upd).toMatchObject({ ok: true, value: { note: 'n' } });
    const log = await callMethod(p, 'getEditLog', { entity: 'claim', id: b.id });
    expect(log).toMatchObject({
      ok: true,
      value: [{ action: 'tag claim' }, { analyst: 'Zoe', action: 'edit note' }],
    });
    const actors = await callMethod(p, 'listActors', { prefix: 'min' });
    expect(actors).toMatchObject({ ok: true, value: [{ claims: 2 }] });
    expect(await callMethod(p, 'updateSettings', { analyst: 'x'.repeat(201) })).toMatchObject({ ok: false });
  });
});

describe('text cache and bulk work', () => {
  it('never serves a stale text when a document id is reused', () => {
    const { db, docId, dialogue } = setup();
    expect(documentText(db, docId)).toBe(TEXT);
    db.prepare('DELETE FROM documents WHERE id = ?').run(docId);
    expect(() => documentText(db, docId)).toThrow(/no document/);
    const again = addDocument(db, {
      title: 'New',
      text: 'Completely different words here.',
      format: 'txt',
    }).id;
    expect(again).toBe(docId); // SQLite reuses the largest rowid
    const c = createClaim(db, { docId: again, start: 0, end: 10, domainIds: [dialogue] });
    expect(c.quote).toBe('Completely');
  });

  it('runs bulk work without recording it, and drops the history', () => {
    const { db, docId, dialogue } = setup();
    createClaim(db, { docId, ...at('Vilnius'), domainIds: [dialogue] });
    expect(historyState(db).canUndo).toBe(true);
    const n = withoutHistory(db, () => {
      for (const q of ['minister', 'Critics', 'ministry'])
        createClaim(db, { docId, ...at(q), domainIds: [dialogue] });
      return listClaims(db).length;
    });
    expect(n).toBe(4);
    expect(historyState(db)).toMatchObject({ canUndo: false, canRedo: false });
    expect(editLog(db, 'claim', listClaims(db)[3].id)).toEqual([]);
    // Edits inside a transaction opened by other code (an importer) count as bulk work too.
    createClaim(db, { docId, ...at('Both'), domainIds: [dialogue] });
    db.transaction(() => createClaim(db, { docId, ...at('sides'), domainIds: [dialogue] }))();
    expect(historyState(db).canUndo).toBe(false);
    expect(listClaims(db)).toHaveLength(6);
    // Recording resumes afterwards.
    createClaim(db, { docId, ...at('agreed'), domainIds: [dialogue] });
    expect(historyState(db).undoLabel).toBe('tag claim');
  });
});
