import { type Migration, sqlMigration } from './types';

// The whole first schema: documents with their canonical text and typed attributes, the codebook, claims with
// their analytic attributes, and FTS5 indexes over documents and claims kept in step by triggers.
export const INITIAL_SQL = `
    CREATE TABLE project_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      source TEXT NOT NULL DEFAULT '',
      author TEXT NOT NULL DEFAULT '',
      published TEXT NOT NULL DEFAULT '',
      url TEXT NOT NULL DEFAULT '',
      original_name TEXT NOT NULL DEFAULT '',
      format TEXT NOT NULL,
      file_size INTEGER NOT NULL DEFAULT 0,
      content_hash TEXT NOT NULL UNIQUE,
      text TEXT NOT NULL,
      char_count INTEGER NOT NULL,
      word_count INTEGER NOT NULL,
      meta_json TEXT NOT NULL DEFAULT '{}',
      meta_text TEXT NOT NULL DEFAULT '',
      imported_at TEXT NOT NULL
    );

    -- Page boundaries of paginated sources (PDF), so that a claim can be cited by page.
    CREATE TABLE document_pages (
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      page INTEGER NOT NULL,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      PRIMARY KEY (document_id, page)
    ) WITHOUT ROWID;

    CREATE TABLE attributes (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date'))
    );

    CREATE TABLE document_attributes (
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
      value TEXT NOT NULL,
      PRIMARY KEY (document_id, attribute_id)
    ) WITHOUT ROWID;
    CREATE INDEX document_attributes_by_attribute ON document_attributes (attribute_id, value, document_id);

    CREATE TABLE domains (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      color TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      parent_id INTEGER REFERENCES domains(id) ON DELETE SET NULL,
      sort_order INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE claims (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      quote TEXT NOT NULL,
      prefix TEXT NOT NULL DEFAULT '',
      suffix TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      actor TEXT NOT NULL DEFAULT '',
      stance TEXT CHECK (stance IN ('supports', 'opposes', 'neutral')),
      reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
      credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
      analyst TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (start >= 0 AND end > start)
    );
    CREATE INDEX claims_by_document ON claims (document_id, start, end);

    CREATE TABLE claim_domains (
      claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      domain_id INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
      PRIMARY KEY (claim_id, domain_id)
    ) WITHOUT ROWID;
    CREATE INDEX claim_domains_by_domain ON claim_domains (domain_id, claim_id);

    -- Per-project UI state (grid columns, filters, …) as JSON by key.
    CREATE TABLE ui_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE documents_fts USING fts5 (
      title, text, meta_text,
      content = 'documents', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
      INSERT INTO documents_fts (rowid, title, text, meta_text) VALUES (new.id, new.title, new.text, new.meta_text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text, meta_text)
        VALUES ('delete', old.id, old.title, old.text, old.meta_text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, meta_text ON documents BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text, meta_text)
        VALUES ('delete', old.id, old.title, old.text, old.meta_text);
      INSERT INTO documents_fts (rowid, title, text, meta_text) VALUES (new.id, new.title, new.text, new.meta_text);
    END;

    CREATE VIRTUAL TABLE claims_fts USING fts5 (
      quote, note,
      content = 'claims', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
      INSERT INTO claims_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);
    END;
    CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, quote, note) VALUES ('delete', old.id, old.quote, old.note);
    END;
    CREATE TRIGGER claims_fts_update AFTER UPDATE OF quote, note ON claims BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, quote, note) VALUES ('delete', old.id, old.quote, old.note);
      INSERT INTO claims_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);
    END;
  `;

export const migration0001: Migration = sqlMigration(1, 'initial', INITIAL_SQL);
