import { z } from 'zod';
import { AttributeFilter, AttributeValue } from './corpus';
import { DocumentSummary, Id } from './model';
import { method } from './method';
import { DocumentSet, MAX_SET_DOCS, SetName } from './sets';

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

/**
 * Which documents the Library shows: every field narrows (AND). The same filter names a page's rows and a
 * "select all matching" selection, so an action on the selection touches exactly what the analyst saw counted.
 */
export const DocumentFilter = z
  .object({
    /** Documents whose title, source, author or file name contains this (case-insensitive, literal). */
    text: z.string().max(1_000).optional(),
    /** Documents of this format only ('txt', 'pdf', …). */
    format: z.string().max(40).optional(),
    /** Documents of this document set only. */
    setId: Id.optional(),
    /** Documents whose attributes match every one of these (the Library's attribute column filters). */
    attributes: z.array(AttributeFilter).max(50).optional(),
    /** Documents with a word count in this range (the Library's Words filter). */
    minWords: z.number().int().nonnegative().optional(),
    maxWords: z.number().int().nonnegative().optional(),
    /** Documents with a claim count in this range (the Library's Claims filter). */
    minClaims: z.number().int().nonnegative().optional(),
    maxClaims: z.number().int().nonnegative().optional(),
  })
  .strict();
export type DocumentFilter = z.infer<typeof DocumentFilter>;

/** Sort by one of the fixed columns, or by an attribute's values (numbers as numbers; documents without one last). */
export const DocumentOrder = z.union([
  DocumentSort,
  z.object({ attribute: z.string().min(1).max(200) }).strict(),
]);
export type DocumentOrder = z.infer<typeof DocumentOrder>;

export const DocumentPageInput = DocumentFilter.extend({
  offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.number().int().positive().max(MAX_DOCUMENT_PAGE).default(DEFAULT_DOCUMENT_PAGE),
  sort: DocumentOrder.default('title'),
  desc: z.boolean().default(false),
});
export type DocumentPageParams = z.output<typeof DocumentPageInput>;

/** A Library row: the summary and the document's attribute values (by attribute name). */
export const DocumentRow = DocumentSummary.extend({ values: z.record(z.string(), AttributeValue) });
export type DocumentRow = z.infer<typeof DocumentRow>;

/**
 * What an action on the Library's selection applies to: the rows picked one by one, or every document a filter
 * matches ("all N matching selected") less the ones unticked since. The core resolves a filter in SQL, so the
 * renderer never holds the ids of 100,000 documents.
 */
export const DocumentSelection = z.union([
  z.object({ docIds: z.array(Id).min(1, 'select at least one document').max(MAX_SET_DOCS) }).strict(),
  z.object({ matching: DocumentFilter, except: z.array(Id).max(MAX_SET_DOCS).default([]) }).strict(),
]);
export type DocumentSelection = z.input<typeof DocumentSelection>;

/**
 * A page of the documents (issue 16): a project of 100,000 documents is never sent whole. `total` counts every
 * document the filter matches, so a caller can page on or say how many there are. listDocuments (core.ts) takes
 * the same input and answers the same page without the attribute values.
 */
export const documentPageMethods = {
  pageDocuments: method(
    DocumentPageInput,
    z.object({ rows: z.array(DocumentRow), total: z.number().int().nonnegative() }),
  ),
  /** How many documents a selection holds (a filter's matches less its exceptions). */
  countSelection: method(
    z.object({ selection: DocumentSelection }).strict(),
    z.object({ documents: z.number().int().nonnegative() }),
  ),
  /** Adds the selection to a set (setId), or makes a new set of it (name). One undoable step. */
  addSelectionToSet: method(
    z
      .object({ selection: DocumentSelection, setId: Id.optional(), name: SetName.optional() })
      .strict()
      .refine((i) => (i.setId === undefined) !== (i.name === undefined), 'name the set by setId or by name'),
    z.object({ set: DocumentSet, added: z.number().int().nonnegative() }),
  ),
  /** Gives every selected document one attribute's value (null clears it), all or none. */
  setSelectionAttribute: method(
    z
      .object({
        selection: DocumentSelection,
        name: z.string().min(1).max(200),
        value: AttributeValue.nullable(),
      })
      .strict(),
    z.object({ documents: z.number().int().nonnegative() }),
  ),
};
