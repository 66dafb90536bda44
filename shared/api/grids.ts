import { z } from 'zod';
import { method } from './method';
import { ClaimSort, RowDimension, TableClaimQuery } from './claimQuery';
import { Claim, FileBlob, Id } from './model';

export { RowDimension, SortColumn } from './claimQuery';

// Grids (matrix, co-occurrence, claims table), their saved state and exports, and shared passages for the
// side-by-side comparison. Offsets are UTF-16 code units, like everywhere in the API.

export const Measure = z.enum(['count', 'docs', 'coverage', 'words']);
export type Measure = z.infer<typeof Measure>;

export const GridColumn = z.object({
  domainId: Id,
  name: z.string(),
  color: z.string(),
  parentId: Id.nullable(),
  depth: z.number().int().nonnegative(),
  hasChildren: z.boolean(),
});

export const Matrix = z.object({
  dimension: z.string(),
  dimensionLabel: z.string(),
  measure: Measure,
  rows: z.array(
    z.object({
      /** The row's value (for documents, the id as a string); null for documents without a value. */
      key: z.string().nullable(),
      label: z.string(),
      docId: Id.optional(),
      docCount: z.number().int().nonnegative(),
      /** Characters (code points) and words of the row's documents (coverage and words measures only). */
      chars: z.number().int().nonnegative().optional(),
      words: z.number().int().nonnegative().optional(),
    }),
  ),
  columns: z.array(GridColumn),
  /** values[row][column]: claims, documents, percent of characters covered, or words covered. */
  values: z.array(z.array(z.number())),
  rowTotals: z.array(z.number()),
  columnTotals: z.array(z.number()),
  total: z.number(),
});

/** The claims table's filter: the one claim query, domains with their descendants unless `exactDomains`. */
export const ClaimsFilter = TableClaimQuery;

export const GroupColumn = z.enum([
  'document',
  'domain',
  'actor',
  'stance',
  'reliability',
  'credibility',
  'grading',
  'analyst',
  'createdAt',
]);
export type GroupColumn = z.infer<typeof GroupColumn>;

/** A claim as a row of the claims table: with its document's title, its domains' names and its grading. */
export const ClaimsTableRow = Claim.omit({ prefix: true, suffix: true }).extend({
  documentTitle: z.string(),
  domains: z.array(z.string()),
  /** Admiralty grading, e.g. "B2"; empty when neither part is set. */
  grading: z.string(),
});
export type ClaimsTableRow = z.infer<typeof ClaimsTableRow>;

/** A column the claims table can export: any field of its rows. */
export const ClaimsTableColumn = ClaimsTableRow.keyof();
export type ClaimsTableColumn = z.infer<typeof ClaimsTableColumn>;

export const ClaimsPage = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int(),
  rows: z.array(ClaimsTableRow),
});
export type ClaimsPage = z.infer<typeof ClaimsPage>;

export const ClaimGroup = z.object({
  /** The grouped value (null: not set); for documents and domains, their id. */
  value: z.union([z.string(), z.number(), z.null()]),
  label: z.string(),
  count: z.number().int(),
});
export type ClaimGroup = z.infer<typeof ClaimGroup>;

const ExcerptClaim = z.object({
  id: Id,
  docId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string(),
  domainIds: z.array(Id),
});

export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const SharedPassage = z.object({ a: Span, b: Span, similarity: z.number(), words: z.number().int() });

/** A shared passage between two of the compared documents (docs: their ids, a in the first, b in the second). */
export const ComparedPassage = SharedPassage.extend({ docs: z.tuple([Id, Id]) });

export const ComparedPair = z.object({
  docs: z.tuple([Id, Id]),
  similarity: z.number(),
  coverageA: z.number(),
  coverageB: z.number(),
  passages: z.number().int().nonnegative(),
});

/** Fields compareDocuments adds to each domain: claims per document and whether only one document has any. */
export const ComparedDomainFields = {
  parentId: Id.nullable().optional(),
  counts: z.array(z.number().int().nonnegative()).optional(),
  /** Index (in documents) of the only document with claims under this domain; null otherwise. */
  onlyIn: z.number().int().nullable().optional(),
};

/** Fields compareDocuments adds at the top: shared passages per pair of documents. */
export const ComparisonFields = {
  pairs: z.array(ComparedPair).optional(),
  shared: z.array(ComparedPassage).optional(),
};

const GridCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const gridsMethods = {
  /** Rows (documents or attribute values) × domains in codebook order; parents roll up their descendants. */
  getMatrix: method(
    z.object({ rows: RowDimension.default('documents'), measure: Measure.default('count') }),
    Matrix,
  ),
  /** The row dimensions this project offers. */
  listRowDimensions: method(z.object({}), z.array(z.object({ id: z.string(), label: z.string() }))),
  /** Domains × domains: claims tagged with both (same) and overlapping claim pairs (overlap). */
  getCooccurrence: method(
    z.object({}),
    z.object({
      columns: z.array(GridColumn),
      same: z.array(z.array(z.number().int())),
      overlap: z.array(z.array(z.number().int())),
    }),
  ),
  getCooccurrenceExcerpts: method(
    z.object({
      domainA: Id,
      domainB: Id,
      kind: z.enum(['same', 'overlap']),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(1_000).default(100),
    }),
    z.object({
      total: z.number().int().nonnegative(),
      items: z.array(z.object({ docId: Id, title: z.string(), claims: z.array(ExcerptClaim) })),
    }),
  ),
  /** One page of the claims table. */
  queryClaims: method(
    z.object({
      filter: ClaimsFilter.optional(),
      sort: ClaimSort.optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(5_000).default(100),
    }),
    ClaimsPage,
  ),
  /** Claim counts per value of a column (for grouping), over the filtered claims. */
  getClaimGroups: method(z.object({ by: GroupColumn, filter: ClaimsFilter.optional() }), z.array(ClaimGroup)),
  getGridState: method(z.object({ grid: z.string() }), z.object({ grid: z.string(), state: z.unknown() })),
  /** Saves a grid's state (any JSON up to 1 MB); null forgets it. */
  setGridState: method(z.object({ grid: z.string(), state: z.unknown() }), z.object({ grid: z.string() })),
  /** Any grid as shown (header + rows in display order) as CSV or XLSX. */
  exportGrid: method(
    z.object({
      format: z.enum(['csv', 'xlsx']),
      title: z.string().max(200).optional(),
      columns: z.array(z.string()).min(1),
      rows: z.array(z.array(GridCell)).max(1_000_000),
      bom: z.boolean().optional(),
    }),
    FileBlob,
  ),
  /**
   * The claims table as the analyst sees it (the query's claims, in its sort, the listed columns in order) as CSV or
   * XLSX, written by the core from the query rather than from rows sent by the caller.
   */
  exportClaimsTable: method(
    z.object({
      format: z.enum(['csv', 'xlsx']),
      filter: ClaimsFilter.optional(),
      sort: ClaimSort.optional(),
      columns: z
        .array(z.object({ field: ClaimsTableColumn, header: z.string().max(200).optional() }))
        .min(1, 'choose at least one column')
        .max(50),
      title: z.string().max(200).optional(),
      bom: z.boolean().optional(),
    }),
    FileBlob.extend({ count: z.number().int().nonnegative() }),
  ),
  /** The matrix recomputed on the server with its totals, as CSV or XLSX. */
  exportMatrix: method(
    z.object({
      format: z.enum(['csv', 'xlsx']),
      rows: RowDimension.default('documents'),
      measure: Measure.default('count'),
      bom: z.boolean().optional(),
    }),
    FileBlob,
  ),
  /**
   * The co-occurrence table as shown (the kind, rows in the order given or codebook order, columns in codebook
   * order, the diagonal included) as CSV or XLSX.
   */
  exportCooccurrence: method(
    z.object({
      format: z.enum(['csv', 'xlsx']),
      kind: z.enum(['same', 'overlap']).default('same'),
      rowOrder: z.array(Id).max(100_000).optional(),
      bom: z.boolean().optional(),
    }),
    FileBlob,
  ),
  /** Passages two documents share word for word or nearly, and a similarity score for the pair. */
  getSharedPassages: method(
    z.object({ docA: Id, docB: Id, minWords: z.number().int().min(3).max(1_000).optional() }),
    z.object({
      docs: z.tuple([Id, Id]),
      passages: z.array(SharedPassage),
      similarity: z.number(),
      coverageA: z.number(),
      coverageB: z.number(),
    }),
  ),
};
