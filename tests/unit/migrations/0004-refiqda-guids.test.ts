import { describe, expect, it } from 'vitest';
import { hasTable, migrateTo, ROWS, storeAt } from './at';

describe('migration 0004 (REFI-QDA GUIDs)', () => {
  it('keeps imported GUIDs, which go away with the object they name', () => {
    const db = storeAt(3, ROWS);
    expect(hasTable(db, 'refiqda_guids')).toBe(false);
    expect(migrateTo(db, 4)).toBe(4);
    db.exec(`
      INSERT INTO attributes (id, name, type) VALUES (5, 'Year', 'number');
      INSERT INTO refiqda_guids (kind, local_key, guid) VALUES
        ('claim', '10', 'g-claim'), ('note', '10', 'g-note'), ('coding', '10:1', 'g-coding'),
        ('claim', '11', 'g-other'), ('source', '2', 'g-source'), ('code', '3', 'g-code'), ('variable', '5', 'g-var');
    `);
    const guids = () => db.prepare('SELECT guid FROM refiqda_guids ORDER BY guid').pluck().all();
    db.exec('DELETE FROM claims WHERE id = 10');
    expect(guids()).toEqual(['g-code', 'g-other', 'g-source', 'g-var']);
    db.exec(
      'DELETE FROM domains WHERE id = 3; DELETE FROM attributes WHERE id = 5; DELETE FROM documents WHERE id = 2',
    );
    expect(guids()).toEqual(['g-other']);
  });
});
