import { beforeEach, describe, expect, it } from 'vitest';
import type { ClaimQuery } from '../../../shared/api/claimQuery';
import { claimGroups, ftsQuery, queryClaims } from '../../../electron/core/grids/claimsTable';
import { buildFixture, type Fixture, subtreeOf, type FixtureClaim } from './fixture';

describe('claims table', () => {
  let f: Fixture;
  beforeEach(() => {
    f = buildFixture(31, 8, 15);
  });
  const quote = (c: FixtureClaim) => f.docs.find((d) => d.id === c.docId)!.text.slice(c.start, c.end);
  const ids = (cs: FixtureClaim[]) => cs.map((c) => c.id);

  it('lists every claim with its document, domains, quote and attributes', () => {
    const page = queryClaims(f.p.db, { limit: 1000 });
    expect(page.total).toBe(f.claims.length);
    expect(page.rows.map((r) => r.id)).toEqual(ids([...f.claims].sort((a, b) => a.id - b.id)));
    for (const r of page.rows) {
      const c = f.claims.find((x) => x.id === r.id)!;
      const doc = f.docs.find((d) => d.id === c.docId)!;
      expect(r).toMatchObject({
        docId: c.docId,
        documentTitle: doc.title,
        quote: quote(c),
        actor: c.actor,
        stance: c.stance,
        analyst: c.analyst,
      });
      expect(r.domainIds).toEqual([...c.domains].sort((a, b) => a - b));
      expect(r.domains).toEqual(r.domainIds.map((d) => f.domains.find((x) => x.id === d)!.name));
      expect(r.grading).toBe(`${c.reliability ?? ''}${c.credibility ?? ''}`);
    }
  });

  it('pages and sorts on the server', () => {
    const byActor = [...f.claims].sort(
      (a, b) => b.actor.toLowerCase().localeCompare(a.actor.toLowerCase()) || a.id - b.id,
    );
    const page = queryClaims(f.p.db, { sort: [{ column: 'actor', dir: 'desc' }], offset: 5, limit: 7 });
    expect(page.rows.map((r) => r.id)).toEqual(ids(byActor.slice(5, 12)));
    expect(page.total).toBe(f.claims.length);
    const title = (c: FixtureClaim) => f.docs.find((d) => d.id === c.docId)!.title.toLowerCase();
    const byDoc = [...f.claims].sort(
      (a, b) => title(a).localeCompare(title(b)) || a.docId - b.docId || a.start - b.start || a.id - b.id,
    );
    expect(
      queryClaims(f.p.db, { sort: [{ column: 'document' }], limit: 1000 }).rows.map((r) => r.id),
    ).toEqual(ids(byDoc));
  });

  it('filters by domain (with descendants), document, grid row, actor, stance, grading, analyst and text', () => {
    const alpha = f.domains.find((d) => d.name === 'Alpha')!.id;
    const sub = subtreeOf(f, alpha);
    const check = (filter: ClaimQuery, expected: FixtureClaim[]) => {
      const page = queryClaims(f.p.db, { filter, limit: 1000 });
      expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(ids(expected).sort((a, b) => a - b));
      expect(page.total).toBe(expected.length);
    };
    check(
      { domainIds: [alpha], subdomains: true },
      f.claims.filter((c) => c.domains.some((d) => sub.has(d))),
    );
    check(
      { domainIds: [alpha] },
      f.claims.filter((c) => c.domains.includes(alpha)),
    );
    check(
      { docIds: [f.docs[1].id, f.docs[3].id] },
      f.claims.filter((c) => c.docId === f.docs[1].id || c.docId === f.docs[3].id),
    );
    const france = new Set(f.docs.filter((d) => d.attrs.country === 'France').map((d) => d.id));
    check(
      { row: { dimension: 'attr:country', key: 'France' } },
      f.claims.filter((c) => france.has(c.docId)),
    );
    const none = new Set(f.docs.filter((d) => !d.attrs.country).map((d) => d.id));
    check(
      { row: { dimension: 'attr:country', key: null } },
      f.claims.filter((c) => none.has(c.docId)),
    );
    check(
      { actors: ['NATO'], stances: ['supports', 'none'] },
      f.claims.filter((c) => c.actor === 'NATO' && (c.stance === 'supports' || c.stance === null)),
    );
    check(
      { reliabilities: ['A'], credibilities: [3, 'none'] },
      f.claims.filter((c) => c.reliability === 'A' && (c.credibility === 3 || c.credibility === null)),
    );
    check(
      { analysts: ['ben'] },
      f.claims.filter((c) => c.analyst === 'ben'),
    );
    const words = (c: FixtureClaim): string[] =>
      quote(c)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    const expected = f.claims.filter((c) => words(c).some((w) => w.startsWith('allian')));
    expect(expected.length).toBeGreaterThan(0);
    check({ search: 'allian' }, expected);
    check(
      { search: 'peace allian' },
      expected.filter((c) => words(c).includes('peace')),
    );
    check({ search: '"(*' }, []);
  });

  it('counts groups by any column for the filtered claims', () => {
    const nato = f.claims.filter((c) => c.actor === 'NATO');
    const stance = claimGroups(f.p.db, { by: 'stance', filter: { actors: ['NATO'] } });
    const expected = new Map<string | null, number>();
    for (const c of nato) expected.set(c.stance, (expected.get(c.stance) ?? 0) + 1);
    expect(new Map(stance.map((g) => [g.value as string | null, g.count]))).toEqual(expected);
    expect(stance.find((g) => g.value === null)?.label ?? '(none)').toBe('(none)');
    const domains = claimGroups(f.p.db, { by: 'domain', filter: { actors: ['NATO'] } });
    for (const g of domains)
      expect(g.count).toBe(nato.filter((c) => c.domains.includes(g.value as number)).length);
    expect(domains.reduce((s, g) => s + g.count, 0)).toBe(nato.reduce((s, c) => s + c.domains.length, 0));
    const docs = claimGroups(f.p.db, { by: 'document' });
    for (const g of docs) {
      expect(g.count).toBe(f.claims.filter((c) => c.docId === g.value).length);
      expect(g.label).toBe(f.docs.find((d) => d.id === g.value)!.title);
    }
    const grading = claimGroups(f.p.db, { by: 'grading' });
    expect(grading.reduce((s, g) => s + g.count, 0)).toBe(f.claims.length);
  });

  it('refuses unknown columns and domains', () => {
    expect(() => queryClaims(f.p.db, { sort: [{ column: 'colour' as 'id' }] })).toThrow(
      /cannot sort by "colour"/,
    );
    expect(() => claimGroups(f.p.db, { by: 'colour' as 'actor' })).toThrow(/cannot group by "colour"/);
    expect(() => queryClaims(f.p.db, { filter: { domainIds: [999] } })).toThrow(/no domain with id 999/);
    expect(ftsQuery('NEAR(a b) OR "x')).toBe('"NEAR" "a" "b" "OR" "x"*');
  });
});
