import { describe, expect, it } from 'vitest';
import { computeCooccurrence, cooccurrenceExcerpts } from '../../../electron/core/grids/cooccurrence';
import { buildFixture } from './fixture';

describe('co-occurrence', () => {
  it('counts claims tagged with both domains and overlapping claim pairs like a brute-force count', () => {
    const f = buildFixture(21, 7, 16);
    const co = computeCooccurrence(f.p.db);
    const ids = co.columns.map((c) => c.domainId);
    expect([...ids].sort()).toEqual(f.domains.map((d) => d.id).sort());
    const pairs: [(typeof f.claims)[number], (typeof f.claims)[number]][] = [];
    for (const x of f.claims)
      for (const y of f.claims)
        if (x.id < y.id && x.docId === y.docId && x.start < y.end && y.start < x.end) pairs.push([x, y]);
    expect(pairs.length).toBeGreaterThan(10);
    let nonZero = 0;
    ids.forEach((a, i) =>
      ids.forEach((b, j) => {
        const same = f.claims.filter((c) => c.domains.includes(a) && c.domains.includes(b)).length;
        const overlap = pairs.filter(
          ([x, y]) =>
            (x.domains.includes(a) && y.domains.includes(b)) ||
            (x.domains.includes(b) && y.domains.includes(a)),
        ).length;
        expect(co.same[i][j], `same ${i},${j}`).toBe(same);
        expect(co.overlap[i][j], `overlap ${i},${j}`).toBe(overlap);
        if (i !== j && same > 0) nonZero++;
      }),
    );
    expect(nonZero).toBeGreaterThan(0);
  });

  it('lists the claims and the claim pairs behind a cell, a page at a time', () => {
    const f = buildFixture(22, 6, 16);
    const co = computeCooccurrence(f.p.db);
    const i = co.overlap.findIndex((row, k) => row.some((v, j) => v > 1 && j !== k));
    const j = co.overlap[i].findIndex((v, k) => v > 1 && k !== i);
    const [a, b] = [co.columns[i].domainId, co.columns[j].domainId];
    const all = cooccurrenceExcerpts(f.p.db, { domainA: a, domainB: b, kind: 'overlap', limit: 1000 });
    expect(all.total).toBe(co.overlap[i][j]);
    expect(all.items).toHaveLength(all.total);
    for (const it of all.items) {
      const [x, y] = it.claims;
      expect(x.docId).toBe(it.docId);
      expect(y.docId).toBe(it.docId);
      expect(x.start < y.end && y.start < x.end).toBe(true);
      expect(
        (x.domainIds.includes(a) && y.domainIds.includes(b)) ||
          (x.domainIds.includes(b) && y.domainIds.includes(a)),
      ).toBe(true);
      const doc = f.docs.find((d) => d.id === it.docId)!;
      expect(doc.text.slice(x.start, x.end)).toBe(x.quote);
      expect(it.title).toBe(doc.title);
    }
    const page = cooccurrenceExcerpts(f.p.db, {
      domainA: a,
      domainB: b,
      kind: 'overlap',
      offset: 1,
      limit: 1,
    });
    expect(page.items).toEqual([all.items[1]]);

    const diag = co.columns.findIndex((_, k) => co.same[k].some((v, m) => m !== k && v > 0));
    const other = co.same[diag].findIndex((v, m) => m !== diag && v > 0);
    const same = cooccurrenceExcerpts(f.p.db, {
      domainA: co.columns[diag].domainId,
      domainB: co.columns[other].domainId,
      kind: 'same',
    });
    expect(same.total).toBe(co.same[diag][other]);
    for (const it of same.items)
      expect(it.claims[0].domainIds).toEqual(
        expect.arrayContaining([co.columns[diag].domainId, co.columns[other].domainId]),
      );
  });

  it('refuses an unknown domain', () => {
    const f = buildFixture(1, 1, 1);
    expect(() =>
      cooccurrenceExcerpts(f.p.db, { domainA: 999, domainB: f.domains[0].id, kind: 'same' }),
    ).toThrow(/no domain with id 999/);
  });
});
