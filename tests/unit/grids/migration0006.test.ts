import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../electron/core/db';
import { migration0006 } from '../../../electron/core/migrations/0006-grid-counts';
import { OLD_PROJECT_ROWS, projectFileAt, tempDir } from '../helpers';

/** The per-document tag counts recomputed from the tags themselves, for comparison with the kept table. */
function recount(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT c.document_id, t.domain_id, count(*) AS n FROM claim_domains t JOIN claims c ON c.id = t.claim_id
       GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .raw()
    .all();
}

const kept = (db: Db): unknown[] =>
  db.prepare('SELECT document_id, domain_id, n FROM document_domain_counts ORDER BY 1, 2').raw().all();

const plan = (db: Db, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');

describe('migration 0006 (grid counts)', () => {
  it('backfills the tag counts of an older project and keeps them in step with every write', () => {
    const file = projectFileAt(
      5,
      `${OLD_PROJECT_ROWS}
      INSERT INTO domains (id, name, color) VALUES (1, 'One', '#000000'), (2, 'Two', '#111111'), (3, 'Three', '#222222');
      INSERT INTO claims (id, document_id, start, end, quote, created_at, updated_at)
        VALUES (10, 1, 0, 5, 'alpha', 'now', 'now'), (11, 1, 6, 10, 'beta', 'now', 'now'),
               (12, 2, 0, 5, 'delta', 'now', 'now');
      INSERT INTO claim_domains (claim_id, domain_id) VALUES (10, 1), (10, 2), (11, 2), (12, 2), (12, 3);
    `,
    );

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    expect(kept(db)).toEqual([
      [1, 1, 1],
      [1, 2, 2],
      [2, 2, 1],
      [2, 3, 1],
    ]);
    const steps = [
      'INSERT INTO claim_domains (claim_id, domain_id) VALUES (11, 3)',
      'DELETE FROM claim_domains WHERE claim_id = 10 AND domain_id = 2',
      'UPDATE claim_domains SET domain_id = 1 WHERE claim_id = 12 AND domain_id = 3',
      "INSERT INTO claims (id, document_id, start, end, quote, created_at, updated_at) VALUES (13, 2, 6, 13, 'epsilon', 'now', 'now')",
      'INSERT INTO claim_domains (claim_id, domain_id) VALUES (13, 1), (13, 2)',
      'DELETE FROM claims WHERE id = 11',
      'DELETE FROM domains WHERE id = 1',
      'DELETE FROM documents WHERE id = 2',
    ];
    for (const sql of steps) {
      db.prepare(sql).run();
      expect(kept(db), sql).toEqual(recount(db));
    }
    expect(kept(db)).toEqual([]);
    db.close();
    expect(migration0006.version).toBe(6);
  });

  it('lets the grid queries read covering indexes', () => {
    const db = openDatabase(path.join(tempDir(), 'new.dossier'), { create: true });
    expect(
      plan(
        db,
        'SELECT document_id, claim_id, domain_id FROM claim_domains INDEXED BY claim_domains_multi_tags WHERE claim_tags > 1',
      ),
    ).toMatch(/COVERING INDEX claim_domains_multi_tags/);
    expect(plan(db, 'SELECT id, title FROM documents ORDER BY title COLLATE NOCASE, id')).toMatch(
      /COVERING INDEX documents_by_title/,
    );
    expect(plan(db, 'SELECT id FROM claims ORDER BY actor COLLATE NOCASE LIMIT 10')).toMatch(
      /claims_by_actor/,
    );
    db.close();
  });
});
