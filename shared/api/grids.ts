import { z } from 'zod';
import { method } from './method';
import { FileBlob, Id } from './model';

// Grids (matrix, co-occurrence, claims table), their saved state and exports, and shared passages for the
// side-by-side comparison. Offsets are UTF-16 code units, like everywhere in the API.

export const Measure = z.enum(['count', 'docs', 'coverage', 'words']);
export type Measure = z.infer<typeof Measure>;

/** documents | source | published | published:month | attr:<name> | attr:<date attribute>:year | …:month */
export const RowDimension = z.string().min(1).max(300);

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

const Stance = z.enum(['supports', 'opposes', 'neutral', 'none']);
const Reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'none']);

export const ClaimsFilter = z.object({
  domainIds: z.array(Id).optional(),
  /** Only the named domains, not their descendants. */
  exactDomains: z.boolean().optional(),
  docIds: z.array(Id).optional(),
  /** The documents of one matrix row (e.g. a cell's excerpts: this plus domainIds). */
  row: z.object({ dimension: RowDimension, key: z.string().nullable() }).optional(),
  actors: z.array(z.string()).optional(),
  stances: z.array(Stance).optional(),
  reliability: z.array(Reliability).optional(),
  credibility: z.array(z.union([z.number().int().min(1).max(6), z.literal('none')])).optional(),
  analysts: z.array(z.string()).optional(),
  search: z.string().max(1_000).optional(),
});

export const SortColumn = z.enum([
  'id',
  'document',
  'start',
  'quote',
  'note',
  'actor',
  'stance',
  'reliability',
  'credibility',
  'grading',
  'analyst',
  'createdAt',
  'updatedAt',
]);
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

export const ClaimsTableRow = z.object({
  id: Id,
  docId: Id,
  documentTitle: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string(),
  note: z.string(),
  domainIds: z.array(Id),
  domains: z.array(z.string()),
  actor: z.string(),
  stance: z.string().nullable(),
  reliability: z.string().nullable(),
  credibility: z.number().int().nullable(),
  grading: z.string(),
  analyst: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

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
      sort: z
        .array(z.object({ column: SortColumn, dir: z.enum(['asc', 'desc']).optional() }))
        .max(5)
        .optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(5_000).default(100),
    }),
    z.object({
      total: z.number().int().nonnegative(),
      offset: z.number().int(),
      rows: z.array(ClaimsTableRow),
    }),
  ),
  /** Claim counts per value of a column (for grouping), over the filtered claims. */
  getClaimGroups: method(
    z.object({ by: GroupColumn, filter: ClaimsFilter.optional() }),
    z.array(
      z.object({
        value: z.union([z.string(), z.number(), z.null()]),
        label: z.string(),
        count: z.number().int(),
      }),
    ),
  ),
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
