import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import { searchDocuments } from '../../../electron/core/search';
import { callOk, tempProject } from '../helpers';

// Ranking, hit counts and snippets on a real project (FTS5 in a temp SQLite file).

const filler = (n: number, seed: string): string =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 7} word${i % 11}`).join(' ');

/** About the same length, so BM25's length normalisation does not decide the order. */
function corpus() {
  const p = tempProject('empty');
  const parts = (k: number): string =>
    Array.from({ length: 8 }, (_, i) => (i < k ? 'interoperability' : 'cooperation')).join(' and ');
  const once = addDocument(p.db, {
    title: 'Interoperability in brief',
    text: `${filler(60, 'a')} ${parts(1)}. ${filler(60, 'b')}`,
    format: 'txt',
  }).id;
  const seven = addDocument(p.db, {
    title: 'Army reform',
    text: `${filler(60, 'a')} ${parts(7)}. ${filler(60, 'b')}`,
    format: 'txt',
  }).id;
  const none = addDocument(p.db, { title: 'Unrelated', text: filler(130, 'c'), format: 'txt' }).id;
  return { p, once, seven, none };
}

describe('document ranking', () => {
  it('a document with seven hits in its text ranks above one that has the term once in its title and once in its text', () => {
    const { p, once, seven } = corpus();
    const r = searchDocuments(p.db, 'interoperability');
    expect(r.results.map((x) => x.docId)).toEqual([seven, once]);
    expect(r.results.map((x) => x.hitCount)).toEqual([7, 1]);
    expect(r.results.map((x) => x.hits.length)).toEqual([7, 1]);
    expect(r.results[0].score).toBeGreaterThan(r.results[1].score);
    // The title's match is marked in the title.
    expect(r.results[1].titleMarks).toEqual([{ start: 0, end: 'Interoperability'.length }]);
    expect(r.results[0].titleMarks).toEqual([]);
  });

  it('the title still counts: of two documents with the same hits in their text, the one named for the term is first', () => {
    const p = tempProject('empty');
    const text = `${filler(40, 'x')} interoperability matters. ${filler(40, 'y')}`;
    const plain = addDocument(p.db, { title: 'Notes', text, format: 'txt' }).id;
    const named = addDocument(p.db, { title: 'Interoperability', text: `${text} `, format: 'txt' }).id;
    expect(searchDocuments(p.db, 'interoperability').results.map((x) => x.docId)).toEqual([named, plain]);
  });

  it('the API answers hit counts and title marks within its contract', async () => {
    const { p, seven } = corpus();
    const r = await callOk(p, 'searchDocuments', { query: 'interoperability', hits: true });
    expect(r.results[0]).toMatchObject({ docId: seven, hitCount: 7 });
  });
});

describe('snippets mark every matched term', () => {
  function far() {
    const p = tempProject('empty');
    const text = `Alliance planners met. ${filler(80, 'm')} Only then interoperability came up. ${filler(80, 'n')} Intelligence sharing closed the day.`;
    const id = addDocument(p.db, { title: 'Minutes', text, format: 'txt' }).id;
    return { p, id, text };
  }
  const marked = (r: { snippet: string; snippetMarks: { start: number; end: number }[] }): string[] =>
    r.snippetMarks.map((m) => r.snippet.slice(m.start, m.end).toLowerCase());

  it('every term of a multi-word query, even pages apart, is in the snippet and marked', () => {
    const { p } = far();
    const [r] = searchDocuments(p.db, 'alliance interoperability sharing').results;
    expect(new Set(marked(r))).toEqual(new Set(['alliance', 'interoperability', 'sharing']));
    expect(r.snippet).toContain('…');
  });

  it('a phrase is marked whole, a prefix query marks the words it matched', () => {
    const { p } = far();
    const [phrase] = searchDocuments(p.db, '"intelligence sharing" alliance').results;
    expect(marked(phrase)).toEqual(['alliance', 'intelligence sharing']);
    const [prefix] = searchDocuments(p.db, 'interop* allian*').results;
    expect(marked(prefix)).toEqual(['alliance', 'interoperability']);
  });

  it('marks sit on the same words as the hits, with emoji and diacritics in the text', () => {
    const p = tempProject('empty');
    const text = '🇺🇦 Coopération 😀 renforcée: la coopération militaire et la COOPERATION civile. '.repeat(3);
    addDocument(p.db, { title: 'Fr', text, format: 'txt' });
    const [r] = searchDocuments(p.db, 'cooperation').results;
    expect(r.hitCount).toBe(9);
    for (const h of r.hits) expect(text.slice(h.start, h.end).toLowerCase()).toMatch(/^coop[ée]ration$/);
    expect(marked(r).length).toBeGreaterThanOrEqual(3);
    for (const m of marked(r)) expect(m).toMatch(/^coop[ée]ration$/);
  });

  it('a match only in the title still gets a snippet', () => {
    const p = tempProject('empty');
    addDocument(p.db, { title: 'Interoperability', text: 'Nothing here about it.', format: 'txt' });
    const [r] = searchDocuments(p.db, 'interoperability').results;
    expect(r.hitCount).toBe(0);
    expect(r.snippet.length).toBeGreaterThan(0);
  });
});
