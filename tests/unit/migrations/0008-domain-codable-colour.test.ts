import { describe, expect, it } from 'vitest';
import { columns, migrateTo, ROWS, storeAt } from './at';

describe('migration 0008 (codable domains, chosen colours)', () => {
  it('leaves every existing domain codable with the colour it had, counted as chosen', () => {
    const db = storeAt(7, ROWS);
    expect(columns(db, 'domains')).not.toContain('codable');
    expect(migrateTo(db, 8)).toBe(8);
    expect(
      db.prepare('SELECT id, color, codable, color_chosen FROM domains ORDER BY id').raw().all(),
    ).toEqual([
      [1, '#000000', 1, 1],
      [2, '#111111', 1, 1],
      [3, '#222222', 1, 1],
    ]);
    expect(() => db.exec('UPDATE domains SET codable = 2 WHERE id = 1')).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE domains SET color_chosen = -1 WHERE id = 1')).toThrow(/CHECK/);
    // The tags survived (no table rebuild, no cascade).
    expect(db.prepare('SELECT count(*) AS n FROM claim_domains').get()).toEqual({ n: 5 });
  });
});
