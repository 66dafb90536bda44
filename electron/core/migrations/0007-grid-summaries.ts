import { type Migration, sqlMigration } from './types';

// The matrix and co-occurrence over a million claims spent their time carrying every tag (or every per-document
// count) out of SQLite on each change. Each document now keeps a summary of its claims that does not depend on the
// codebook's tree: how many claims carry each set of domains, and how many overlapping claim pairs join each two
// sets (grids/summaries.ts writes them). Triggers mark a document's summary stale when one of its tags or claim
// ranges changes; the grids bring stale summaries up to date before reading, so after a change only the documents
// touched are summarized again. Every tagged document starts stale. The triggers use upserts, not INSERT OR
// IGNORE: a trigger's conflict clause gives way to the statement that fired it (an undo's upsert of a claim).
export const GRID_SUMMARIES_SQL = `
    CREATE TABLE document_grid_summaries (
      document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      tag_sets TEXT NOT NULL,
      overlap_sets TEXT NOT NULL
    );
    CREATE TABLE document_grid_stale (document_id INTEGER PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO document_grid_stale (document_id) SELECT DISTINCT document_id FROM claims;

    CREATE TRIGGER grid_stale_tag_insert AFTER INSERT ON claim_domains BEGIN
      INSERT INTO document_grid_stale (document_id)
        SELECT document_id FROM claims WHERE id = NEW.claim_id
        ON CONFLICT (document_id) DO NOTHING;
    END;
    CREATE TRIGGER grid_stale_tag_delete AFTER DELETE ON claim_domains BEGIN
      INSERT INTO document_grid_stale (document_id)
        SELECT document_id FROM claims WHERE id = OLD.claim_id
        UNION SELECT OLD.document_id WHERE OLD.document_id IS NOT NULL
        ON CONFLICT (document_id) DO NOTHING;
    END;
    CREATE TRIGGER grid_stale_tag_update AFTER UPDATE OF claim_id, domain_id ON claim_domains BEGIN
      INSERT INTO document_grid_stale (document_id)
        SELECT document_id FROM claims WHERE id IN (OLD.claim_id, NEW.claim_id)
        ON CONFLICT (document_id) DO NOTHING;
    END;
    CREATE TRIGGER grid_stale_claim_range AFTER UPDATE OF document_id, start, end ON claims BEGIN
      INSERT INTO document_grid_stale (document_id) VALUES (OLD.document_id), (NEW.document_id)
        ON CONFLICT (document_id) DO NOTHING;
    END;
    CREATE TRIGGER grid_stale_claim_delete AFTER DELETE ON claims BEGIN
      INSERT INTO document_grid_stale (document_id) VALUES (OLD.document_id)
        ON CONFLICT (document_id) DO NOTHING;
    END;
  `;

export const migration0007: Migration = sqlMigration(7, 'grid-summaries', GRID_SUMMARIES_SQL);
