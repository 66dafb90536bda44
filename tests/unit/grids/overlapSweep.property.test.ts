import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { createClaimsBulk } from '../../../electron/core/grids/bulkClaims';
import { cooccurrenceExcerpts } from '../../../electron/core/grids/cooccurrence';
import { DENSE_SETS, pairKey, overlappingSetPairs } from '../../../electron/core/grids/overlapSweep';
import { readSummaries } from '../../../electron/core/grids/summaries';
import { tempProject } from '../helpers';

// The sweeps that replaced pair-by-pair counting (grids/overlapSweep.ts, grids/overlapPairs.ts) against the
// plain definition, on small random claim sets where identical, touching and nested ranges are common.

interface Claim {
  start: number;
  end: number;
  domains: number[];
}

const SPAN = 12;
const claimArb = (domains: number) =>
  fc
    .record({
      start: fc.integer({ min: 0, max: SPAN - 1 }),
      length: fc.integer({ min: 1, max: 6 }),
      domains: fc.uniqueArray(fc.integer({ min: 0, max: domains - 1 }), { minLength: 0, maxLength: 3 }),
    })
    .map(({ start, length, domains: ds }) => ({
      start,
      end: Math.min(SPAN, start + length),
      domains: [...ds].sort((a, b) => a - b),
    }));

/** Ranges are half-open: claims ending where another starts do not intersect. */
type Range = { start: number; end: number };
const intersect = (x: Range, y: Range): boolean => x.start < y.end && y.start < x.end;

function naivePairs<T extends Range>(claims: T[], setOf: (c: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < claims.length; i++)
    for (let j = i + 1; j < claims.length; j++) {
      if (!intersect(claims[i], claims[j])) continue;
      const key = pairKey(setOf(claims[i]), setOf(claims[j]));
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  return out;
}

describe('overlapping claim pairs by sweep', () => {
  it('count touching ranges as apart, identical and nested ones as intersecting', () => {
    const count = (ranges: [number, number][]) =>
      Object.fromEntries(overlappingSetPairs(ranges.map(([start, end]) => ({ start, end, set: '1' }))));
    expect(
      count([
        [0, 4],
        [4, 8],
      ]),
    ).toEqual({}); // end == start
    expect(
      count([
        [2, 6],
        [2, 6],
        [2, 6],
      ]),
    ).toEqual({ '1|1': 3 });
    expect(
      count([
        [0, 10],
        [3, 5],
        [4, 9],
      ]),
    ).toEqual({ '1|1': 3 });
    expect(
      count([
        [0, 3],
        [5, 9],
        [1, 6],
      ]),
    ).toEqual({ '1|1': 2 });
  });

  it('equal a pair-by-pair count per pair of domain sets', () => {
    fc.assert(
      fc.property(fc.array(claimArb(4), { maxLength: 40 }), (claims) => {
        const tagged = claims.filter((c) => c.domains.length > 0);
        const setOf = (c: Claim) => c.domains.join(',');
        const swept = overlappingSetPairs(tagged.map((c) => ({ start: c.start, end: c.end, set: setOf(c) })));
        expect(swept).toEqual(naivePairs(tagged, setOf));
      }),
      { numRuns: 300 },
    );
  });

  it('equal a pair-by-pair count with more distinct sets than fit the dense table', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 60 }),
            length: fc.integer({ min: 1, max: 30 }),
          }),
          { minLength: DENSE_SETS + 40, maxLength: DENSE_SETS + 80 },
        ),
        (raw) => {
          // More distinct sets than the dense table takes, some held by several claims.
          const claims = raw.map((c, i) => ({
            start: c.start,
            end: c.start + c.length,
            set: String(i % (DENSE_SETS + 30)),
          }));
          expect(new Set(claims.map((c) => c.set)).size).toBeGreaterThan(DENSE_SETS);
          expect(overlappingSetPairs(claims)).toEqual(naivePairs(claims, (c) => c.set));
        },
      ),
      { numRuns: 10 },
    );
  });

  it('give the stored summaries and the cell excerpts a pair-by-pair count gives, untagged claims left out', () => {
    const p = tempProject('empty');
    const db = p.db;
    const domainIds = [0, 1, 2].map((i) => createDomain(db, { name: `D${i}` }));
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(claimArb(3), { minLength: 1, maxLength: 30 }),
        fc.nat({ max: 20 }),
        fc.integer({ min: 1, max: 8 }),
        (claims, offset, limit) => {
          run++;
          const docId = addDocument(db, {
            title: `Run ${run}`,
            text: `${'abcdefghij'.repeat(2)} ${run}`,
            format: 'txt',
          }).id;
          // Bulk creation needs a domain; the claims meant untagged lose theirs afterwards.
          const ids = createClaimsBulk(
            db,
            docId,
            claims.map((c) => ({ start: c.start, end: c.end, domainIds: [domainIds[0]] })),
          );
          const untag = db.prepare('DELETE FROM claim_domains WHERE claim_id = ?');
          const tag = db.prepare('INSERT INTO claim_domains (claim_id, domain_id) VALUES (?, ?)');
          ids.forEach((id, i) => {
            untag.run(id);
            for (const d of claims[i].domains) tag.run(id, domainIds[d]);
          });
          const mine = claims.map((c, i) => ({
            ...c,
            id: ids[i],
            domains: c.domains.map((d) => domainIds[d]),
          }));
          const tagged = mine.filter((c) => c.domains.length > 0);

          let stored: string | undefined;
          readSummaries(db, 'both', (doc, _sets, overlaps) => {
            if (doc === docId) stored = overlaps;
          });
          // In the order of the pair keys, as SQLite's GROUP BY gave them before the sweep.
          const pairs = naivePairs(tagged, (c) => c.domains.join(','));
          const expected = [...pairs.keys()]
            .sort()
            .map((k) => `${k}:${pairs.get(k)}`)
            .join(';');
          expect(stored ?? '').toBe(expected);

          const [a, b] = [domainIds[offset % 3], domainIds[limit % 3]];
          // x is the earlier claim in (start, id) order, as the excerpts list them.
          const order = [...mine].sort((x, y) => x.start - y.start || x.id - y.id);
          const cell: string[] = [];
          order.forEach((x, i) =>
            order.slice(i + 1).forEach((y) => {
              const has = (c: Claim, d: number) => c.domains.includes(d);
              if (intersect(x, y) && ((has(x, a) && has(y, b)) || (has(x, b) && has(y, a))))
                cell.push(`${x.id}-${y.id}`);
            }),
          );
          const all = cooccurrenceExcerpts(db, {
            domainA: a,
            domainB: b,
            kind: 'overlap',
            offset: 0,
            limit: 1_000_000,
          });
          const here = all.items
            .filter((it) => it.docId === docId)
            .map((it) => `${it.claims[0].id}-${it.claims[1].id}`);
          // This run's document is the latest; the earlier runs' pairs are checked by their own runs.
          expect(here).toEqual(cell);
          expect(all.items).toHaveLength(all.total);
          const page = cooccurrenceExcerpts(db, { domainA: a, domainB: b, kind: 'overlap', offset, limit });
          expect(page.total).toBe(all.total);
          expect(page.items).toEqual(all.items.slice(offset, offset + limit));
        },
      ),
      { numRuns: 60 },
    );
  });
});
