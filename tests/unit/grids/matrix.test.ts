import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClaim, deleteClaim } from '../../../electron/core/claims';
import { computeMatrix, type Matrix, type Measure } from '../../../electron/core/grids/matrix';
import { rowDimensions } from '../../../electron/core/grids/dimensions';
import { buildFixture, cpLength, type Fixture, maskMeasures, subtreeOf } from './fixture';

type Key = string | null;

function keyOf(f: Fixture, doc: Fixture['docs'][number], dimension: string): Key {
  const ym = (v: string | undefined, part: 'year' | 'month'): Key => {
    const m = /^(\d{4})-(\d{2})/.exec(v ?? '');
    return m ? (part === 'year' ? m[1] : `${m[1]}-${m[2]}`) : null;
  };
  switch (dimension) {
    case 'documents':
      return String(doc.id);
    case 'source':
      return doc.source || null;
    case 'published':
      return ym(doc.published, 'year');
    case 'published:month':
      return ym(doc.published, 'month');
    case 'attr:country':
      return doc.attrs.country ?? null;
    case 'attr:pages':
      return doc.attrs.pages ?? null;
    case 'attr:signed':
      return doc.attrs.signed ?? null;
    case 'attr:signed:year':
      return ym(doc.attrs.signed, 'year');
    case 'attr:signed:month':
      return ym(doc.attrs.signed, 'month');
  }
  throw new Error(dimension);
}

/** The measure over a set of documents and a claim predicate, from first principles. */
function reference(
  f: Fixture,
  docIds: Set<number>,
  inColumn: (c: Fixture['claims'][number]) => boolean,
  measure: Measure,
): number {
  const docs = f.docs.filter((d) => docIds.has(d.id));
  const claims = f.claims.filter((c) => docIds.has(c.docId) && inColumn(c));
  if (measure === 'count') return claims.length;
  if (measure === 'docs') return new Set(claims.map((c) => c.docId)).size;
  let chars = 0;
  let words = 0;
  for (const d of docs) {
    const m = maskMeasures(
      d.text,
      claims.filter((c) => c.docId === d.id).map((c) => [c.start, c.end]),
    );
    chars += m.chars;
    words += m.words;
  }
  if (measure === 'words') return words;
  const total = docs.reduce((s, d) => s + cpLength(d.text), 0);
  return total ? (100 * chars) / total : 0;
}

function check(f: Fixture, m: Matrix, dimension: string, measure: Measure): void {
  const keys = new Map<Key, Set<number>>();
  for (const d of f.docs) {
    const k = keyOf(f, d, dimension);
    keys.set(k, (keys.get(k) ?? new Set()).add(d.id));
  }
  expect(m.rows.map((r) => r.key).sort()).toEqual([...keys.keys()].sort());
  const near = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);
  const all = new Set(f.docs.map((d) => d.id));
  m.rows.forEach((row, i) => {
    const docIds = keys.get(row.key)!;
    expect(row.docCount).toBe(docIds.size);
    m.columns.forEach((col, j) => {
      const sub = subtreeOf(f, col.domainId);
      near(
        m.values[i][j],
        reference(f, docIds, (c) => c.domains.some((d) => sub.has(d)), measure),
      );
    });
    near(
      m.rowTotals[i],
      reference(f, docIds, () => true, measure),
    );
  });
  m.columns.forEach((col, j) => {
    const sub = subtreeOf(f, col.domainId);
    near(
      m.columnTotals[j],
      reference(f, all, (c) => c.domains.some((d) => sub.has(d)), measure),
    );
  });
  near(
    m.total,
    reference(f, all, () => true, measure),
  );
}

describe('matrix', () => {
  const dimensions = [
    'documents',
    'source',
    'published',
    'published:month',
    'attr:country',
    'attr:pages',
    'attr:signed',
    'attr:signed:year',
    'attr:signed:month',
  ];
  const measures: Measure[] = ['count', 'docs', 'coverage', 'words'];

  it('computes every measure for every row dimension like a brute-force count', () => {
    const f = buildFixture(11);
    // The fixture must exercise what the roll-up and the union are about.
    expect(f.claims.some((c) => c.domains.length > 1)).toBe(true);
    for (const dimension of dimensions)
      for (const measure of measures)
        check(f, computeMatrix(f.p.db, { rows: dimension, measure }), dimension, measure);
  });

  it('computes every measure with a flat codebook (no parents) too', () => {
    const f = buildFixture(12);
    f.p.db.exec('UPDATE domains SET parent_id = NULL');
    for (const d of f.domains) d.parentId = null;
    for (const dimension of ['documents', 'attr:country'])
      for (const measure of measures)
        check(f, computeMatrix(f.p.db, { rows: dimension, measure }), dimension, measure);
  });

  it('stays right after claims are added and deleted through the core', () => {
    const f = buildFixture(5, 5, 10);
    const alpha = f.domains.find((d) => d.name === 'Alpha')!;
    const deep = f.domains.find((d) => d.name === 'Alpha one deep')!;
    const doc = f.docs[0];
    const c = createClaim(f.p.db, { docId: doc.id, start: 0, end: 8, domainIds: [alpha.id, deep.id] });
    f.claims.push({
      id: c.id,
      docId: doc.id,
      start: 0,
      end: 8,
      domains: [alpha.id, deep.id],
      actor: '',
      stance: null,
      reliability: null,
      credibility: null,
      analyst: '',
    });
    const gone = f.claims.find((x) => x.domains.length > 1 && x.id !== c.id)!;
    deleteClaim(f.p.db, gone.id);
    f.claims.splice(f.claims.indexOf(gone), 1);
    for (const measure of measures)
      check(f, computeMatrix(f.p.db, { rows: 'attr:country', measure }), 'attr:country', measure);
    for (const measure of measures) check(f, computeMatrix(f.p.db, { measure }), 'documents', measure);
  });

  it('never serves a stale matrix after a change, on this connection or another', () => {
    const f = buildFixture(14, 4, 6);
    const before = computeMatrix(f.p.db);
    expect(computeMatrix(f.p.db)).toBe(before);
    const c = createClaim(f.p.db, { docId: f.docs[0].id, start: 0, end: 8, domainIds: [f.domains[0].id] });
    const after = computeMatrix(f.p.db);
    expect(after.total).toBe(before.total + 1);
    const other = new Database(f.p.path);
    other.prepare('DELETE FROM claims WHERE id = ?').run(c.id);
    other.close();
    expect(computeMatrix(f.p.db).total).toBe(before.total);
    expect(computeMatrix(f.p.db).values).toEqual(before.values);
  });

  it('rolls a parent up over its whole subtree, counting a claim tagged with parent and child once', () => {
    const f = buildFixture(3, 2, 1);
    const [alpha, alphaOne, deep] = ['Alpha', 'Alpha one', 'Alpha one deep'].map(
      (n) => f.domains.find((d) => d.name === n)!.id,
    );
    f.p.db.exec('DELETE FROM claims');
    const doc = f.docs[0];
    createClaim(f.p.db, { docId: doc.id, start: 0, end: 8, domainIds: [alpha, deep] });
    createClaim(f.p.db, { docId: doc.id, start: 2, end: 9, domainIds: [deep] });
    const m = computeMatrix(f.p.db);
    const col = (id: number) => m.columns.findIndex((c) => c.domainId === id);
    const row = m.rows.findIndex((r) => r.docId === doc.id);
    expect(m.values[row][col(alpha)]).toBe(2);
    expect(m.values[row][col(alphaOne)]).toBe(2);
    expect(m.values[row][col(deep)]).toBe(2);
    expect(m.rowTotals[row]).toBe(2);
    expect(m.total).toBe(2);
    expect(m.columns[col(deep)]).toMatchObject({ parentId: alphaOne, depth: 2, hasChildren: false });
    expect(m.columns[col(alpha)]).toMatchObject({ parentId: null, depth: 0, hasChildren: true });
    // Parents come before their children.
    expect(col(alpha)).toBeLessThan(col(alphaOne));
    expect(col(alphaOne)).toBeLessThan(col(deep));
    const cov = computeMatrix(f.p.db, { measure: 'coverage' });
    expect(cov.values[row][col(alpha)]).toBeCloseTo((100 * 9) / cpLength(doc.text), 9);
  });

  it('orders attribute rows by value (numbers as numbers) with documents lacking a value last', () => {
    const f = buildFixture(2, 8, 2);
    const pages = computeMatrix(f.p.db, { rows: 'attr:pages' });
    expect(pages.rows.map((r) => r.key)).toEqual(
      ['2', '9', '10'].filter((k) => pages.rows.some((r) => r.key === k)),
    );
    const country = computeMatrix(f.p.db, { rows: 'attr:country' });
    expect(country.rows.at(-1)).toMatchObject({ key: null, label: '(no value)' });
    expect(country.dimensionLabel).toBe('country');
    expect(rowDimensions(f.p.db).map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'documents',
        'source',
        'published',
        'attr:country',
        'attr:pages',
        'attr:signed:year',
        'attr:signed:month',
      ]),
    );
    expect(rowDimensions(f.p.db).map((d) => d.id)).not.toContain('attr:pages:year');
  });

  it('rejects unknown dimensions, attributes and measures with a clear message', () => {
    const f = buildFixture(1, 1, 1);
    expect(() => computeMatrix(f.p.db, { rows: 'colour' })).toThrow(/unknown row dimension "colour"/);
    expect(() => computeMatrix(f.p.db, { rows: 'attr:nope' })).toThrow(/no document attribute named "nope"/);
    expect(() => computeMatrix(f.p.db, { rows: 'attr:country:year' })).toThrow(/not a date/);
    expect(() => computeMatrix(f.p.db, { measure: 'mean' as Measure })).toThrow(/unknown measure/);
  });

  it('gives an empty project an empty matrix with zero totals', () => {
    const f = buildFixture(1, 0, 0);
    const m = computeMatrix(f.p.db, { measure: 'coverage' });
    expect(m.rows).toEqual([]);
    expect(m.values).toEqual([]);
    expect(m.total).toBe(0);
    expect(m.columnTotals.every((v) => v === 0)).toBe(true);
  });
});
