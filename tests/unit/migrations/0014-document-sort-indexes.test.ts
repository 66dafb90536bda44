import { describe, expect, it } from 'vitest';
import { migrateTo, plan, ROWS, storeAt } from './at';

// A deep Library page sorted by date, words or characters walks an index in the page's order (issue 16) instead of
// sorting every row into a temporary b-tree; the rows are untouched.
const PAGE = (order: string, dir: string): string =>
  `SELECT d.id FROM documents d WHERE 1 ORDER BY ${order} ${dir}, d.id ${dir} LIMIT 500 OFFSET 99500`;

describe('migration 0014 (document sort indexes)', () => {
  it('orders deep pages by date, words and characters from an index, both ways, keeping the rows', () => {
    const db = storeAt(13, ROWS);
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all();
    for (const order of ['d.published', 'd.word_count', 'd.char_count'])
      expect(plan(db, PAGE(order, 'ASC'))).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    expect(migrateTo(db, 14)).toBe(14);
    const used: Record<string, string> = {
      'd.published': 'documents_by_published',
      'd.word_count': 'documents_by_words',
      'd.char_count': 'documents_by_chars',
    };
    for (const [order, index] of Object.entries(used))
      for (const dir of ['ASC', 'DESC']) {
        const p = plan(db, PAGE(order, dir));
        expect(p).toContain(index);
        expect(p).not.toMatch(/TEMP B-TREE/);
      }
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT id FROM documents ORDER BY word_count DESC, id DESC').pluck().all()).toEqual([
      1, 2,
    ]);
  });
});
