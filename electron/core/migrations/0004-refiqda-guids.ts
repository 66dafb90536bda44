import { type Migration, sqlMigration } from './types';

// REFI-QDA identifies every object by a GUID. Dossier derives GUIDs from its own ids, except where a project was
// imported from another tool: those GUIDs are kept here so that a round trip hands the same objects back.
// Rows go away with the object they name, so that a reused rowid never inherits a GUID.
export const REFIQDA_GUIDS_SQL = `
    CREATE TABLE refiqda_guids (
      kind TEXT NOT NULL,
      local_key TEXT NOT NULL,
      guid TEXT NOT NULL,
      PRIMARY KEY (kind, local_key)
    ) WITHOUT ROWID;

    CREATE TRIGGER refiqda_guids_claim_delete AFTER DELETE ON claims BEGIN
      DELETE FROM refiqda_guids WHERE kind IN ('claim', 'note') AND local_key = CAST(old.id AS TEXT);
      DELETE FROM refiqda_guids WHERE kind = 'coding' AND local_key LIKE old.id || ':%';
    END;
    CREATE TRIGGER refiqda_guids_document_delete AFTER DELETE ON documents BEGIN
      DELETE FROM refiqda_guids WHERE kind = 'source' AND local_key = CAST(old.id AS TEXT);
    END;
    CREATE TRIGGER refiqda_guids_domain_delete AFTER DELETE ON domains BEGIN
      DELETE FROM refiqda_guids WHERE kind = 'code' AND local_key = CAST(old.id AS TEXT);
    END;
    CREATE TRIGGER refiqda_guids_attribute_delete AFTER DELETE ON attributes BEGIN
      DELETE FROM refiqda_guids WHERE kind = 'variable' AND local_key = CAST(old.id AS TEXT);
    END;
  `;

export const migration0004: Migration = sqlMigration(4, 'refiqda-guids', REFIQDA_GUIDS_SQL);
