import { describe, expect, it } from 'vitest';
import { columns, hasTable, migrateTo, ROWS, storeAt } from './at';

describe('migration 0013 (suggestion model, rejections, suggested claims)', () => {
  it('adds the model row, rejections that go with their document, and claims.suggested defaulting to 0', () => {
    const db = storeAt(12, ROWS);
    expect(hasTable(db, 'suggest_model')).toBe(false);
    const claimsBefore = db.prepare('SELECT count(*) FROM claims').pluck().get() as number;
    expect(migrateTo(db, 13)).toBe(13);
    expect(columns(db, 'suggest_model')).toEqual(['id', 'blob', 'report', 'trained_at']);
    expect(columns(db, 'claims')).toContain('suggested');
    expect(db.prepare('SELECT count(*) FROM claims WHERE suggested = 0').pluck().get()).toBe(claimsBefore);
    const doc = db.prepare('SELECT id FROM documents ORDER BY id').pluck().get() as number;
    const dom = db.prepare('SELECT id FROM domains ORDER BY id').pluck().get() as number;
    db.prepare(
      "INSERT INTO suggest_rejections (document_id, start, end, domain_id, quote, created_at) VALUES (?, 0, 1, ?, 'x', 'now')",
    ).run(doc, dom);
    expect(() => db.prepare("INSERT INTO suggest_model VALUES (2, x'00', '{}', 'now')").run()).toThrow();
    db.prepare('DELETE FROM documents WHERE id = ?').run(doc);
    expect(db.prepare('SELECT count(*) FROM suggest_rejections').pluck().get()).toBe(0);
  });
});
