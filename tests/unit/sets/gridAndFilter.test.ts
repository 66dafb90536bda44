import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { setProject } from './project';

describe('document sets as grid rows and as a filter', () => {
  it('are the matrix’s rows (--rows set): a document in two sets counts in both, the totals once', async () => {
    const { p, docIds, domains, call } = setProject();
    const [a, b, c, d] = docIds;
    expect((await call('listRowDimensions', {})).map((x) => x.id)).not.toContain('set');
    const tanks = await call('createSet', { name: 'Think tanks', docIds: [a, b] });
    const mixed = await call('createSet', { name: 'Mixed', docIds: [b, c] });
    expect((await call('listRowDimensions', {})).map((x) => x.id)).toContain('set');

    const m = await call('getMatrix', { rows: 'set' });
    expect(m.dimensionLabel).toBe('Set');
    expect(m.rows.map((r) => [r.key, r.label, r.docCount])).toEqual([
      [String(mixed.id), 'Mixed', 2],
      [String(tanks.id), 'Think tanks', 2],
      [null, '(in no set)', 1],
    ]);
    const col = (id: number) => m.columns.findIndex((x) => x.domainId === id);
    // Mixed: b (exchange + sovereignty), c (sovereignty); Think tanks: a (one each), b.
    expect(m.values.map((row) => [row[col(domains.sov)], row[col(domains.ex)]])).toEqual([
      [2, 1],
      [2, 2],
      [0, 0],
    ]);
    expect(m.rowTotals).toEqual([2, 3, 0]);
    // b's claim is in both rows but once in the corpus: 4 claims, 3 on sovereignty, 2 on exchange.
    expect(m.total).toBe(4);
    expect([m.columnTotals[col(domains.sov)], m.columnTotals[col(domains.ex)]]).toEqual([3, 2]);
    const docs = await call('getMatrix', { rows: 'set', measure: 'docs' });
    expect(docs.total).toBe(3);
    expect(docs.rowTotals).toEqual([2, 2, 0]);
    const cov = await call('getMatrix', { rows: 'set', measure: 'coverage' });
    expect(cov.total).toBeGreaterThan(0);
    expect(cov.total).toBeLessThanOrEqual(100);

    // Set against set, in the order asked, without the rest of the corpus.
    const vs = await call('getMatrix', { rows: `set:${tanks.id},${mixed.id}` });
    expect(vs.rows.map((r) => r.label)).toEqual(['Think tanks', 'Mixed']);
    expect(vs.rowTotals).toEqual([3, 2]);
    expect(vs.total).toBe(4);

    // A grid row is a door to its claims: the row filter resolves the set's documents.
    const rowClaims = await call('queryClaims', {
      filter: { row: { dimension: 'set', key: String(mixed.id) } },
    });
    expect(rowClaims.total).toBe(2);
    expect(d).toBeGreaterThan(0);
    p.db.close();
  });

  it('filter listing, the claims table and exports by setIds', async () => {
    const { p, docIds, call } = setProject();
    const [a, , c] = docIds;
    const s1 = await call('createSet', { name: 'One', docIds: [a] });
    const s2 = await call('createSet', { name: 'Two', docIds: [c] });
    const ids = (list: { docId: number }[]) => [...new Set(list.map((x) => x.docId))];
    expect(ids(await call('listClaims', { setIds: [s1.id] }))).toEqual([a]);
    expect(ids(await call('listClaims', { setIds: [s1.id, s2.id] })).sort()).toEqual([a, c].sort());
    expect(await call('countExcerpts', { setIds: [s2.id] })).toMatchObject({ claims: 1, documents: 1 });
    expect((await call('queryClaims', { filter: { setIds: [s1.id] } })).total).toBe(2);
    const csv = await call('exportExcerpts', { format: 'csv', setIds: [s2.id] });
    expect(csv.count).toBe(1);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text).toContain('Gamma news');
    expect(text).not.toContain('Alpha paper');
    // A Word report names the sets it was filtered by on its title page.
    const docx = await call('exportExcerpts', { format: 'docx', setIds: [s2.id] });
    const page = strFromU8(unzipSync(Buffer.from(docx.base64, 'base64'))['word/document.xml']);
    expect(page).toContain('Document sets: Two');
    p.db.close();
  });
});
