import { z } from 'zod';
import { Credibility, Id, Reliability, Stance } from './model';

// The one claim query: which claims a listing, the claims table, its groups, an export or a count is about. Every
// door speaks it; the core turns it into one SQL condition (electron/core/claimQuery.ts). A new filter is a field
// here and a clause there, and every door has it at once.

/** documents | source | published | published:month | attr:<name> | attr:<date attribute>:year | …:month */
export const RowDimension = z.string().min(1).max(300);

const Text = z.string().max(1_000);

/** 'none' stands for "not set" (a claim without a stance, a reliability, a credibility). */
export const StanceChoice = z.enum([...Stance.options, 'none']);
export const ReliabilityChoice = z.enum([...Reliability.options, 'none']);
export const CredibilityChoice = z.union([Credibility, z.literal('none')]);

/**
 * All fields combine with AND. A missing field is no condition; a list keeps the claims whose value is in it (so an
 * empty list keeps none: the doors whose pickers mean "all" by an empty list drop it, see claimQueryOf).
 */
export const ClaimQueryFields = {
  docIds: z.array(Id).optional(),
  /** Claims in the documents of any of these document sets. */
  setIds: z.array(Id).optional(),
  /** Claims tagged with these domains: with any of them (domainMatch 'any', the default) or with each ('all'). */
  domainIds: z.array(Id).optional(),
  domainMatch: z.enum(['any', 'all']).optional(),
  /** A claim tagged with a descendant of a listed domain counts as tagged with it (default false). */
  subdomains: z.boolean().optional(),
  /** The documents of one matrix row: a row dimension and the row's key (null: documents without a value). */
  row: z.object({ dimension: RowDimension, key: z.string().nullable() }).optional(),
  /** Documents whose attribute has one of the values; several attributes must all match. */
  attributes: z.array(z.object({ attributeId: Id, values: z.array(Text).min(1) })).optional(),
  /** Exact actors, case-insensitive, trimmed; '' keeps claims without one. */
  actors: z.array(Text).optional(),
  /** Exact analysts, case-insensitive, trimmed. */
  analysts: z.array(Text).optional(),
  stances: z.array(StanceChoice).optional(),
  reliabilities: z.array(ReliabilityChoice).optional(),
  credibilities: z.array(CredibilityChoice).optional(),
  /** Words the quote or the note contains (full-text, case- and accent-insensitive; the last word may be a prefix). */
  search: Text.optional(),
};
export const ClaimQuery = z.object(ClaimQueryFields);
export type ClaimQuery = z.infer<typeof ClaimQuery>;

/**
 * The spellings the doors used before the one query (listClaims: docId, domainId, actor, analyst, query; the claims
 * table and exports: reliability, credibility, exactDomains). Still accepted at the API's edge and mapped to the
 * query by claimQueryOf, so that no caller breaks; the core sees only ClaimQuery.
 */
export const ClaimQueryAliasFields = {
  docId: Id.optional(),
  domainId: Id.optional(),
  actor: Text.optional(),
  analyst: Text.optional(),
  query: Text.optional(),
  reliability: z.array(ReliabilityChoice).optional(),
  credibility: z.array(CredibilityChoice).optional(),
  exactDomains: z.boolean().optional(),
};
export const ClaimQueryInput = z.object({ ...ClaimQueryFields, ...ClaimQueryAliasFields });
export type ClaimQueryInput = z.infer<typeof ClaimQueryInput>;

export interface ClaimQueryDefaults {
  /** Whether domains include their descendants when the input does not say (the claims table: yes). */
  subdomains: boolean;
  /** Whether an empty list means "all" (pickers with nothing ticked) rather than "none". */
  emptyListsMeanAll: boolean;
}

const LIST_FIELDS = [
  'docIds',
  'setIds',
  'domainIds',
  'attributes',
  'actors',
  'analysts',
  'stances',
  'reliabilities',
  'credibilities',
] as const;

function joined<T>(...parts: (T[] | T | undefined)[]): T[] | undefined {
  if (parts.every((p) => p === undefined)) return undefined;
  return [...new Set(parts.flatMap((p) => (p === undefined ? [] : Array.isArray(p) ? p : [p])))];
}

/** Maps what a door sent, in either spelling, to the one query. */
export function claimQueryOf(i: ClaimQueryInput, defaults: ClaimQueryDefaults): ClaimQuery {
  const search = [i.search, i.query].filter((s) => s !== undefined && s.trim() !== '').join(' ');
  const q: ClaimQuery = {
    docIds: joined(i.docIds, i.docId),
    setIds: i.setIds,
    domainIds: joined(i.domainIds, i.domainId),
    domainMatch: i.domainMatch,
    subdomains: i.subdomains ?? (i.exactDomains !== undefined ? !i.exactDomains : defaults.subdomains),
    row: i.row,
    attributes: i.attributes,
    actors: joined(i.actors, i.actor),
    analysts: joined(i.analysts, i.analyst),
    stances: i.stances,
    reliabilities: joined(i.reliabilities, i.reliability),
    credibilities: joined(i.credibilities, i.credibility),
    search: search || undefined,
  };
  for (const k of LIST_FIELDS) {
    if (q[k] === undefined || (defaults.emptyListsMeanAll && q[k].length === 0)) delete q[k];
  }
  for (const k of Object.keys(q) as (keyof ClaimQuery)[]) if (q[k] === undefined) delete q[k];
  return q;
}

/** The claims table's and the matrix's filter: domains include their descendants, an empty list means all. */
export const TableClaimQuery = ClaimQueryInput.transform((i) =>
  claimQueryOf(i, { subdomains: true, emptyListsMeanAll: true }),
);
/** The exports' filter: exactly the listed domains, an empty list means all. */
export const ExportClaimQueryFields = { ...ClaimQueryFields, ...ClaimQueryAliasFields };
export const exportClaimQueryOf = (i: ClaimQueryInput): ClaimQuery =>
  claimQueryOf(i, { subdomains: false, emptyListsMeanAll: true });

export const SORT_COLUMNS = [
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
] as const;
export const SortColumn = z.enum(SORT_COLUMNS);
export type SortColumn = z.infer<typeof SortColumn>;

export const ClaimSort = z
  .array(z.object({ column: SortColumn, dir: z.enum(['asc', 'desc']).optional() }))
  .max(5);
export type ClaimSort = z.infer<typeof ClaimSort>;
