import { z } from 'zod';
import { method } from './method';
import { Id } from './model';

// Teamwork: agreement between analysts who coded the same documents (issue 15). The unit of the character-level
// measures is the character as a Unicode code point of the stored text (what the grids' coverage and the CLI count);
// segment positions come in UTF-16 code units like everywhere in the API, and in code points beside them.

export const MAX_AGREEMENT_ANALYSTS = 30;

export const AgreementInput = z
  .object({
    /** The analysts to compare, as recorded on their claims (exact names); two or more, no repeats. */
    analysts: z
      .array(z.string().min(1).max(200))
      .min(2, 'name at least two analysts')
      .max(MAX_AGREEMENT_ANALYSTS)
      .refine((a) => new Set(a).size === a.length, 'an analyst is named twice'),
    /** Only these domains (ids); with `domains`, the union of both. Default: every domain that can be coded. */
    domainIds: z.array(Id).max(10_000).optional(),
    /** Only these domains (names, case-insensitive). */
    domains: z.array(z.string().min(1).max(300)).max(10_000).optional(),
    /** Only these documents. Default: every document. */
    docIds: z.array(Id).max(1_000_000).optional(),
    /** Segment-level agreement: the share of a segment (percent) the other analyst must have coded. */
    segmentThreshold: z.number().gt(0).max(100).default(90),
  })
  .strict();

const Nullable = z.number().nullable();

/** Cohen's κ and percent agreement of one pair of analysts (every pair, whatever the number of analysts). */
export const AgreementPair = z.object({
  analysts: z.tuple([z.string(), z.string()]),
  percentAgreement: Nullable,
  kappa: Nullable,
  kappaReason: z.string().nullable(),
  /** Characters coded by both, by the first only, by the second only, by neither. */
  both: z.number().int().nonnegative(),
  onlyFirst: z.number().int().nonnegative(),
  onlySecond: z.number().int().nonnegative(),
  neither: z.number().int().nonnegative(),
});

export const SegmentSummary = z.object({
  total: z.number().int().nonnegative(),
  agreed: z.number().int().nonnegative(),
  /** agreed / total; null when there is no segment. */
  fraction: Nullable,
});

const MeasureFields = {
  /** Characters on which all the analysts agree (all coded or none), as a fraction of `characters`. */
  percentAgreement: Nullable,
  /** Cohen's κ (two analysts only; with more, see `pairs`). */
  kappa: Nullable,
  kappaReason: z.string().nullable(),
  /** Krippendorff's α, nominal, from the coincidence matrix of the analysts' coded / not coded values. */
  alpha: Nullable,
  alphaReason: z.string().nullable(),
  /** Units: characters (code points) of the chosen documents; for overall, characters × pooled domains. */
  characters: z.number().int().nonnegative(),
  agreedCharacters: z.number().int().nonnegative(),
  /** Characters each analyst coded (in the order of `analysts`). */
  coded: z.array(z.object({ analyst: z.string(), characters: z.number().int().nonnegative() })),
  pairs: z.array(AgreementPair),
  segments: SegmentSummary,
};

export const DomainAgreement = z.object({
  domainId: Id,
  domain: z.string(),
  /** False when none of the analysts coded this domain in the chosen documents (it is left out of overall). */
  used: z.boolean(),
  ...MeasureFields,
  percentAgreement: z.number(),
});

export const AgreementSegment = z.object({
  claimId: Id,
  docId: Id,
  documentTitle: z.string(),
  /** UTF-16 offsets, like every position in the API. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The same positions in Unicode code points. */
  charStart: z.number().int().nonnegative(),
  charEnd: z.number().int().positive(),
  /** The start of the quote (up to 80 characters, … when cut). */
  excerpt: z.string(),
  analyst: z.string(),
  domainId: Id,
  domain: z.string(),
  /** Share of the segment each other analyst coded with the same domain. */
  coveredBy: z.array(z.object({ analyst: z.string(), fraction: z.number() })),
  /** Every other analyst coded the domain over at least the threshold's share of the segment. */
  agreed: z.boolean(),
});

export const Agreement = z.object({
  analysts: z.array(z.string()),
  unit: z.literal('character'),
  documents: z.number().int().nonnegative(),
  /** Characters (code points) of the chosen documents. */
  characters: z.number().int().positive(),
  segmentThreshold: z.number(),
  domains: z.array(DomainAgreement),
  overall: z.object({
    /** Domains pooled: the chosen domains at least one analyst used (ids, in codebook order). */
    domainIds: z.array(Id),
    ...MeasureFields,
    /** Why there is no overall figure (no analyst used any chosen domain); null otherwise. */
    reason: z.string().nullable(),
  }),
  segments: z.array(AgreementSegment),
});

export const teamworkMethods = {
  /**
   * Agreement between analysts over the whole text of the chosen documents: per domain and pooled, percent
   * agreement, Cohen's κ (two analysts; every pair), Krippendorff's α (nominal), and MAXQDA-style segment agreement.
   */
  computeAgreement: method(AgreementInput, Agreement),
};
