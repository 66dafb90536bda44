import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import { defineAttribute, setDocumentAttribute } from '../../../electron/core/attributes';
import { createClaim } from '../../../electron/core/claims';
import type { Project } from '../../../electron/core/project';
import type { DocumentSort } from '../../../shared/api/documentPage';
import { callFailure, callOk, tempProject } from '../helpers';

// The Library's page (issue 16): every column sortable in SQL (attributes too), filters by set, attribute and
// counts, attribute values carried by the page's rows; listDocuments paged the same way.

const TITLES = ['delta', 'Alpha', 'charlie', 'bravo', 'echo', 'Foxtrot'];

function library(): { p: Project; ids: number[] } {
  const p = tempProject('defence-diplomacy');
  const ids = TITLES.map(
    (title, i) =>
      addDocument(p.db, {
        title,
        text: `${title} ${'word '.repeat(i * 3 + 1)}`,
        format: i % 2 ? 'pdf' : 'txt',
        source: ['Reuters', 'ap', 'BBC', 'reuters', 'AFP', 'bbc'][i],
        author: ['Z', 'y', 'X', 'w', 'V', 'u'][i],
        published: ['2021-03-01', '2019-01-01', '2020-06-30', '', '2022-12-31', '2018-05-05'][i],
      }).id,
  );
  defineAttribute(p.db, 'country', 'text');
  defineAttribute(p.db, 'rank', 'number');
  const country = ['France', 'chad', 'Benin', null, 'angola', 'Egypt'];
  const rank = [10, 9, 100, 2, null, 33];
  ids.forEach((id, i) => {
    if (country[i]) setDocumentAttribute(p.db, id, 'country', country[i]);
    if (rank[i] !== null) setDocumentAttribute(p.db, id, 'rank', rank[i]);
  });
  const domainId = (p.db.prepare('SELECT id FROM domains ORDER BY id').pluck().get() as number) ?? 0;
  for (const [doc, n] of [
    [ids[4], 3],
    [ids[1], 1],
  ] as const)
    for (let k = 0; k < n; k++)
      createClaim(p.db, { docId: doc, start: 0, end: 4 + k, domainIds: [domainId], analyst: 'a' });
  return { p, ids };
}

const titles = (rows: { title: string }[]): string[] => rows.map((r) => r.title);

describe('the Library page', () => {
  it('sorts by every column both ways, as the Library compares them, ties broken by id', async () => {
    const { p } = library();
    const key: Record<DocumentSort, (r: Record<string, unknown>) => string | number> = {
      title: (r) => String(r.title).toLowerCase(),
      source: (r) => String(r.source).toLowerCase(),
      author: (r) => String(r.author).toLowerCase(),
      published: (r) => String(r.published),
      format: (r) => String(r.format),
      chars: (r) => Number(r.chars),
      words: (r) => Number(r.words),
      claims: (r) => Number(r.claims),
      importedAt: (r) => String(r.importedAt),
      id: (r) => Number(r.id),
    };
    for (const sort of Object.keys(key) as DocumentSort[])
      for (const desc of [false, true]) {
        const { rows } = await callOk(p, 'pageDocuments', { sort, desc });
        const expected = [...rows].sort((a, b) => {
          const [x, y] = [key[sort](a), key[sort](b)];
          const c = x < y ? -1 : x > y ? 1 : a.id - b.id;
          return desc ? -c : c;
        });
        expect(
          rows.map((r) => r.id),
          `${sort} ${desc ? 'desc' : 'asc'}`,
        ).toEqual(expected.map((r) => r.id));
      }
    expect(titles((await callOk(p, 'pageDocuments', { sort: 'title' })).rows)).toEqual([
      'Alpha',
      'bravo',
      'charlie',
      'delta',
      'echo',
      'Foxtrot',
    ]);
    expect(
      (await callOk(p, 'pageDocuments', { sort: 'claims', desc: true, limit: 2 })).rows.map((r) => r.claims),
    ).toEqual([3, 1]);
  });

  it('sorts by an attribute, numbers as numbers and text without case, documents without a value last', async () => {
    const { p } = library();
    const byRank = await callOk(p, 'pageDocuments', { sort: { attribute: 'rank' } });
    expect(titles(byRank.rows)).toEqual(['bravo', 'Alpha', 'delta', 'Foxtrot', 'charlie', 'echo']);
    const byRankDesc = await callOk(p, 'pageDocuments', { sort: { attribute: 'rank' }, desc: true });
    expect(titles(byRankDesc.rows)).toEqual(['charlie', 'Foxtrot', 'delta', 'Alpha', 'bravo', 'echo']);
    const byCountry = await callOk(p, 'pageDocuments', {
      sort: { attribute: 'Country' },
      limit: 3,
      offset: 2,
    });
    expect(titles(byCountry.rows)).toEqual(['Alpha', 'Foxtrot', 'delta']); // angola, Benin | chad, Egypt, France
    expect(byCountry.total).toBe(6);
    expect(byCountry.rows[0].values).toEqual({ country: 'chad', rank: 9 });
    const e = await callFailure(p, 'pageDocuments', { sort: { attribute: 'nope' } });
    expect(e.code).toBe('not_found');
    expect(
      (await callFailure(p, 'pageDocuments', { sort: { attribute: "x'; DROP TABLE documents" } })).code,
    ).toBe('not_found');
    expect((await callOk(p, 'pageDocuments', {})).total).toBe(6);
  });

  it('filters by set, attribute, word and claim counts, each narrowing the total', async () => {
    const { p, ids } = library();
    const set = await callOk(p, 'createSet', { name: 'Some', docIds: [ids[0], ids[1], ids[2]] });
    const inSet = await callOk(p, 'pageDocuments', { setId: set.id });
    expect(inSet.total).toBe(3);
    expect(titles(inSet.rows)).toEqual(['Alpha', 'charlie', 'delta']);
    const ranked = await callOk(p, 'pageDocuments', {
      attributes: [{ name: 'rank', op: 'gte', value: 10 }],
    });
    expect(titles(ranked.rows)).toEqual(['charlie', 'delta', 'Foxtrot']);
    const both = await callOk(p, 'pageDocuments', {
      setId: set.id,
      attributes: [{ name: 'rank', op: 'gte', value: 10 }],
      format: 'txt',
    });
    expect(titles(both.rows)).toEqual(['charlie', 'delta']);
    expect((await callOk(p, 'pageDocuments', { minClaims: 1 })).total).toBe(2);
    expect(titles((await callOk(p, 'pageDocuments', { minWords: 5, maxWords: 8 })).rows)).toEqual([
      'Alpha',
      'charlie',
    ]);
    expect((await callFailure(p, 'pageDocuments', { setId: 9999 })).code).toBe('not_found');
    expect(
      (await callFailure(p, 'pageDocuments', { attributes: [{ name: 'nope', op: 'empty' }] })).code,
    ).toBe('not_found');
  });

  it('listDocuments is paged too: a default page, offset and limit, the total, never the attribute values', async () => {
    const { p } = library();
    const first = await callOk(p, 'listDocuments', { limit: 4 });
    expect(first.total).toBe(6);
    expect(titles(first.rows)).toEqual(['Alpha', 'bravo', 'charlie', 'delta']);
    expect(titles((await callOk(p, 'listDocuments', { offset: 4 })).rows)).toEqual(['echo', 'Foxtrot']);
    expect(first.rows[0]).not.toHaveProperty('values');
    expect((await callFailure(p, 'listDocuments', { limit: 100_000 })).code).toBe('invalid_input');
  });
});
