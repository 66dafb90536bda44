import { z } from 'zod';
import { Id, ImportReport } from './model';
import { method } from './method';

// Corpus import (background jobs with progress), document attributes, and full-text search.

export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;

export const AttributeType = z.enum(['text', 'number', 'date']);
export const AttributeValue = z.union([z.string().max(10_000), z.number()]);

export const Attribute = z.object({
  id: Id,
  name: z.string(),
  type: AttributeType,
  documents: z.number().int().nonnegative(),
});
export type Attribute = z.infer<typeof Attribute>;

export const AttributeFilter = z.object({
  name: z.string().min(1),
  op: z.enum(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'contains', 'empty', 'notEmpty']),
  value: AttributeValue.optional(),
});

export const FullImportReport = ImportReport.extend({
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
  cancelled: z.boolean().optional(),
});

export const ImportProgress = z.object({
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  currentFile: z.string(),
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  mbPerSec: z.number().nonnegative(),
  filesPerSec: z.number().nonnegative(),
  /** The scanned file being recognised, page by page (OCR). */
  ocr: z
    .object({ path: z.string(), page: z.number().int().positive(), pages: z.number().int().positive() })
    .optional(),
});

/** Tesseract language codes this build ships (@tesseract.js-data packages). */
export const OcrLanguage = z.enum(['eng', 'ukr', 'pol', 'fra', 'deu']);
export type OcrLanguage = z.infer<typeof OcrLanguage>;

export const ImportJobStatus = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  progress: ImportProgress,
  report: FullImportReport,
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const DocumentHit = z.object({
  docId: Id,
  title: z.string(),
  snippet: z.string(),
  snippetMarks: z.array(Span),
  score: z.number(),
  hits: z.array(Span),
  /** Hits in the text (`hits` stops at 5,000); 0 when hits were not asked for. */
  hitCount: z.number().int().nonnegative().optional(),
  /** The matched terms in the title. */
  titleMarks: z.array(Span).optional(),
});

export const ClaimHit = z.object({
  claimId: Id,
  docId: Id,
  docTitle: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string(),
  note: z.string(),
  snippet: z.string(),
  snippetMarks: z.array(Span),
  score: z.number(),
});

const Query = z.string().trim().min(1, 'type something to search for').max(2_000);

export const corpusMethods = {
  /** Starts a background import of server-side paths and/or uploaded files; poll importStatus. */
  startImport: method(
    z
      .object({
        paths: z.array(z.string().min(1)).optional(),
        files: z.array(z.object({ name: z.string().min(1).max(1_000), base64: z.string() })).optional(),
        attrsFromPath: z.string().max(1_000).optional(),
        /** Contents of a CSV sidecar keyed by file name. */
        metadataCsv: z.string().optional(),
        maxSizeMb: z.number().positive().optional(),
        /** Encrypted PDFs' passwords, by the path the report names (an upload's: its name). Never stored. */
        passwords: z
          .array(z.object({ path: z.string().min(1), password: z.string().min(1).max(4_096) }))
          .max(10_000)
          .optional(),
        /** Languages for scanned pages (OCR), in order of preference; default English. [] turns OCR off. */
        ocrLanguages: z.array(OcrLanguage).max(5).optional(),
      })
      .refine(
        (i) => (i.paths?.length ?? 0) + (i.files?.length ?? 0) > 0,
        'choose at least one file or folder',
      ),
    ImportJobStatus,
  ),
  importStatus: method(z.object({ jobId: z.string().min(1) }), ImportJobStatus),
  /** Stops after the document in flight; everything committed stays. Resolves once the job has stopped. */
  cancelImport: method(z.object({ jobId: z.string().min(1) }), ImportJobStatus),
  /** Resolves once the job has finished (done, cancelled or failed), for a door that waits (the CLI, the menu). */
  waitImport: method(z.object({ jobId: z.string().min(1) }), ImportJobStatus),

  searchDocuments: method(
    z.object({
      query: Query,
      limit: z.number().int().positive().max(1000).optional(),
      offset: z.number().int().nonnegative().optional(),
      filters: z.array(AttributeFilter).optional(),
      domainIds: z.array(Id).optional(),
      hits: z.boolean().optional(),
    }),
    z.object({ total: z.number().int().nonnegative(), results: z.array(DocumentHit) }),
  ),
  /** Offsets of every matched term in one document, for the Reader's next/previous hit. */
  documentHits: method(z.object({ docId: Id, query: Query }), z.object({ hits: z.array(Span) })),
  searchClaims: method(
    z.object({
      query: Query,
      limit: z.number().int().positive().max(1000).optional(),
      docId: Id.optional(),
      domainIds: z.array(Id).optional(),
    }),
    z.array(ClaimHit),
  ),

  listAttributes: method(z.object({}), z.array(Attribute)),
  defineAttribute: method(
    z.object({ name: z.string().trim().min(1).max(200), type: AttributeType }),
    Attribute,
  ),
  renameAttribute: method(z.object({ id: Id, name: z.string().trim().min(1).max(200) }), Attribute),
  deleteAttribute: method(z.object({ id: Id }), z.object({ id: Id })),
  /** Every document's attribute values, for the Library grid's columns. */
  getAttributeTable: method(
    z.object({}),
    z.object({
      attributes: z.array(Attribute),
      rows: z.array(z.object({ docId: Id, values: z.record(z.string(), AttributeValue) })),
    }),
  ),
  /** Sets (null or '' clears) values of one document, all or none; returns its values after the change. */
  setDocumentAttributes: method(
    z.object({
      docId: Id,
      values: z.record(z.string(), AttributeValue.nullable()),
      /** Define attributes not yet known, with the type their value suggests (number, date or text). */
      define: z.boolean().optional(),
    }),
    z.object({ docId: Id, values: z.record(z.string(), AttributeValue) }),
  ),
  filterDocuments: method(z.object({ filters: z.array(AttributeFilter) }), z.object({ docIds: z.array(Id) })),
};
