import { describe, expect, it } from 'vitest';
import { autocodeApply, autocodeSearch } from '../../../electron/core/autocode';
import { getClaim } from '../../../electron/core/claims';
import { addDomain } from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import { undo } from '../../../electron/core/history';
import { callFailure, tempProject } from '../helpers';

// What a hit becomes as a claim: the hit, its sentence, its paragraph or N words around, through the real search
// (worker thread, real SQLite project), and the passages slice back to their text.

const PROSE =
  'Interoperability matters. Allies train together 🇺🇦 so that interoperability grows, and the drills prove it.\n' +
  'A second line of the same paragraph.\n\n' +
  'Naïve planners ignore interoperability.\n\n' +
  'The last paragraph ends with interoperability';

function setup(text = PROSE) {
  const p = tempProject('empty');
  const doc = addDocument(p.db, { title: 'Prose', text, format: 'txt' }).id;
  const d = addDomain(p.db, { name: 'Cooperation' }).id;
  return { p, db: p.db, doc, d, text };
}

const pieces = (text: string, hits: { start: number; end: number }[]): string[] =>
  hits.map((h) => text.slice(h.start, h.end));

describe('autocode context units', () => {
  it('the hit alone is the default, as before', async () => {
    const { db, text } = setup();
    const r = await autocodeSearch(db, { pattern: 'interoperability' });
    expect(pieces(text, r.hits)).toEqual(
      Array(4)
        .fill('Interoperability')
        .map((w, i) => (i ? w.toLowerCase() : w)),
    );
    expect(r.merged).toBe(0);
  });

  it('sentence: each hit becomes its whole sentence, a hit at the start and at the very end included; two hits in one sentence make one', async () => {
    const { db, text } = setup();
    const r = await autocodeSearch(db, { pattern: 'interoperability', unit: 'sentence' });
    expect(r.total).toBe(4);
    expect(pieces(text, r.hits)).toEqual([
      'Interoperability matters.',
      'Allies train together 🇺🇦 so that interoperability grows, and the drills prove it.',
      'Naïve planners ignore interoperability.',
      'The last paragraph ends with interoperability',
    ]);
    for (const h of r.hits) {
      expect(h.match).toBe(text.slice(h.start, h.end));
      for (const m of h.marks ?? []) {
        expect(m.start).toBeGreaterThanOrEqual(h.start);
        expect(m.end).toBeLessThanOrEqual(h.end);
        expect(text.slice(m.start, m.end).toLowerCase()).toBe('interoperability');
      }
    }
    const merged = await autocodeSearch(db, { pattern: '(?:allies|drills)', regex: true, unit: 'sentence' });
    expect(merged.total).toBe(2);
    expect(merged.hits).toHaveLength(1);
    expect(merged.merged).toBe(1);
    expect(pieces(text, merged.hits[0].marks ?? [])).toEqual(['Allies', 'drills']);
  });

  it('paragraph: the paragraphs that exports number (runs of non-blank lines), trimmed', async () => {
    const { db, text } = setup();
    const r = await autocodeSearch(db, { pattern: 'interoperability', unit: 'paragraph' });
    expect(pieces(text, r.hits)).toEqual([
      'Interoperability matters. Allies train together 🇺🇦 so that interoperability grows, and the drills prove it.\nA second line of the same paragraph.',
      'Naïve planners ignore interoperability.',
      'The last paragraph ends with interoperability',
    ]);
    expect(r.hits[0].marks).toHaveLength(2);
    expect(r.merged).toBe(1);
  });

  it('N words around: counted in words (emoji and punctuation are not words), clipped at the text ends', async () => {
    const { db, text } = setup();
    const r = await autocodeSearch(db, { pattern: 'interoperability', unit: 'words', words: 2 });
    expect(pieces(text, r.hits)).toEqual([
      'Interoperability matters. Allies',
      'so that interoperability grows, and',
      'planners ignore interoperability.\n\nThe last',
      'ends with interoperability',
    ]);
    // The third hit's words run over the blank line into the next paragraph: N words is a word count, not a unit.
    expect(r.hits[2].match).toContain('interoperability');
  });

  it('N words around: a hit within the window of the one before shares its claim; windows that only overlap are cut, not chained', async () => {
    const { db, text } = setup('NATO a b NATO c NATO d e f g NATO');
    const r = await autocodeSearch(db, { pattern: 'NATO', unit: 'words', words: 3 });
    expect(pieces(text, r.hits)).toEqual(['NATO a b NATO c NATO d', 'e f g NATO']);
    for (let i = 1; i < r.hits.length; i++) expect(r.hits[i].start).toBeGreaterThanOrEqual(r.hits[i - 1].end);
    expect(r.hits.map((h) => h.marks?.length)).toEqual([3, 1]);
    expect(r.merged).toBe(2);
  });

  it('a one-sentence document and a document that is only the hit', async () => {
    const one = setup('Interoperability');
    const r = await autocodeSearch(one.db, { pattern: 'interoperability', unit: 'sentence' });
    expect(pieces(one.text, r.hits)).toEqual(['Interoperability']);
    const w = await autocodeSearch(one.db, { pattern: 'interoperability', unit: 'words', words: 5 });
    expect(pieces(one.text, w.hits)).toEqual(['Interoperability']);
    const two = setup('😀😀 Only one sentence here, with 😀 emoji and interoperability 😀');
    const s = await autocodeSearch(two.db, { pattern: 'interoperability', unit: 'sentence' });
    expect(pieces(two.text, s.hits)).toEqual([two.text]);
  });

  it('applying sentence passages creates sentence claims whose quote slices back, one undoable step', async () => {
    const { db, doc, d, text } = setup();
    const r = await autocodeSearch(db, { pattern: 'interoperability', unit: 'sentence' });
    const applied = autocodeApply(db, { hits: r.hits, domainIds: [d] });
    expect(applied.created).toBe(4);
    for (const id of applied.claimIds) {
      const c = getClaim(db, id);
      expect(c.docId).toBe(doc);
      expect(text.slice(c.start, c.end)).toBe(c.quote);
    }
    expect(getClaim(db, applied.claimIds[1]).quote).toBe(
      'Allies train together 🇺🇦 so that interoperability grows, and the drills prove it.',
    );
    // Searching again finds the sentence claims as the existing claims of those passages.
    const again = await autocodeSearch(db, { pattern: 'interoperability', unit: 'sentence' });
    expect(again.hits.map((h) => h.claimId)).toEqual(applied.claimIds);
    undo(db);
    const after = await autocodeSearch(db, { pattern: 'interoperability', unit: 'sentence' });
    expect(after.hits.every((h) => h.claimId === null)).toBe(true);
  });

  it('the API refuses an unknown unit or a bad word count, and names the field', async () => {
    const { p } = setup();
    expect(await callFailure(p, 'autocodeSearch', { pattern: 'x', unit: 'chapter' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/unit/),
    });
    expect(await callFailure(p, 'autocodeSearch', { pattern: 'x', unit: 'words', words: 0 })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/words/),
    });
  });
});
