import { describe, expect, it } from 'vitest';
import { createClaim, listClaims } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { computeMatrix } from '../../../electron/core/grids/matrix';
import { historyState, undo } from '../../../electron/core/history';
import { closeProject, openProject } from '../../../electron/core/project';
import { MAX_CACHED_STATEMENTS } from '../../../electron/core/store';
import { tempProject } from '../helpers';

// Everything that lives as long as a connection is on its Store: two Stores on one file share nothing but the
// file.

function twoStores() {
  const p = tempProject();
  const docId = addDocument(p.db, { title: 'Paper', text: 'the alliance met in Brussels', format: 'txt' }).id;
  const domainId = (p.db.prepare('SELECT id FROM domains ORDER BY id LIMIT 1').get() as { id: number }).id;
  const other = openProject(p.path);
  return { p, other, docId, domainId, done: () => closeProject(other) };
}

describe('the Store', () => {
  it('keeps each connection’s undo history: two Stores on one file undo only their own edits', () => {
    const { p, other, docId, domainId, done } = twoStores();
    try {
      createClaim(p.db, { docId, start: 4, end: 12, domainIds: [domainId] });
      expect(historyState(p.db).canUndo).toBe(true);
      expect(historyState(other.db)).toMatchObject({ canUndo: false, undoLabel: null });
      expect(p.db.history?.undo).toHaveLength(1);
      expect(other.db.history?.undo ?? []).toHaveLength(0);
      // The other store sees the claim (same file) but has nothing to undo.
      expect(listClaims(other.db)).toHaveLength(1);
      expect(undo(other.db).label).toBe(null);
      expect(listClaims(p.db)).toHaveLength(1);
      expect(undo(p.db).label).not.toBe(null);
      expect(listClaims(other.db)).toHaveLength(0);
    } finally {
      done();
    }
  });

  it('keeps grid results per store, and each sees the other’s writes', () => {
    const { p, other, docId, domainId, done } = twoStores();
    try {
      expect(computeMatrix(other.db).total).toBe(0);
      expect(other.db.gridResults?.entries.size).toBe(1);
      expect(p.db.gridResults).toBeUndefined();
      createClaim(p.db, { docId, start: 4, end: 12, domainIds: [domainId] });
      expect(computeMatrix(other.db).total).toBe(1);
    } finally {
      done();
    }
  });

  it('prepares static SQL once per store, and forgets the oldest past its bound', () => {
    const { p, other, done } = twoStores();
    try {
      const sql = 'SELECT count(*) AS n FROM documents';
      expect(p.db.cached(sql)).toBe(p.db.cached(sql));
      expect(other.db.cached(sql)).not.toBe(p.db.cached(sql));
      expect(p.db.prepareOnce(sql)).not.toBe(p.db.prepareOnce(sql));
      const first = p.db.cached('SELECT 0 AS n');
      for (let i = 1; i <= MAX_CACHED_STATEMENTS; i++) p.db.cached(`SELECT ${i} AS n`);
      expect(p.db.cached('SELECT 0 AS n')).not.toBe(first);
      expect(p.db.cached('SELECT 0 AS n').get()).toEqual({ n: 0 });
    } finally {
      done();
    }
  });

  it('gives each caller of a cached statement the default mode, whatever mode the last caller chained', () => {
    const { p, done } = twoStores();
    const sql = 'SELECT id FROM documents ORDER BY id';
    expect(p.db.cached(sql).pluck().all()).toEqual([1]);
    expect(p.db.cached(sql).all()).toEqual([{ id: 1 }]);
    expect(p.db.cached(sql).raw().all()).toEqual([[1]]);
    expect(p.db.cached(sql).get()).toEqual({ id: 1 });
    done();
  });

  it('forgets what it holds when closed', () => {
    const { p, other, docId, done } = twoStores();
    done();
    expect(other.db.open).toBe(false);
    expect(other.db.texts.size).toBe(0);
    expect(p.db.cached('SELECT id FROM documents WHERE id = ?').get(docId)).toEqual({ id: docId });
  });
});
