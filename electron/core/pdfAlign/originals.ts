import { createHash } from 'node:crypto';
import type { Db } from '../db';
import { DossierError } from '../errors';

// A document's original file (a PDF) kept in the project, content-addressed by the SHA-256 of its bytes
// (migration 0012). Kept inside the .dossier rather than beside it: a project is one file that analysts copy,
// back up and merge whole, and a page view must not break when the PDF is moved, renamed or deleted.

export const PDF_MEDIA_TYPE = 'application/pdf';

export interface Original {
  sha256: string;
  mediaType: string;
  bytes: Buffer;
}

/** Keeps `bytes` as `docId`'s original (once per distinct content); a document's earlier original is replaced. */
export function keepOriginal(db: Db, docId: number, bytes: Uint8Array, mediaType = PDF_MEDIA_TYPE): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const write = (): void => {
    db.cached('INSERT OR IGNORE INTO originals (sha256, media_type, size, bytes) VALUES (?, ?, ?, ?)').run(
      sha256,
      mediaType,
      bytes.length,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    );
    // DELETE then INSERT (not REPLACE) so that the release trigger frees an original nothing else uses.
    db.cached('DELETE FROM document_originals WHERE document_id = ? AND sha256 <> ?').run(docId, sha256);
    db.cached('INSERT OR IGNORE INTO document_originals (document_id, sha256) VALUES (?, ?)').run(
      docId,
      sha256,
    );
  };
  if (db.inTransaction) write();
  else db.transaction(write)();
  return sha256;
}

/** The hash of a document's original, or null when the project holds none (imported before 0012, not a PDF). */
export function originalHash(db: Db, docId: number): string | null {
  const row = db.cached('SELECT sha256 FROM document_originals WHERE document_id = ?').get(docId) as
    { sha256: string } | undefined;
  return row?.sha256 ?? null;
}

export function readOriginal(db: Db, docId: number): Original {
  const doc = db.cached('SELECT 1 FROM documents WHERE id = ?').get(docId);
  if (!doc) throw new DossierError('not_found', `no document ${docId}`);
  const row = db
    .cached(
      `SELECT o.sha256, o.media_type AS mediaType, o.bytes FROM document_originals d
       JOIN originals o ON o.sha256 = d.sha256 WHERE d.document_id = ?`,
    )
    .get(docId) as Original | undefined;
  if (!row)
    throw new DossierError(
      'not_found',
      `document ${docId} has no original file in the project (imported before originals were kept: import the PDF again to add it)`,
    );
  return row;
}
