import { type Migration, sqlMigration } from './types';

// Suggestions learned from the analyst's claims (issue 17). The trained model travels with the project (one row:
// the serialised weights and the per-domain figures as JSON); a rejected suggestion is kept as a negative example
// for its domain (it goes with its document or domain); a claim accepted from a suggestion is marked `suggested`,
// so that exports and the figures can tell it from one the analyst made unprompted.
export const SUGGEST_MODEL_SQL = `
    CREATE TABLE suggest_model (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      blob BLOB NOT NULL,
      report TEXT NOT NULL,
      trained_at TEXT NOT NULL
    );
    CREATE TABLE suggest_rejections (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      domain_id INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
      quote TEXT NOT NULL,
      analyst TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      UNIQUE (document_id, start, end, domain_id)
    );
    ALTER TABLE claims ADD COLUMN suggested INTEGER NOT NULL DEFAULT 0;
  `;

export const migration0013: Migration = sqlMigration(13, 'suggest-model', SUGGEST_MODEL_SQL);
