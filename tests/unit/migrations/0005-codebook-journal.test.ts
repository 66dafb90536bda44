import { describe, expect, it } from 'vitest';
import { columns, hasTable, migrateTo, plan, ROWS, storeAt } from './at';

describe('migration 0005 (codebook journal)', () => {
  it('adds inclusion and exclusion to every domain, empty, and an edit log of claims and domains', () => {
    const db = storeAt(4, ROWS);
    expect(columns(db, 'domains')).not.toContain('inclusion');
    expect(hasTable(db, 'edit_log')).toBe(false);
    expect(migrateTo(db, 5)).toBe(5);
    expect(db.prepare('SELECT id, name, inclusion, exclusion FROM domains ORDER BY id').raw().all()).toEqual([
      [1, 'One', '', ''],
      [2, 'Two', '', ''],
      [3, 'Three', '', ''],
    ]);
    db.exec(
      "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t', 'a', 'tag claim', 'claim', 10)",
    );
    expect(() =>
      db.exec(
        "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t', 'a', 'x', 'document', 1)",
      ),
    ).toThrow(/CHECK/);
    // The log outlives what it names.
    db.exec('DELETE FROM claims WHERE id = 10');
    expect(db.prepare('SELECT count(*) AS n FROM edit_log').get()).toEqual({ n: 1 });
    expect(
      plan(db, "SELECT at FROM edit_log WHERE entity = 'claim' AND entity_id = ? ORDER BY id", 10),
    ).toMatch(/edit_log_by_entity/);
  });
});
