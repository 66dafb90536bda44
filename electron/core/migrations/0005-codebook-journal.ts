import { type Migration, sqlMigration } from './types';

// A domain's description is its definition; analysts also write down what belongs in it and what does not.
// The edit log records who changed which claim or domain and when (the analyst is set in Settings), so that
// provenance survives edits; rows outlive the object they name, which is the point of a log.
export const CODEBOOK_JOURNAL_SQL = `
    ALTER TABLE domains ADD COLUMN inclusion TEXT NOT NULL DEFAULT '';
    ALTER TABLE domains ADD COLUMN exclusion TEXT NOT NULL DEFAULT '';

    CREATE TABLE edit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      analyst TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN ('claim', 'domain')),
      entity_id INTEGER NOT NULL
    );
    CREATE INDEX edit_log_by_entity ON edit_log (entity, entity_id, id);
  `;

export const migration0005: Migration = sqlMigration(5, 'codebook-journal', CODEBOOK_JOURNAL_SQL);
