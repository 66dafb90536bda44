import { describe, expect, it } from 'vitest';
import { autocodeApply, autocodeSearch, compilePattern } from '../../../electron/core/autocode';
import { createClaim, getClaim, listClaims } from '../../../electron/core/claims';
import { addDomain } from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import { historyState, redo, undo } from '../../../electron/core/history';
import { updateSettings } from '../../../electron/core/settings';
import { callMethod } from '../../../electron/core/api/dispatch';
import { tempProject } from '../helpers';

const ONE = 'NATO met. The nato summit 😀 NATO-led drills; Natoland is not NATO.';
const TWO = 'Joint exercises with NATO partners.\nNo match here: N.A.T.O.';

function setup() {
  const p = tempProject('empty');
  const db = p.db;
  const one = addDocument(db, { title: 'One', text: ONE, format: 'txt' }).id;
  const two = addDocument(db, { title: 'Two', text: TWO, format: 'txt' }).id;
  const a = addDomain(db, { name: 'Alliance' }).id;
  const b = addDomain(db, { name: 'Bilateral' }).id;
  return { p, db, one, two, a, b };
}

describe('autocode search', () => {
  it('finds a word case-insensitively across the corpus, with context and document titles', async () => {
    const { db, one, two } = setup();
    const r = await autocodeSearch(db, { pattern: 'nato', context: 6 });
    expect(r.total).toBe(6);
    expect(r.documents).toBe(2);
    expect(r.truncated).toBe(false);
    for (const h of r.hits) {
      const text = h.docId === one ? ONE : TWO;
      expect(text.slice(h.start, h.end)).toBe(h.match);
      expect(h.match.toLowerCase()).toBe('nato');
      expect(text.slice(h.start - h.before.length, h.start)).toBe(h.before);
      expect(text.slice(h.end, h.end + h.after.length)).toBe(h.after);
      expect(h.before.length).toBeLessThanOrEqual(6);
    }
    expect(r.hits[0]).toMatchObject({
      docId: one,
      docTitle: 'One',
      start: 0,
      end: 4,
      before: '',
      after: ' met. ',
    });
    expect(r.hits.at(-1)).toMatchObject({ docId: two, docTitle: 'Two', match: 'NATO' });
  });

  it('honours case sensitivity, whole words, one document, and regular expressions', async () => {
    const { db, one, two } = setup();
    expect((await autocodeSearch(db, { pattern: 'NATO', caseSensitive: true })).total).toBe(4);
    // Whole word: not "Natoland"; "NATO-led" counts because the hyphen is not a word character.
    expect((await autocodeSearch(db, { pattern: 'nato', wholeWord: true })).total).toBe(5);
    expect((await autocodeSearch(db, { pattern: 'nato', docId: two })).hits.map((h) => h.docId)).toEqual([
      two,
    ]);
    const re = await autocodeSearch(db, { pattern: 'n\\.?a\\.?t\\.?o\\.?', regex: true, docId: two });
    expect(re.hits.map((h) => h.match)).toEqual(['NATO', 'N.A.T.O.']);
    expect((await autocodeSearch(db, { pattern: 'N.A.T.O.' })).total).toBe(1); // literal dots when not a regex
    const phrase = await autocodeSearch(db, { pattern: 'the NATO summit', docId: one });
    expect(phrase.hits.map((h) => h.match)).toEqual(['The nato summit']);
    const astral = await autocodeSearch(db, { pattern: '😀\\s\\w+', regex: true });
    expect(astral.hits[0].match).toBe('😀 NATO');
  });

  it('caps the hits it returns but reports the total', async () => {
    const { db } = setup();
    const r = await autocodeSearch(db, { pattern: 'nato', limit: 2 });
    expect(r.hits).toHaveLength(2);
    expect(r.total).toBe(6);
    expect(r.truncated).toBe(true);
  });

  it('skips empty and blank matches instead of looping', async () => {
    const { db, two } = setup();
    const r = await autocodeSearch(db, { pattern: 'q*', regex: true, docId: two });
    expect(r.total).toBe(0);
    const blank = await autocodeSearch(db, { pattern: '\\s+', regex: true, docId: two });
    expect(blank.total).toBe(0);
    expect(blank.skipped).toBeGreaterThan(3);
  });

  it('reports bad patterns and unknown documents clearly', async () => {
    const { db } = setup();
    await expect(autocodeSearch(db, { pattern: '(unclosed', regex: true })).rejects.toThrow(
      /invalid regular expression/,
    );
    await expect(autocodeSearch(db, { pattern: '[z-a]', regex: true })).rejects.toThrow(
      /invalid regular expression/,
    );
    await expect(autocodeSearch(db, { pattern: '   ' })).rejects.toThrow(/type something/);
    await expect(autocodeSearch(db, { pattern: 'x', docId: 99 })).rejects.toThrow(/no document with id 99/);
    expect(compilePattern({ pattern: '(a', regex: false }).source).toBe('\\(a');
  });
});

describe('autocode apply', () => {
  it('tags the chosen hits in one step, reuses identical claims, and undoes as one step', async () => {
    const { db, one, a, b } = setup();
    updateSettings(db, { analyst: 'Robo' });
    const existing = createClaim(db, { docId: one, start: 0, end: 4, domainIds: [b] });
    const search = await autocodeSearch(db, { pattern: 'nato', wholeWord: true });
    expect(search.hits[0]).toMatchObject({ claimId: existing.id, claimDomainIds: [b] });
    expect(search.hits.slice(1).every((h) => h.claimId === null)).toBe(true);
    const chosen = search.hits.filter((_, i) => i !== 2); // the analyst unticks one
    const before = JSON.stringify(listClaims(db));
    const r = autocodeApply(db, {
      hits: [...chosen, chosen[1]],
      domainIds: [a],
      note: 'auto',
      stance: 'neutral',
    });
    expect(r).toMatchObject({ created: chosen.length - 1, updated: 1, unchanged: 0 });
    expect(r.claimIds[0]).toBe(existing.id);
    expect(getClaim(db, existing.id).domainIds).toEqual([a, b].sort((x, y) => x - y));
    const made = listClaims(db).filter((c) => c.id !== existing.id);
    expect(made).toHaveLength(chosen.length - 1);
    for (const c of made) {
      expect(c).toMatchObject({ note: 'auto', stance: 'neutral', analyst: 'Robo', domainIds: [a] });
      expect(c.quote.toLowerCase()).toBe('nato');
    }
    const skipped = search.hits[2];
    expect(made.some((c) => c.docId === skipped.docId && c.start === skipped.start)).toBe(false);
    // Applying again changes nothing.
    expect(autocodeApply(db, { hits: chosen, domainIds: [a] })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: chosen.length,
    });
    undo(db); // the no-op apply recorded nothing, so this undoes the real one
    expect(JSON.stringify(listClaims(db))).toBe(before);
    expect(historyState(db).redoLabel).toBe(`autocode ${chosen.length} passages`);
    redo(db);
    expect(listClaims(db)).toHaveLength(chosen.length);
    // A later search flags the hits now covered.
    expect(
      (await autocodeSearch(db, { pattern: 'nato', wholeWord: true })).hits.filter((h) => h.claimId).length,
    ).toBe(chosen.length);
  });

  it('rejects the whole request when one hit or domain is bad, and loses nothing', async () => {
    const { db, one, two, a } = setup();
    const good = { docId: one, start: 0, end: 4 };
    const flag = ONE.indexOf('😀');
    expect(() =>
      autocodeApply(db, { hits: [good, { docId: one, start: flag + 1, end: flag + 6 }], domainIds: [a] }),
    ).toThrow(/hit 2 \(document 1\): .*splits a character/);
    expect(() =>
      autocodeApply(db, { hits: [good, { docId: two, start: 0, end: 999 }], domainIds: [a] }),
    ).toThrow(/not inside/);
    expect(() => autocodeApply(db, { hits: [{ docId: 42, start: 0, end: 1 }], domainIds: [a] })).toThrow(
      /document/,
    );
    expect(() => autocodeApply(db, { hits: [good], domainIds: [999] })).toThrow(/no domain with id 999/);
    expect(() => autocodeApply(db, { hits: [good], domainIds: [] })).toThrow(/at least one domain/);
    expect(() => autocodeApply(db, { hits: [], domainIds: [a] })).toThrow(/at least one hit/);
    expect(listClaims(db)).toEqual([]);
    expect(historyState(db).undoLabel).toBe('add domain');
  });

  it('is fast on thousands of hits', async () => {
    const { db, a } = setup();
    const big = addDocument(db, {
      title: 'Big',
      text: 'The alliance met. 😀 Allies agreed. '.repeat(3000),
      format: 'txt',
    }).id;
    const s = await autocodeSearch(db, { pattern: 'alli\\w+', regex: true, docId: big, limit: 10_000 });
    expect(s.total).toBe(6000);
    const r = autocodeApply(db, { hits: s.hits, domainIds: [a] });
    expect(r.created).toBe(6000);
    expect(listClaims(db, { docIds: [big] })).toHaveLength(6000);
    undo(db);
    expect(listClaims(db, { docIds: [big] })).toHaveLength(0);
  });

  it('serves search and apply through the API with validation', async () => {
    const { p, a } = setup();
    const bad = await callMethod(p, 'autocodeSearch', { pattern: 'a(', regex: true });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/invalid regular expression/) },
    });
    expect(await callMethod(p, 'autocodeSearch', { pattern: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const s = await callMethod(p, 'autocodeSearch', { pattern: 'nato', wholeWord: true });
    if (!s.ok) throw new Error('search failed');
    const hits = (s.value as { hits: { docId: number; start: number; end: number }[] }).hits;
    const r = await callMethod(p, 'autocodeApply', {
      hits: hits.map(({ docId, start, end }) => ({ docId, start, end })),
      domainIds: [a],
    });
    expect(r).toMatchObject({ ok: true, value: { created: 5 } });
    const wrong = await callMethod(p, 'autocodeApply', {
      hits: [{ docId: 1, start: 4, end: 2 }],
      domainIds: [a],
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
