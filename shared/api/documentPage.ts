import { z } from 'zod';
import { DocumentSummary } from './model';
import { method } from './method';

/** Rows a page holds when the caller names no limit, and the most it may ask for. */
export const DEFAULT_DOCUMENT_PAGE = 500;
export const MAX_DOCUMENT_PAGE = 5_000;

/** The columns a page of documents can be sorted by (each is a column of the Library). */
export const DocumentSort = z.enum([
  'title',
  'source',
  'author',
  'published',
  'format',
  'chars',
  'words',
  'claims',
  'importedAt',
  'id',
]);
export type DocumentSort = z.infer<typeof DocumentSort>;

export const DocumentPageInput = z.object({
  offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.number().int().positive().max(MAX_DOCUMENT_PAGE).default(DEFAULT_DOCUMENT_PAGE),
  sort: DocumentSort.default('title'),
  desc: z.boolean().default(false),
  /** Documents whose title, source, author or file name contains this (case-insensitive, literal). */
  text: z.string().max(1_000).optional(),
  /** Documents of this format only ('txt', 'pdf', …). */
  format: z.string().max(40).optional(),
});

/**
 * A page of the documents (issue 16): a project of 100,000 documents is never sent whole. `total` counts every
 * document the filter matches, so a caller can page on or say how many there are. listDocuments (every document,
 * an array) stays for the callers that want all of them.
 */
export const documentPageMethods = {
  pageDocuments: method(
    DocumentPageInput,
    z.object({ rows: z.array(DocumentSummary), total: z.number().int().nonnegative() }),
  ),
};
