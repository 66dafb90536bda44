import type { DocumentFull, DocumentSummary, PageSpan } from '../../shared/api';
import { canonicalText } from '../../shared/text';
import { type Db, nowIso } from './db';
import { DossierError } from './errors';
import { type PreparedText, prepareText } from './preparedText';

export { contentHash, type PreparedText, prepareText } from './preparedText';

export interface NewDocument {
  title: string;
  text: string;
  format: string;
  source?: string;
  author?: string;
  published?: string;
  url?: string;
  originalName?: string;
  fileSize?: number;
  meta?: Record<string, string>;
  pages?: PageSpan[];
  /** Set by prepareText: `text` is then canonical already, with these figures (the import computes them off the
   * committing thread). */
  prepared?: Omit<PreparedText, 'text'>;
}

export type AddResult =
  | { status: 'imported'; id: number; title: string }
  /** Skipped: `id` and `title` are those of the document already holding the same text. */
  | { status: 'skipped'; id: number; title: string };

/**
 * Stores a document with canonical text. A document whose canonical text is already present is skipped,
 * so that re-running an import only adds what is missing. Atomic on its own; inside a caller's transaction, a
 * failure leaves that transaction to be rolled back by the caller.
 */
export function addDocument(db: Db, doc: NewDocument): AddResult {
  const { text, hash, chars, words } = doc.prepared
    ? { text: doc.text, ...doc.prepared }
    : prepareText(doc.text);
  if (!/\S/.test(text)) throw new DossierError('invalid_input', 'the document has no text');
  const existing = db.cached('SELECT id, title FROM documents WHERE content_hash = ?').get(hash) as
    { id: number; title: string } | undefined;
  if (existing) return { status: 'skipped', id: existing.id, title: existing.title };
  const meta = doc.meta ?? {};
  const title = canonicalText(doc.title).trim() || 'Untitled';
  // Within a caller's transaction (a batch of an import, a .qdpx), no savepoint of its own: FTS5 writes its
  // pending index to disk at every savepoint, which made a batch cost as much as one commit per document.
  const inOne = <T>(f: () => T): T => (db.inTransaction ? f() : db.transaction(f)());
  const id = inOne(() => {
    const info = db
      .cached(
        `INSERT INTO documents (title, source, author, published, url, original_name, format, file_size, content_hash,
           text, char_count, word_count, meta_json, meta_text, imported_at)
         VALUES (@title, @source, @author, @published, @url, @originalName, @format, @fileSize, @hash,
           @text, @chars, @words, @metaJson, @metaText, @now)`,
      )
      .run({
        title,
        source: doc.source ?? '',
        author: doc.author ?? '',
        published: doc.published ?? '',
        url: doc.url ?? '',
        originalName: doc.originalName ?? '',
        format: doc.format,
        fileSize: doc.fileSize ?? Buffer.byteLength(doc.text, 'utf8'),
        hash,
        text,
        chars,
        words,
        metaJson: JSON.stringify(meta),
        metaText: [doc.source, doc.author, ...Object.values(meta)].filter(Boolean).join(' '),
        now: nowIso(),
      });
    const docId = Number(info.lastInsertRowid);
    const addPage = db.cached(
      'INSERT INTO document_pages (document_id, page, start, end) VALUES (?, ?, ?, ?)',
    );
    for (const p of doc.pages ?? []) addPage.run(docId, p.page, p.start, p.end);
    return docId;
  });
  return { status: 'imported', id, title };
}

export interface DocumentRow {
  id: number;
  title: string;
  source: string;
  author: string;
  published: string;
  format: string;
  original_name: string;
  char_count: number;
  word_count: number;
  imported_at: string;
  claims: number;
}

export const SUMMARY_COLUMNS = `d.id, d.title, d.source, d.author, d.published, d.format, d.original_name, d.char_count,
  d.word_count, d.imported_at, (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims`;

export function toSummary(r: DocumentRow): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    author: r.author,
    published: r.published,
    format: r.format,
    originalName: r.original_name,
    chars: r.char_count,
    words: r.word_count,
    claims: r.claims,
    importedAt: r.imported_at,
  };
}

export function getDocumentSummary(db: Db, id: number): DocumentSummary {
  const row = db.cached(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as
    DocumentRow | undefined;
  if (!row) throw new DossierError('not_found', `no document with id ${id}`);
  return toSummary(row);
}

export function getDocument(db: Db, id: number): DocumentFull {
  const row = db
    .cached(
      `SELECT ${SUMMARY_COLUMNS}, d.url, d.file_size, d.content_hash, d.text, d.meta_json FROM documents d WHERE d.id = ?`,
    )
    .get(id) as
    | (DocumentRow & {
        url: string;
        file_size: number;
        content_hash: string;
        text: string;
        meta_json: string;
      })
    | undefined;
  if (!row) throw new DossierError('not_found', `no document with id ${id}`);
  const pages = db
    .cached('SELECT page, start, end FROM document_pages WHERE document_id = ? ORDER BY page')
    .all(id) as PageSpan[];
  return {
    ...toSummary(row),
    url: row.url,
    fileSize: row.file_size,
    contentHash: row.content_hash,
    text: row.text,
    meta: JSON.parse(row.meta_json) as Record<string, string>,
    pages,
  };
}

/** The canonical text only, for anchoring and exports. */
export function getDocumentText(db: Db, id: number): string {
  const row = db.cached('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
  if (!row) throw new DossierError('not_found', `no document with id ${id}`);
  return row.text;
}
