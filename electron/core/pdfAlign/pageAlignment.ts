import type { PageAlignment } from '../../../shared/api';
import { documentText } from '../claims';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { alignPage, type AlignedPage } from './align';
import { pageItemStrings } from './pageItems';
import { readOriginal } from './originals';

/** Bumped when the aligner changes: alignments kept by an older one are computed again. */
export const ALIGNER_VERSION = 1;

interface Span {
  start: number;
  end: number;
}

function pageSpan(db: Db, docId: number, page: number): Span {
  const span = db
    .cached('SELECT start, end FROM document_pages WHERE document_id = ? AND page = ?')
    .get(docId, page) as Span | undefined;
  if (!span) throw new DossierError('not_found', `document ${docId} has no page ${page}`);
  return span;
}

/**
 * A page's alignment, computed on first view from the stored original and kept in page_alignments (unless the
 * project is read-only: then it is computed each time).
 */
export async function getPageAlignment(db: Db, docId: number, page: number): Promise<PageAlignment> {
  const original = readOriginal(db, docId);
  const span = pageSpan(db, docId, page);
  const kept = db
    .cached(
      'SELECT items_json AS json FROM page_alignments WHERE document_id = ? AND page = ? AND aligner = ?',
    )
    .get(docId, page, ALIGNER_VERSION) as { json: string } | undefined;
  let aligned: AlignedPage;
  if (kept) aligned = JSON.parse(kept.json) as AlignedPage;
  else {
    const items = (await pageItemStrings(original.bytes, [page])).get(page) ?? [];
    const text = documentText(db, docId).slice(span.start, span.end);
    aligned = alignPage(items, text, span.start);
    if (!db.readOnlyReason)
      db.cached(
        'INSERT OR REPLACE INTO page_alignments (document_id, page, aligner, items_json) VALUES (?, ?, ?, ?)',
      ).run(docId, page, ALIGNER_VERSION, JSON.stringify(aligned));
  }
  return { docId, page, start: span.start, end: span.end, ...aligned };
}
