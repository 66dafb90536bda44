import { describe, expect, it } from 'vitest';
import { columns, hasTable, migrateTo, plan, ROWS, storeAt } from './at';

const LOG = `INSERT INTO edit_log (id, at, analyst, action, entity, entity_id)
  VALUES (1, 't1', 'Ana', 'tag claim', 'claim', 10), (2, 't2', 'Ana', 'rename domain', 'domain', 2);`;

describe('migration 0009 (memos)', () => {
  it('adds memos with an FTS index, keeps the edit log and lets it name memos', () => {
    const db = storeAt(8, ROWS + LOG);
    expect(hasTable(db, 'memos')).toBe(false);
    expect(() =>
      db.exec(
        "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t', 'a', 'x', 'memo', 1)",
      ),
    ).toThrow(/CHECK/);
    expect(migrateTo(db, 9)).toBe(9);
    expect(columns(db, 'memos')).toEqual([
      'id',
      'title',
      'text',
      'analyst',
      'document_id',
      'claim_id',
      'created_at',
      'updated_at',
    ]);
    // The log's rows came through, and it now takes memo entries (and still refuses anything else).
    expect(
      db.prepare('SELECT id, at, analyst, action, entity, entity_id FROM edit_log ORDER BY id').raw().all(),
    ).toEqual([
      [1, 't1', 'Ana', 'tag claim', 'claim', 10],
      [2, 't2', 'Ana', 'rename domain', 'domain', 2],
    ]);
    db.exec(
      "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t3', 'Ana', 'add memo', 'memo', 1)",
    );
    expect(() =>
      db.exec(
        "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t', 'a', 'x', 'set', 1)",
      ),
    ).toThrow(/CHECK/);
    expect(
      plan(db, 'SELECT * FROM edit_log WHERE entity = ? AND entity_id = ? ORDER BY id', 'memo', 1),
    ).toMatch(/edit_log_by_entity/);

    db.exec(`INSERT INTO memos (id, title, text, analyst, document_id, claim_id, created_at, updated_at)
      VALUES (1, 'Journal', 'Ideas about **sovereignty**', 'Ana', NULL, NULL, 'now', 'now'),
             (2, 'On the exchange', 'alpha is odd', 'Ana', 1, 10, 'now', 'now'),
             (3, 'Second on alpha', 'more', 'Ana', NULL, 10, 'now', 'now')`);
    const match = (q: string): number[] =>
      db
        .prepare('SELECT rowid FROM memos_fts WHERE memos_fts MATCH ? ORDER BY rowid')
        .pluck()
        .all(q) as number[];
    expect(match('sovereignty')).toEqual([1]);
    expect(match('exchange OR odd')).toEqual([2]);
    db.exec("UPDATE memos SET text = 'nothing' WHERE id = 1");
    expect(match('sovereignty')).toEqual([]);
    expect(plan(db, 'SELECT id FROM memos WHERE claim_id = ?', 10)).toMatch(/memos_by_claim/);
    expect(plan(db, 'SELECT id FROM memos WHERE document_id = ?', 1)).toMatch(/memos_by_document/);

    // Deleting a claim or a document keeps its memos, unlinked; a memo's GUID goes with the memo.
    db.pragma('foreign_keys = ON');
    db.exec('DELETE FROM claims WHERE id = 10');
    expect(db.prepare('SELECT id, document_id, claim_id FROM memos ORDER BY id').raw().all()).toEqual([
      [1, null, null],
      [2, 1, null],
      [3, null, null],
    ]);
    db.exec('DELETE FROM documents WHERE id = 1');
    expect(db.prepare('SELECT document_id FROM memos WHERE id = 2').pluck().get()).toBeNull();
    db.exec(
      "INSERT INTO refiqda_guids (kind, local_key, guid) VALUES ('memo', '3', 'g-3'), ('claim', '3', 'c-3')",
    );
    db.exec('DELETE FROM memos WHERE id = 3');
    expect(db.prepare('SELECT kind FROM refiqda_guids ORDER BY kind').pluck().all()).toEqual(['claim']);
    expect(match('more')).toEqual([]);
  });
});
