import { describe, expect, it } from 'vitest';
import { createClaim, deleteClaim, updateClaim } from '../../../electron/core/claims';
import { deleteDomain, mergeDomains, moveDomain } from '../../../electron/core/codebook';
import { type Db, openDatabase } from '../../../electron/core/db';
import { computeCooccurrence } from '../../../electron/core/grids/cooccurrence';
import { computeMatrix } from '../../../electron/core/grids/matrix';
import { refreshSummaries } from '../../../electron/core/grids/summaries';
import { undo } from '../../../electron/core/history';
import { OLD_PROJECT_ROWS, projectFileAt } from '../helpers';
import { buildFixture } from './fixture';
import { fromFirstPrinciples, summaries } from './summaryReference';

const stale = (db: Db): number[] =>
  db.prepare('SELECT document_id FROM document_grid_stale ORDER BY 1').pluck().all() as number[];

describe('document summaries behind the grids (migration 0007)', () => {
  it('stay equal to a count from first principles through every kind of edit, re-summarizing only what changed', () => {
    const f = buildFixture(31, 6, 18);
    const db = f.p.db;
    expect(summaries(db)).toEqual(fromFirstPrinciples(db));
    expect(stale(db)).toEqual([]);
    const [d0, d1, d2] = f.docs;
    const [alpha, alphaOne, deep, alphaTwo, beta, betaOne, gamma] = f.domains.map((d) => d.id);
    const steps: [string, () => void, number[]][] = [
      [
        'tag a new claim with two domains',
        () => void createClaim(db, { docId: d0.id, start: 0, end: 8, domainIds: [beta, deep] }),
        [d0.id],
      ],
      [
        'tag a claim overlapping it',
        () => void createClaim(db, { docId: d0.id, start: 3, end: 20, domainIds: [gamma] }),
        [d0.id],
      ],
      [
        'move the end of a claim',
        () => void updateClaim(db, { id: f.claims.find((c) => c.docId === d1.id)!.id, end: d1.text.length }),
        [d1.id],
      ],
      ['undo the move (an upsert of the claim)', () => void undo(db), [d1.id]],
      [
        'change the domains of a claim',
        () =>
          void updateClaim(db, {
            id: f.claims.find((c) => c.docId === d2.id)!.id,
            domainIds: [alphaTwo, betaOne],
          }),
        [d2.id],
      ],
      [
        'delete a claim',
        () => deleteClaim(db, f.claims.find((c) => c.docId === d2.id && c.domains.length > 1)!.id),
        [d2.id],
      ],
      ['undo the deletion', () => void undo(db), [d2.id]],
      [
        'move a domain under another (no summary changes)',
        () => void moveDomain(db, { id: beta, parentId: alpha }),
        [],
      ],
      [
        'merge two domains',
        () => void mergeDomains(db, alphaOne, gamma),
        f.docs
          .filter(
            (d) => f.claims.some((c) => c.docId === d.id && c.domains.includes(alphaOne)) || d.id === d0.id,
          )
          .map((d) => d.id),
      ],
      ['delete a domain and its claims', () => void deleteDomain(db, betaOne, { deleteClaims: true }), []],
      ['delete a document', () => void db.prepare('DELETE FROM documents WHERE id = ?').run(d1.id), [d1.id]],
    ];
    for (const [what, edit, touched] of steps) {
      edit();
      if (touched.length) expect(stale(db), what).toEqual(expect.arrayContaining(touched));
      if (what.includes('no summary')) expect(stale(db), what).toEqual([]);
      expect(summaries(db), what).toEqual(fromFirstPrinciples(db));
      expect(stale(db), what).toEqual([]);
    }
    expect(summaries(db).has(d1.id)).toBe(false);
  });

  it('summarize a project written before them on its first grid, and give the same grids as before', () => {
    const file = projectFileAt(
      6,
      `${OLD_PROJECT_ROWS}
      INSERT INTO domains (id, name, color, parent_id) VALUES (1, 'One', '#000000', NULL), (2, 'Two', '#111111', 1),
        (3, 'Three', '#222222', 1);
      INSERT INTO claims (id, document_id, start, end, quote, created_at, updated_at)
        VALUES (10, 1, 0, 10, 'alpha beta', 'now', 'now'), (11, 1, 6, 16, 'beta gamma', 'now', 'now'),
               (12, 2, 0, 5, 'delta', 'now', 'now');
      INSERT INTO claim_domains (claim_id, domain_id) VALUES (10, 2), (10, 3), (11, 2), (12, 3);
    `,
    );

    const db = openDatabase(file);
    expect(stale(db)).toEqual([1, 2]);
    const m = computeMatrix(db, {});
    // Columns in codebook order: One (parent of Two and Three), Two, Three; rows by title: A (doc 2), b (doc 1).
    expect(m.columns.map((c) => c.name)).toEqual(['One', 'Two', 'Three']);
    expect(m.values).toEqual([
      [1, 0, 1],
      [2, 2, 1],
    ]);
    expect(m.rowTotals).toEqual([1, 2]);
    expect(stale(db)).toEqual([]);
    const co = computeCooccurrence(db);
    // Two × Three: claim 10 (same claim); overlap: claims 10 and 11 intersect ("beta").
    expect(co.same[1][2]).toBe(1);
    expect(co.overlap[1][1]).toBe(1);
    expect(co.overlap[1][2]).toBe(1);
    db.close();
  });

  it('are computed in memory, with nothing written, on a read-only connection', () => {
    const f = buildFixture(32, 4, 12);
    refreshSummaries(f.p.db);
    createClaim(f.p.db, { docId: f.docs[0].id, start: 0, end: 8, domainIds: [f.domains[5].id] });
    const before = stale(f.p.db);
    expect(before).toEqual([f.docs[0].id]);
    const ro = openDatabase(f.p.db.name, { readonly: true });
    try {
      expect(summaries(ro)).toEqual(fromFirstPrinciples(f.p.db));
      expect(stale(ro)).toEqual(before);
    } finally {
      ro.close();
    }
    refreshSummaries(f.p.db);
    expect(stale(f.p.db)).toEqual([]);
  });
});
