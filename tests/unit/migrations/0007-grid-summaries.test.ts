import { describe, expect, it } from 'vitest';
import { hasTable, migrateTo, plan, ROWS, storeAt } from './at';

const STALE = 'SELECT document_id FROM document_grid_stale ORDER BY 1';

describe('migration 0007 (grid summaries)', () => {
  it('marks every document with claims stale, and again whenever its tags or claim ranges change', () => {
    const db = storeAt(
      6,
      `${ROWS}
      INSERT INTO documents (id, title, format, content_hash, text, char_count, word_count, imported_at)
        VALUES (3, 'untagged', 'txt', 'h3', 'nothing here', 12, 2, 'now');`,
    );
    expect(hasTable(db, 'document_grid_stale')).toBe(false);
    expect(migrateTo(db, 7)).toBe(7);
    expect(db.prepare(STALE).pluck().all()).toEqual([1, 2]);
    const steps: [string, number[]][] = [
      [
        "INSERT INTO claims (id, document_id, start, end, quote, created_at, updated_at) VALUES (13, 3, 0, 7, 'nothing', 'n', 'n')",
        [],
      ],
      ['INSERT INTO claim_domains (claim_id, domain_id) VALUES (13, 1)', [3]],
      ['UPDATE claims SET end = 9 WHERE id = 10', [1]],
      ['DELETE FROM claim_domains WHERE claim_id = 12 AND domain_id = 3', [2]],
      ['DELETE FROM claims WHERE id = 11', [1]],
    ];
    for (const [sql, marked] of steps) {
      db.exec('DELETE FROM document_grid_stale');
      db.exec(sql);
      expect(db.prepare(STALE).pluck().all(), sql).toEqual(marked);
    }
    // The summaries go with their document; the grids read them by document.
    db.exec(
      "INSERT INTO document_grid_summaries (document_id, tag_sets, overlap_sets) VALUES (3, '1:1', '')",
    );
    expect(plan(db, 'SELECT tag_sets FROM document_grid_summaries WHERE document_id = ?', 3)).toMatch(
      /INTEGER PRIMARY KEY/,
    );
    db.exec('DELETE FROM documents WHERE id = 3');
    expect(db.prepare('SELECT count(*) AS n FROM document_grid_summaries').get()).toEqual({ n: 0 });
  });
});
