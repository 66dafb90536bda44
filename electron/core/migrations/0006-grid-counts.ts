import { type Migration, sqlMigration } from './types';

// The matrix over a million claims spent most of its time counting tags per document and domain; those counts
// now live in a table that triggers keep in step with every tag written or removed, whoever writes (cascades from
// deleted claims, documents and domains included). The partial index of multi-domain tags gains claim_tags so that
// it covers its own condition (SQLite otherwise reads every such tag's row to test it). Documents get an index in
// title order (the grids' row order), and claims indexes on actor and analyst for sorting and grouping the
// claims table. Needs 0003 (migrate() applies it first to files whose version passed 3 without it).
export const GRID_COUNTS_SQL = `
    CREATE TABLE document_domain_counts (
      document_id INTEGER NOT NULL,
      domain_id INTEGER NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (document_id, domain_id)
    ) WITHOUT ROWID;
    INSERT INTO document_domain_counts (document_id, domain_id, n)
      SELECT c.document_id, t.domain_id, count(*) FROM claim_domains t JOIN claims c ON c.id = t.claim_id
      GROUP BY c.document_id, t.domain_id;
    CREATE TRIGGER claim_domains_count_insert AFTER INSERT ON claim_domains BEGIN
      INSERT INTO document_domain_counts (document_id, domain_id, n)
        SELECT c.document_id, NEW.domain_id, 1 FROM claims c WHERE c.id = NEW.claim_id
        ON CONFLICT (document_id, domain_id) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER claim_domains_count_delete AFTER DELETE ON claim_domains BEGIN
      UPDATE document_domain_counts SET n = n - 1
        WHERE document_id = OLD.document_id AND domain_id = OLD.domain_id;
      DELETE FROM document_domain_counts
        WHERE document_id = OLD.document_id AND domain_id = OLD.domain_id AND n <= 0;
    END;
    CREATE TRIGGER claim_domains_count_update AFTER UPDATE OF domain_id ON claim_domains BEGIN
      UPDATE document_domain_counts SET n = n - 1
        WHERE document_id = OLD.document_id AND domain_id = OLD.domain_id;
      DELETE FROM document_domain_counts
        WHERE document_id = OLD.document_id AND domain_id = OLD.domain_id AND n <= 0;
      INSERT INTO document_domain_counts (document_id, domain_id, n) VALUES (NEW.document_id, NEW.domain_id, 1)
        ON CONFLICT (document_id, domain_id) DO UPDATE SET n = n + 1;
    END;

    CREATE INDEX claim_domains_multi_tags ON claim_domains (document_id, claim_id, domain_id, claim_tags)
      WHERE claim_tags > 1;
    DROP INDEX claim_domains_multi;

    CREATE INDEX documents_by_title ON documents (title COLLATE NOCASE, id);
    CREATE INDEX claims_by_actor ON claims (actor COLLATE NOCASE);
    CREATE INDEX claims_by_analyst ON claims (analyst);
  `;

export const migration0006: Migration = sqlMigration(6, 'grid-counts', GRID_COUNTS_SQL);
