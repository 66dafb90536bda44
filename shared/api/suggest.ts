import { z } from 'zod';
import { method } from './method';
import { Claim, Id } from './model';

// Suggestions learned from the analyst's own claims (issue 17), entirely offline: a model per project trained on
// its claims, in a worker, stored in the project file. Offsets are the stored text's UTF-16 units.

const JobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a job id is 1 to 64 letters, digits, _ or -');

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
    /**
     * Names the run (chosen by the caller) so that its progress can be followed on the change stream (a
     * `suggest` event with `job`) and cancelSuggestions can stop it.
     */
    jobId: JobId.optional(),
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
  /** The model is fitted and serves suggestions; its cross-validated figures are still being measured (null). */
  measuring: z.boolean(),
  /** Why the last training failed (time limit, memory), null when it did not. */
  lastError: z.string().nullable(),
  trainedAt: z.string().nullable(),
  passages: z.number().int().nonnegative(),
  folds: z.number().int().nonnegative(),
  trainMs: z.number().nonnegative(),
  /** Whether the last training ran in the suggestion worker (false: on the calling thread). */
  trainedInWorker: z.boolean(),
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

/** How a scoring run stopped early: cancelled by the analyst, or out of time (what was scored is kept). */
export const Stopped = z.enum(['cancelled', 'time_limit']).nullable();

/**
 * Pushed on the change stream: the model's state changed (training started, finished, failed; edits made it
 * stale), or a scoring run progressed.
 */
export const SuggestEvent = z.object({
  type: z.literal('suggest'),
  /** Never set (the doors' filter reads it): a model's state and a run's progress go to every window. */
  origin: z.undefined().optional(),
  model: z
    .object({
      training: z.boolean(),
      /** Fitted and serving suggestions; the same training still measures its figures. */
      measuring: z.boolean(),
      stale: z.boolean(),
      trainedAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .optional(),
  job: z
    .object({
      jobId: z.string(),
      /** Documents scored so far, of total. */
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      state: z.enum(['running', 'done', 'cancelled', 'time_limit', 'failed']),
    })
    .optional(),
});
export type SuggestEvent = z.infer<typeof SuggestEvent>;

const Decision = z.object({ ...Span, domainId: Id }).strict();

export const suggestMethods = {
  /** Each learnt domain's score for a selection (the tag popover: a mark, never a reordering). */
  rankDomains: method(z.object(Span).strict(), z.array(DomainScore)),
  /** Scores in a worker thread (other calls are answered meanwhile); `stopped` when it ended early. */
  suggestClaims: method(
    SuggestInput,
    z.object({ trained: z.boolean(), suggestions: z.array(Suggestion), stopped: Stopped }),
  ),
  /** Stops a suggestClaims run by its jobId; it answers with what it had scored. False when none is running. */
  cancelSuggestions: method(z.object({ jobId: JobId }).strict(), z.object({ cancelled: z.boolean() })),
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
