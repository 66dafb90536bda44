import { type Migration, sqlMigration } from './types';

// Document sets (issue 13): named groups of documents (MAXQDA's document sets, ATLAS.ti's document groups, NVivo's
// cases), a document in any number of them. Members go with their document or their set (ON DELETE CASCADE); the
// index by document answers "which sets is this document in" and the set filter's semi-join. Names are unique
// regardless of case, as domains' and attributes' are, since the analyst picks a set by name (CLI, chips). A set
// from another tool keeps its REFI-QDA GUID in refiqda_guids (kind 'set'), which goes with the set. The edit log
// gains 'set' entries (undoable set edits are logged like claims): the CHECK is changed by copying the log, as 0009
// did.
export const DOCUMENT_SETS_SQL = `
    CREATE TABLE document_sets (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      description TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    );
    CREATE TABLE document_set_members (
      set_id INTEGER NOT NULL REFERENCES document_sets(id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      PRIMARY KEY (set_id, document_id)
    ) WITHOUT ROWID;
    CREATE INDEX document_set_members_by_document ON document_set_members (document_id, set_id);

    CREATE TRIGGER refiqda_guids_set_delete AFTER DELETE ON document_sets BEGIN
      DELETE FROM refiqda_guids WHERE kind = 'set' AND local_key = CAST(old.id AS TEXT);
    END;

    CREATE TABLE edit_log_0010 (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      analyst TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN ('claim', 'domain', 'memo', 'set')),
      entity_id INTEGER NOT NULL
    );
    INSERT INTO edit_log_0010 (id, at, analyst, action, entity, entity_id)
      SELECT id, at, analyst, action, entity, entity_id FROM edit_log;
    DROP TABLE edit_log;
    ALTER TABLE edit_log_0010 RENAME TO edit_log;
    CREATE INDEX edit_log_by_entity ON edit_log (entity, entity_id, id);
  `;

export const migration0010: Migration = sqlMigration(10, 'document-sets', DOCUMENT_SETS_SQL);
