import { z } from 'zod';
import { method } from './method';
import { Claim, Id } from './model';

// Suggestions learned from the analyst's own claims (issue 17), entirely offline: a model per project trained on
// its claims, in a worker, stored in the project file. Offsets are the stored text's UTF-16 units.

const Span = { docId: Id, start: z.number().int().nonnegative(), end: z.number().int().positive() };

export const DomainScore = z.object({ domainId: Id, score: z.number().min(0).max(1) });
export type DomainScore = z.infer<typeof DomainScore>;

export const Suggestion = z.object({
  docId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** text.slice(start, end) */
  quote: z.string(),
  domainId: Id,
  score: z.number(),
  /** Up to 160 characters of the text either side, for the review drawer. */
  before: z.string(),
  after: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestInput = z
  .object({
    docIds: z.array(Id).max(1_000_000).optional(),
    setIds: z.array(Id).max(10_000).optional(),
    /** Every document (default when neither docIds nor setIds is given). */
    all: z.boolean().optional(),
    domainIds: z.array(Id).max(10_000).optional(),
    minScore: z.number().min(0).max(1).optional(),
    unit: z.enum(['sentence', 'paragraph']).default('sentence'),
    limit: z.number().int().positive().max(10_000).default(500),
  })
  .strict();

export const DomainFigures = z.object({
  domainId: Id,
  examples: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  hidden: z.boolean(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
});

export const ModelInfo = z.object({
  trained: z.boolean(),
  /** Claims or rejections changed since it was trained (a retrain is scheduled). */
  stale: z.boolean(),
  training: z.boolean(),
  trainedAt: z.string().nullable(),
  passages: z.number().int().nonnegative(),
  folds: z.number().int().nonnegative(),
  trainMs: z.number().nonnegative(),
  minExamples: z.number().int(),
  minDocuments: z.number().int(),
  domains: z.array(DomainFigures),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

export const Dispute = z.object({
  claimId: Id,
  docId: Id,
  quote: z.string(),
  domainId: Id,
  score: z.number(),
  preferredDomainId: Id.nullable(),
  preferredScore: z.number().nullable(),
});

const Decision = z.object({ ...Span, domainId: Id }).strict();

export const suggestMethods = {
  /** Each learnt domain's score for a selection (the tag popover: a mark, never a reordering). */
  rankDomains: method(z.object(Span).strict(), z.array(DomainScore)),
  suggestClaims: method(SuggestInput, z.object({ trained: z.boolean(), suggestions: z.array(Suggestion) })),
  /** The analyst accepts one suggestion: a claim of theirs, marked suggested (undoable). */
  acceptSuggestion: method(Decision, Claim),
  /** The analyst rejects one: kept as a negative example for its domain. */
  rejectSuggestion: method(Decision, z.object({ rejected: z.number().int().nonnegative() })),
  /** Claims whose domain the model strongly disputes. */
  consistencyCheck: method(
    z.object({ below: z.number().min(0).max(1).default(0.15) }).strict(),
    z.array(Dispute),
  ),
  getModel: method(z.object({}).strict(), ModelInfo),
  /** Trains now (waits for it) and answers the new figures. */
  trainModel: method(z.object({}).strict(), ModelInfo),
};
