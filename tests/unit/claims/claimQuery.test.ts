import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ClaimQuery } from '../../../shared/api/claimQuery';
import { callMethod } from '../../../electron/core/api/dispatch';
import { claimWhere, countClaims } from '../../../electron/core/claimQuery';
import { listClaims, updateClaim } from '../../../electron/core/claims';
import { claimGroups, queryClaims } from '../../../electron/core/grids/claimsTable';
import { withoutHistory } from '../../../electron/core/history';
import { buildFixture, type Fixture, type FixtureClaim, subtreeOf } from '../grids/fixture';

// One claim query (shared/api/claimQuery.ts) built into SQL in one place (electron/core/claimQuery.ts): every field
// is checked against a plain predicate over the fixture (no SQL), and every door (listing, the claims table, its
// groups, export counts, exports and the table's export) must keep exactly the same claims for the same query.

let f: Fixture;
const notes = new Map<number, string>();
const actors = new Map<number, string>();

beforeEach(() => {
  notes.clear();
  actors.clear();
  f = buildFixture(11, 8, 16);
  // Notes are searched too, and actors are matched whatever their case: give a few claims both.
  withoutHistory(f.p.db, () => {
    f.claims.slice(0, 6).forEach((c, i) => {
      const note = i % 2 ? 'Ratified at the Élysée' : 'seen by the minister';
      updateClaim(f.p.db, { id: c.id, note, ...(i < 3 ? { actor: ' nato' } : {}) });
      notes.set(c.id, note);
      if (i < 3) actors.set(c.id, 'nato');
    });
  });
});

const quote = (c: FixtureClaim) => f.docs.find((d) => d.id === c.docId)!.text.slice(c.start, c.end);
const actorOf = (c: FixtureClaim) => actors.get(c.id) ?? c.actor;
/** Words as FTS5's unicode61 tokenizer with remove_diacritics sees them. */
const words = (s: string): string[] =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The reference: what the query means, written as a predicate over the fixture. */
function reference(q: ClaimQuery): number[] {
  const domainSet = (id: number) => (q.subdomains ? subtreeOf(f, id) : new Set([id]));
  const attrName = (id: number) =>
    (f.p.db.prepare('SELECT name FROM attributes WHERE id = ?').get(id) as { name: string }).name;
  const none = <T>(list: readonly (T | 'none')[], v: T | null) =>
    v === null ? list.includes('none') : list.includes(v);
  return f.claims
    .filter((c) => {
      const doc = f.docs.find((d) => d.id === c.docId)!;
      if (q.docIds && !q.docIds.includes(c.docId)) return false;
      if (q.domainIds) {
        const hit = (id: number) => c.domains.some((d) => domainSet(id).has(d));
        if (q.domainMatch === 'all' ? !q.domainIds.every(hit) : !q.domainIds.some(hit)) return false;
      }
      if (q.row && (doc.attrs[q.row.dimension.slice(5)] ?? null) !== q.row.key) return false;
      for (const a of q.attributes ?? [])
        if (!a.values.includes(doc.attrs[attrName(a.attributeId)])) return false;
      if (q.actors && !q.actors.some((a) => a.trim().toLowerCase() === actorOf(c).toLowerCase()))
        return false;
      if (q.analysts && !q.analysts.some((a) => a.toLowerCase() === c.analyst)) return false;
      if (q.stances && !none(q.stances, c.stance)) return false;
      if (q.reliabilities && !none(q.reliabilities, c.reliability)) return false;
      if (q.credibilities && !none(q.credibilities, c.credibility)) return false;
      if (q.search !== undefined) {
        const have = words(`${quote(c)} ${notes.get(c.id) ?? ''}`);
        const want = words(q.search);
        if (!want.length) return false;
        const ok = want.every((w, i) =>
          i === want.length - 1 ? have.some((h) => h.startsWith(w)) : have.includes(w),
        );
        if (!ok) return false;
      }
      return true;
    })
    .map((c) => c.id)
    .sort((a, b) => a - b);
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const attrId = (name: string) =>
  (f.p.db.prepare('SELECT id FROM attributes WHERE name = ?').get(name) as { id: number }).id;
const domain = (name: string) => f.domains.find((d) => d.name === name)!.id;

function queries(): [string, ClaimQuery][] {
  return [
    ['everything', {}],
    ['documents', { docIds: [f.docs[1].id, f.docs[4].id] }],
    ['a domain, exactly', { domainIds: [domain('Alpha')] }],
    ['a domain with its descendants', { domainIds: [domain('Alpha')], subdomains: true }],
    ['any of two domains', { domainIds: [domain('Alpha one'), domain('Beta')] }],
    ['all of two domains', { domainIds: [domain('Alpha one'), domain('Beta')], domainMatch: 'all' }],
    [
      'all of two subtrees',
      { domainIds: [domain('Alpha'), domain('Beta')], domainMatch: 'all', subdomains: true },
    ],
    ['a matrix row', { row: { dimension: 'attr:country', key: 'France' } }],
    ['the documents without a value', { row: { dimension: 'attr:country', key: null } }],
    ['document attributes', { attributes: [{ attributeId: attrId('pages'), values: ['2', '9'] }] }],
    ['actors, whatever their case', { actors: ['NATO'] }],
    ['claims without an actor', { actors: [''] }],
    ['analysts', { analysts: ['BEN'] }],
    ['stances with none', { stances: ['supports', 'none'] }],
    ['grading', { reliabilities: ['A', 'none'], credibilities: [3] }],
    ['a word prefix', { search: 'allian' }],
    ['two words, case and accents folded', { search: 'PEACE Elan' }],
    ['a word in the note', { search: 'elysee' }],
    ['FTS syntax typed by the analyst', { search: 'NEAR(peace "' }],
    [
      'everything at once',
      {
        docIds: f.docs.slice(0, 6).map((d) => d.id),
        domainIds: [domain('Alpha'), domain('Gamma')],
        subdomains: true,
        actors: ['nato', 'EU'],
        stances: ['supports', 'opposes', 'none'],
        reliabilities: ['A', 'B', 'none'],
        credibilities: [1, 3, 'none'],
        analysts: ['ana', 'ben'],
        search: 'a',
      },
    ],
  ];
}

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await callMethod(f.p, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

describe('one claim query', () => {
  it('keeps, for every field alone and combined, exactly the claims the field names', () => {
    let nonTrivial = 0;
    for (const [what, q] of queries()) {
      const expected = reference(q);
      if (expected.length > 0 && expected.length < f.claims.length) nonTrivial++;
      expect(sorted(listClaims(f.p.db, q).map((c) => c.id)), what).toEqual(expected);
      expect(countClaims(f.p.db, q), what).toBe(expected.length);
    }
    // The fixture is rich enough that the queries actually select something and leave something out.
    expect(nonTrivial).toBeGreaterThanOrEqual(15);
  });

  it('keeps the same claims through every door: listing, table, groups, counts, exports, table export', async () => {
    for (const [what, query] of queries()) {
      // Said explicitly: the claims table's door includes descendants when a query does not say (as it always has).
      const q = { ...query, subdomains: query.subdomains ?? false };
      const expected = reference(q);
      const listed = await call<{ id: number }[]>('listClaims', q);
      expect(sorted(listed.map((c) => c.id)), `listClaims: ${what}`).toEqual(expected);
      const table = await call<{ total: number; rows: { id: number }[] }>('queryClaims', {
        filter: q,
        limit: 5_000,
      });
      expect(table.total, `queryClaims total: ${what}`).toBe(expected.length);
      expect(sorted(table.rows.map((r) => r.id)), `queryClaims: ${what}`).toEqual(expected);
      const groups = claimGroups(f.p.db, { by: 'document', filter: q });
      expect(
        groups.reduce((n, g) => n + g.count, 0),
        `groups: ${what}`,
      ).toBe(expected.length);
      const counts = await call<{ claims: number }>('countExcerpts', q);
      expect(counts.claims, `countExcerpts: ${what}`).toBe(expected.length);
      const csv = await call<{ base64: string }>('exportExcerpts', { format: 'csv', ...q });
      const rows = parse(Buffer.from(csv.base64, 'base64').toString('utf8'), { columns: true }) as {
        'claim id': string;
      }[];
      expect(sorted([...new Set(rows.map((r) => Number(r['claim id'])))]), `exportExcerpts: ${what}`).toEqual(
        expected,
      );
      const file = await call<{ base64: string; count: number }>('exportClaimsTable', {
        format: 'csv',
        filter: q,
        columns: [{ field: 'id' }],
      });
      const ids = Buffer.from(file.base64, 'base64').toString('utf8').trim().split('\n').slice(1).map(Number);
      expect(sorted(ids), `exportClaimsTable: ${what}`).toEqual(expected);
      expect(file.count).toBe(expected.length);
    }
  });

  it('searches words in SQL (FTS), not substrings in JavaScript', () => {
    const db = f.p.db;
    // "lliance" is inside every "alliance" but begins a word only where a quote was cut there: a substring filter
    // (the old listClaims' JavaScript) keeps many more claims.
    const substring = f.claims.filter((c) => quote(c).toLowerCase().includes('lliance')).map((c) => c.id);
    const byWord = reference({ search: 'lliance' });
    expect(substring.length).toBeGreaterThan(byWord.length);
    expect(sorted(listClaims(db, { search: 'lliance' }).map((c) => c.id))).toEqual(byWord);
    // Paging applies to the matches, in text order.
    const all = listClaims(db, { search: 'peace' }).map((c) => c.id);
    expect(all.length).toBeGreaterThan(3);
    expect(listClaims(db, { search: 'peace' }, { limit: 2, offset: 1 }).map((c) => c.id)).toEqual(
      all.slice(1, 3),
    );
    // The condition is one FTS lookup, whatever the number of claims.
    const w = claimWhere(db, { search: 'peace' });
    expect(w.sql).toContain('claims_fts MATCH ?');
    expect(w.params).toEqual(['"peace"*']);
    // Nothing to search for keeps nothing, rather than everything; blank is no condition at all.
    expect(listClaims(db, { search: '"(*' })).toEqual([]);
    expect(listClaims(db, { search: '  ' })).toHaveLength(f.claims.length);
  });

  it('accepts the older spellings at the API edge and maps them to the one query', async () => {
    const doc = f.docs[2].id;
    const alpha = domain('Alpha');
    const ids = async (name: string, input: object) => {
      const v = await call<{ id: number }[] | { rows: { id: number }[] }>(name, input);
      return sorted((Array.isArray(v) ? v : v.rows).map((c) => c.id));
    };
    // listClaims: docId, domainId, actor, analyst, query.
    expect(await ids('listClaims', { docId: doc, domainId: alpha })).toEqual(
      reference({ docIds: [doc], domainIds: [alpha] }),
    );
    expect(await ids('listClaims', { actor: 'nato', analyst: 'Ana', query: 'peace' })).toEqual(
      reference({ actors: ['nato'], analysts: ['ana'], search: 'peace' }),
    );
    // The claims table: reliability, credibility, exactDomains; its domains include descendants unless told.
    expect(
      await ids('queryClaims', { filter: { reliability: ['B'], credibility: ['none'] }, limit: 5_000 }),
    ).toEqual(reference({ reliabilities: ['B'], credibilities: ['none'] }));
    expect(await ids('queryClaims', { filter: { domainIds: [alpha] }, limit: 5_000 })).toEqual(
      reference({ domainIds: [alpha], subdomains: true }),
    );
    expect(
      await ids('queryClaims', { filter: { domainIds: [alpha], exactDomains: true }, limit: 5_000 }),
    ).toEqual(reference({ domainIds: [alpha] }));
    // Exports: reliability and credibility; an export's domains are exactly those named.
    const count = await call<{ claims: number }>('countExcerpts', {
      domainIds: [alpha],
      reliability: ['A'],
      credibility: [1],
    });
    expect(count.claims).toBe(
      reference({ domainIds: [alpha], reliabilities: ['A'], credibilities: [1] }).length,
    );
  });

  it('reads an empty list as "all" where a picker means that, and as "none" in listClaims', async () => {
    expect(await call<unknown[]>('listClaims', { stances: [] })).toEqual([]);
    expect(listClaims(f.p.db, { docIds: [] })).toEqual([]);
    const table = await call<{ total: number }>('queryClaims', { filter: { stances: [], docIds: [] } });
    expect(table.total).toBe(f.claims.length);
    const counts = await call<{ claims: number }>('countExcerpts', { domainIds: [], analysts: [] });
    expect(counts.claims).toBe(f.claims.length);
  });

  it('refuses what it cannot answer with a clear error, and changes nothing', async () => {
    const before = listClaims(f.p.db);
    for (const [name, input] of [
      ['listClaims', { domainIds: [9_999] }],
      ['queryClaims', { filter: { domainIds: [9_999] } }],
      ['countExcerpts', { domainIds: [9_999] }],
      ['exportClaimsTable', { format: 'csv', filter: { domainIds: [9_999] }, columns: [{ field: 'id' }] }],
    ] as const) {
      expect(await callMethod(f.p, name, input), name).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: expect.stringContaining('no domain with id 9999') },
      });
    }
    for (const input of [
      { format: 'csv', columns: [{ field: 'secret' }] },
      { format: 'csv', columns: [] },
      { format: 'pdf', columns: [{ field: 'id' }] },
    ]) {
      expect(await callMethod(f.p, 'exportClaimsTable', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await callMethod(f.p, 'listClaims', { stances: ['maybe'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(listClaims(f.p.db)).toEqual(before);
  });
});

describe("the claims table's export", () => {
  it("writes the query's claims in the table's sort with the columns shown, from the core", async () => {
    const filter = { actors: ['EU'], stances: ['opposes', 'none'] } satisfies ClaimQuery;
    const sort = [{ column: 'document' as const }, { column: 'start' as const, dir: 'desc' as const }];
    const file = await call<{ fileName: string; mimeType: string; base64: string; count: number }>(
      'exportClaimsTable',
      {
        format: 'csv',
        filter,
        sort,
        title: 'Claims',
        columns: [
          { field: 'documentTitle', header: 'Document' },
          { field: 'domains', header: 'Domains' },
          { field: 'quote', header: 'Quote' },
          { field: 'grading' },
        ],
      },
    );
    expect(file).toMatchObject({ fileName: 'Claims.csv', mimeType: 'text/csv;charset=utf-8' });
    const table = parse(Buffer.from(file.base64, 'base64').toString('utf8'), {
      relax_quotes: true,
    }) as string[][];
    // The same rows, in the same order, as the table shows page by page.
    const shown = queryClaims(f.p.db, { filter, sort, limit: 5_000 }).rows;
    expect(shown.length).toBeGreaterThan(3);
    expect(table[0]).toEqual(['Document', 'Domains', 'Quote', 'grading']);
    const plain = (s: string) => s.replace(/^'(?=[=+\-@\t\r])/, '');
    expect(table.slice(1).map((r) => r.map(plain))).toEqual(
      shown.map((r) => [r.documentTitle, r.domains.join('; '), r.quote, r.grading]),
    );
    expect(file.count).toBe(shown.length);
  });

  it('pages through more claims than one page of the table holds', async () => {
    const big = buildFixture(5, 3, 2_100);
    const r = await callMethod(big.p, 'exportClaimsTable', {
      format: 'xlsx',
      columns: [{ field: 'id' }, { field: 'quote' }],
    });
    expect(r).toMatchObject({ ok: true, value: { count: big.claims.length } });
    expect(big.claims.length).toBeGreaterThan(5_000);
  });
});
