import { type Migration, sqlMigration } from './types';

// Page view (issue 18): a PDF's original bytes are kept inside the project, so that its pages can be shown after the
// file moved or vanished and a copy, backup or merge of the .dossier carries them (one file stays one project).
// Content-addressed by SHA-256 of the bytes: two documents from one file share one row; a row goes when its last
// document goes. The alignment of each page's pdf.js text items to the stored text is computed on first view and
// kept here, keyed by the document (its text) and the aligner's version, so that a better aligner recomputes.
export const PDF_ORIGINALS_SQL = `
    CREATE TABLE originals (
      sha256 TEXT PRIMARY KEY,
      media_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      bytes BLOB NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE document_originals (
      document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL REFERENCES originals(sha256)
    );
    CREATE INDEX document_originals_by_hash ON document_originals (sha256);
    CREATE TRIGGER document_originals_release AFTER DELETE ON document_originals
    WHEN NOT EXISTS (SELECT 1 FROM document_originals WHERE sha256 = old.sha256) BEGIN
      DELETE FROM originals WHERE sha256 = old.sha256;
    END;
    CREATE TABLE page_alignments (
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      page INTEGER NOT NULL,
      aligner INTEGER NOT NULL,
      items_json TEXT NOT NULL,
      PRIMARY KEY (document_id, page)
    ) WITHOUT ROWID;
  `;

export const migration0012: Migration = sqlMigration(12, 'pdf-originals', PDF_ORIGINALS_SQL);
