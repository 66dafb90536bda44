import { type Migration, sqlMigration } from './types';

// Memos (issue 13): the analyst's own writing, in Markdown. A memo belongs to the project (a research journal) or
// is linked to a document and/or a claim (a claim can have several memos). Deleting what a memo is linked to keeps
// the memo, unlinked (ON DELETE SET NULL): it is the analyst's writing, often about more than that one passage,
// and a claim is deleted from its card in one keystroke; the undo of the deletion links it again (history.ts).
// FTS5 over title and text, kept in step by triggers like documents_fts and claims_fts. The edit log gains
// 'memo' entries: SQLite cannot change a CHECK in place, so the log is copied into a new table (nothing refers
// to it, so no foreign key is at stake). A memo from another tool keeps its REFI-QDA GUID in refiqda_guids
// (kind 'memo'), which goes with the memo.
export const MEMOS_SQL = `
    CREATE TABLE memos (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      text TEXT NOT NULL DEFAULT '',
      analyst TEXT NOT NULL DEFAULT '',
      document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
      claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX memos_by_document ON memos (document_id) WHERE document_id IS NOT NULL;
    CREATE INDEX memos_by_claim ON memos (claim_id) WHERE claim_id IS NOT NULL;

    CREATE VIRTUAL TABLE memos_fts USING fts5 (
      title, text,
      content = 'memos', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER memos_fts_insert AFTER INSERT ON memos BEGIN
      INSERT INTO memos_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER memos_fts_delete AFTER DELETE ON memos BEGIN
      INSERT INTO memos_fts (memos_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER memos_fts_update AFTER UPDATE OF title, text ON memos BEGIN
      INSERT INTO memos_fts (memos_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      INSERT INTO memos_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;

    CREATE TRIGGER refiqda_guids_memo_delete AFTER DELETE ON memos BEGIN
      DELETE FROM refiqda_guids WHERE kind = 'memo' AND local_key = CAST(old.id AS TEXT);
    END;

    CREATE TABLE edit_log_0009 (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      analyst TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN ('claim', 'domain', 'memo')),
      entity_id INTEGER NOT NULL
    );
    INSERT INTO edit_log_0009 (id, at, analyst, action, entity, entity_id)
      SELECT id, at, analyst, action, entity, entity_id FROM edit_log;
    DROP TABLE edit_log;
    ALTER TABLE edit_log_0009 RENAME TO edit_log;
    CREATE INDEX edit_log_by_entity ON edit_log (entity, entity_id, id);
  `;

export const migration0009: Migration = sqlMigration(9, 'memos', MEMOS_SQL);
