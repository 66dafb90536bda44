import { describe, expect, it } from 'vitest';
import { hasTable, migrateTo, plan, ROWS, storeAt } from './at';

const counts = 'SELECT document_id, domain_id, n FROM document_domain_counts ORDER BY 1, 2';

describe('migration 0006 (grid counts)', () => {
  it('counts each document’s tags per domain, from the tags it finds, kept in step, with the grids’ indexes', () => {
    const db = storeAt(5, ROWS);
    expect(hasTable(db, 'document_domain_counts')).toBe(false);
    expect(plan(db, 'SELECT id, title FROM documents ORDER BY title COLLATE NOCASE, id')).toMatch(
      /TEMP B-TREE/,
    );
    expect(migrateTo(db, 6)).toBe(6);
    expect(db.prepare(counts).raw().all()).toEqual([
      [1, 1, 1],
      [1, 2, 2],
      [2, 2, 1],
      [2, 3, 1],
    ]);
    db.exec(
      'DELETE FROM claims WHERE id = 11; UPDATE claim_domains SET domain_id = 1 WHERE claim_id = 12 AND domain_id = 3',
    );
    expect(db.prepare(counts).raw().all()).toEqual([
      [1, 1, 1],
      [1, 2, 1],
      [2, 1, 1],
      [2, 2, 1],
    ]);
    expect(plan(db, 'SELECT id, title FROM documents ORDER BY title COLLATE NOCASE, id')).toMatch(
      /COVERING INDEX documents_by_title/,
    );
    expect(plan(db, 'SELECT id FROM claims ORDER BY actor COLLATE NOCASE LIMIT 10')).toMatch(
      /claims_by_actor/,
    );
    expect(plan(db, 'SELECT analyst, count(*) FROM claims GROUP BY analyst')).toMatch(/claims_by_analyst/);
    expect(
      plan(
        db,
        'SELECT document_id, claim_id, domain_id FROM claim_domains INDEXED BY claim_domains_multi_tags WHERE claim_tags > 1',
      ),
    ).toMatch(/COVERING INDEX claim_domains_multi_tags/);
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'claim_domains_multi'").get()).toBe(
      undefined,
    );
  });
});
