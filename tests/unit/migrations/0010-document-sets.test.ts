import { describe, expect, it } from 'vitest';
import { columns, hasTable, migrateTo, plan, ROWS, storeAt } from './at';

const LOG = `INSERT INTO edit_log (id, at, analyst, action, entity, entity_id)
  VALUES (1, 't1', 'Ana', 'tag claim', 'claim', 10), (2, 't2', 'Ana', 'add memo', 'memo', 1);`;

describe('migration 0010 (document sets)', () => {
  it('adds sets and their members, keeps the edit log and lets it name sets', () => {
    const db = storeAt(9, ROWS + LOG);
    expect(hasTable(db, 'document_sets')).toBe(false);
    expect(() =>
      db.exec(
        "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t', 'a', 'x', 'set', 1)",
      ),
    ).toThrow(/CHECK/);
    expect(migrateTo(db, 10)).toBe(10);
    expect(columns(db, 'document_sets')).toEqual(['id', 'name', 'description', 'created_at']);
    expect(columns(db, 'document_set_members')).toEqual(['set_id', 'document_id']);
    expect(db.prepare('SELECT id, entity FROM edit_log ORDER BY id').raw().all()).toEqual([
      [1, 'claim'],
      [2, 'memo'],
    ]);
    db.exec(
      "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t3', 'Ana', 'add set', 'set', 1)",
    );
    expect(() =>
      db.exec(
        "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t', 'a', 'x', 'case', 1)",
      ),
    ).toThrow(/CHECK/);

    db.exec(`INSERT INTO document_sets (id, name, created_at) VALUES (1, 'Think tanks', 'now'), (2, 'Press', 'now');
      INSERT INTO document_set_members (set_id, document_id) VALUES (1, 1), (1, 2), (2, 2);`);
    // Names are unique whatever their case; a document is in several sets, but once in each.
    expect(() =>
      db.exec("INSERT INTO document_sets (name, created_at) VALUES ('think TANKS', 'now')"),
    ).toThrow(/UNIQUE/);
    expect(() => db.exec('INSERT INTO document_set_members (set_id, document_id) VALUES (1, 1)')).toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(plan(db, 'SELECT set_id FROM document_set_members WHERE document_id = ?', 2)).toMatch(
      /document_set_members_by_document/,
    );

    // Members go with their document and with their set; a set's GUID goes with the set.
    db.pragma('foreign_keys = ON');
    db.exec('DELETE FROM documents WHERE id = 1');
    expect(
      db.prepare('SELECT set_id, document_id FROM document_set_members ORDER BY 1, 2').raw().all(),
    ).toEqual([
      [1, 2],
      [2, 2],
    ]);
    db.exec(
      "INSERT INTO refiqda_guids (kind, local_key, guid) VALUES ('set', '2', 'g-2'), ('source', '2', 's-2')",
    );
    db.exec('DELETE FROM document_sets WHERE id = 2');
    expect(db.prepare('SELECT count(*) FROM document_set_members WHERE set_id = 2').pluck().get()).toBe(0);
    expect(db.prepare('SELECT kind FROM refiqda_guids').pluck().all()).toEqual(['source']);
  });
});
