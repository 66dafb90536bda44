import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store';
import { migrateTo, plan } from './at';

describe('migration 0001 (initial)', () => {
  it('builds the schema on an empty file; the FTS indexes follow documents and claims', () => {
    const db = new Store(new Database(':memory:'));
    expect(migrateTo(db, 1)).toBe(1);
    db.exec(`
      INSERT INTO documents (id, title, format, content_hash, text, char_count, word_count, imported_at)
        VALUES (1, 'Paper', 'txt', 'h1', 'the alliance met', 16, 3, 'now');
      INSERT INTO claims (id, document_id, start, end, quote, created_at, updated_at)
        VALUES (10, 1, 4, 12, 'alliance', 'now', 'now');
    `);
    const docHits = () =>
      db.prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'alliance'").all();
    expect(docHits()).toEqual([{ rowid: 1 }]);
    expect(db.prepare("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'alliance'").all()).toEqual([
      { rowid: 10 },
    ]);
    db.exec("UPDATE claims SET note = 'summit' WHERE id = 10");
    expect(db.prepare("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'summit'").all()).toEqual([
      { rowid: 10 },
    ]);
    db.exec('DELETE FROM documents WHERE id = 1');
    expect(docHits()).toEqual([]);
    // Deleting the document took its claims (foreign keys on) out of the index too.
    expect(db.prepare('SELECT count(*) AS n FROM claims').get()).toEqual({ n: 0 });
    expect(() =>
      db.exec(
        "INSERT INTO claims (document_id, start, end, quote, created_at, updated_at) VALUES (1, 5, 5, '', 'n', 'n')",
      ),
    ).toThrow(/CHECK|FOREIGN KEY/);
    expect(plan(db, 'SELECT id FROM claims WHERE document_id = ? ORDER BY start', 1)).toMatch(
      /claims_by_document/,
    );
    db.close();
  });
});
