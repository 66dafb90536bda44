import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { createClaim } from '../../../electron/core/claims';
import { type Db, openDatabase } from '../../../electron/core/db';
import { computeCooccurrence } from '../../../electron/core/grids/cooccurrence';
import { computeMatrix } from '../../../electron/core/grids/matrix';
import { refreshSummaries } from '../../../electron/core/grids/summaries';
import { closeProject, openProject } from '../../../electron/core/project';
import { buildFixture } from './fixture';
import { fromFirstPrinciples, summaries } from './summaryReference';

// Issue 16: the first grid after opening a project read its summaries stale and computed them inside the grid's
// read; a read-only project computed all of them in memory for every grid. Now a call that writes keeps them, and
// a read-only store computes only the stale ones, once.

const stale = (db: Db): number[] =>
  db.prepare('SELECT document_id FROM document_grid_stale ORDER BY 1').pluck().all() as number[];
const written = (db: Db): number => db.prepare('SELECT total_changes()').pluck().get() as number;

describe('grid summaries kept by the calls that write', () => {
  it('are brought up to date by the call that tagged, so the first grid after opening writes nothing', async () => {
    const f = buildFixture(41, 8, 10);
    // The fixture writes through the core's functions, not a call: every tagged document is stale.
    expect(stale(f.p.db).length).toBeGreaterThan(0);
    const doc = f.docs[2];
    const created = await callMethod(f.p, 'createClaim', {
      docId: doc.id,
      start: 0,
      end: 8,
      domainIds: [f.domains[1].id, f.domains[6].id],
    });
    expect(created.ok).toBe(true);
    expect(stale(f.p.db)).toEqual([]);
    expect(summaries(f.p.db)).toEqual(fromFirstPrinciples(f.p.db));
    const file = f.p.path;
    closeProject(f.p);

    const p = openProject(file);
    try {
      const before = written(p.db);
      const matrix = await callMethod(p, 'getMatrix', {});
      const co = await callMethod(p, 'getCooccurrence', {});
      expect(matrix.ok && co.ok).toBe(true);
      expect(written(p.db)).toBe(before);
      // An edit through a call: its one document summarized then, the grid after it reads them as stored.
      const claimId = (p.db
        .prepare('SELECT id FROM claims WHERE document_id = ? LIMIT 1')
        .pluck()
        .get(doc.id) ?? 0) as number;
      expect((await callMethod(p, 'deleteClaim', { id: claimId })).ok).toBe(true);
      expect(stale(p.db)).toEqual([]);
      expect(summaries(p.db)).toEqual(fromFirstPrinciples(p.db));
    } finally {
      closeProject(p);
    }
  });

  it('are summarized in memory only where stale on a read-only store, once for every grid', () => {
    const f = buildFixture(42, 6, 12);
    refreshSummaries(f.p.db);
    createClaim(f.p.db, { docId: f.docs[1].id, start: 0, end: 8, domainIds: [f.domains[3].id] });
    expect(stale(f.p.db)).toEqual([f.docs[1].id]);
    const ro = openDatabase(f.p.db.name, { readonly: true });
    try {
      const m = computeMatrix(ro, {});
      computeMatrix(ro, { measure: 'docs' });
      computeCooccurrence(ro);
      const memo = ro.gridResults?.entries.get('summaries:in-memory') as
        { scope: string; rows: [number, string, string][] } | undefined;
      // One in-memory summary, of the one stale document, shared by the three grids.
      expect(memo?.scope).toBe('stale');
      expect(memo?.rows.map((r) => r[0])).toEqual([f.docs[1].id]);
      expect(summaries(ro)).toEqual(fromFirstPrinciples(f.p.db));
      expect(m.total).toBe(f.p.db.prepare('SELECT count(*) FROM claims').pluck().get());
      expect(stale(ro)).toEqual([f.docs[1].id]);
    } finally {
      ro.close();
    }
  });
});
