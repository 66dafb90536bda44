import { type Migration, sqlMigration } from './types';

// The grids count claims per document and domain over a million claims. Reaching the claim's document through
// the wide claims table costs a second, so each tag carries its claim's document (a claim never moves to another
// document) and how many domains its claim has (to count a claim once under a parent of two of its domains).
// Triggers keep both in step with every insert and delete, whoever writes.
export const GRID_INDEXES_SQL = `
    ALTER TABLE claim_domains ADD COLUMN document_id INTEGER;
    ALTER TABLE claim_domains ADD COLUMN claim_tags INTEGER NOT NULL DEFAULT 1;
    UPDATE claim_domains SET
      document_id = (SELECT c.document_id FROM claims c WHERE c.id = claim_domains.claim_id),
      claim_tags = (SELECT count(*) FROM claim_domains x WHERE x.claim_id = claim_domains.claim_id);
    CREATE INDEX claim_domains_by_document ON claim_domains (document_id, domain_id);
    CREATE INDEX claim_domains_multi ON claim_domains (document_id, claim_id, domain_id) WHERE claim_tags > 1;
    CREATE TRIGGER claim_domains_fill AFTER INSERT ON claim_domains BEGIN
      UPDATE claim_domains SET
        document_id = (SELECT c.document_id FROM claims c WHERE c.id = NEW.claim_id),
        claim_tags = (SELECT count(*) FROM claim_domains x WHERE x.claim_id = NEW.claim_id)
      WHERE claim_id = NEW.claim_id;
    END;
    CREATE TRIGGER claim_domains_unlink AFTER DELETE ON claim_domains BEGIN
      UPDATE claim_domains SET claim_tags = (SELECT count(*) FROM claim_domains x WHERE x.claim_id = OLD.claim_id)
      WHERE claim_id = OLD.claim_id;
    END;
  `;

export const migration0003: Migration = sqlMigration(3, 'grid-indexes', GRID_INDEXES_SQL);
