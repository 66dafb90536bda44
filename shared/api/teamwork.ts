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

// Merging another copy of the project (or a .qdpx) into this one, and a copy for one analyst of a team.

export const DomainRule = z.enum(['keep-ours', 'take-theirs']);

export const MergeInput = z
  .object({
    /** The other project: a .dossier file or a REFI-QDA .qdpx archive. */
    path: z.string().min(1).max(4096),
    /** Only report what would change; nothing is written. */
    dryRun: z.boolean().default(false),
    /** A domain renamed or moved on one side: keep our name and place (default) or take theirs. */
    domains: DomainRule.default('keep-ours'),
  })
  .strict();

const Counts = {
  added: z.number().int().nonnegative(),
  identical: z.number().int().nonnegative(),
  conflicting: z.number().int().nonnegative(),
};

export const MergeDomainItem = z.object({
  name: z.string(),
  status: z.enum(['added', 'renamed', 'moved', 'renamed and moved', 'only ours']),
  /** Our name and theirs (for a rename), our parent and theirs (for a move): '' for the top level. */
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
  /** What the merge did about it. */
  resolution: z.string(),
});

export const MergeConflict = z.object({
  /** Our claim, and the claim added beside it from the other side (null in a dry run). */
  ourClaimId: Id,
  addedClaimId: Id.nullable(),
  documentTitle: z.string(),
  excerpt: z.string(),
  analyst: z.string(),
  /** What differs: range, domains, note, actor, stance, reliability, credibility, analyst. */
  differences: z.array(z.string()),
});

export const MergeReport = z.object({
  source: z.object({ path: z.string(), name: z.string(), kind: z.enum(['dossier', 'qdpx']) }),
  dryRun: z.boolean(),
  domainRule: DomainRule,
  /** The rule applied to claims edited in both copies. */
  conflictRule: z.literal('keep both, theirs marked as a conflict until reviewed'),
  documents: z.object({
    ...Counts,
    /** Documents whose text we had under another title. */
    retitled: z.array(z.object({ ours: z.string(), theirs: z.string() })),
  }),
  domains: z.object({ ...Counts, items: z.array(MergeDomainItem) }),
  claims: z.object({ ...Counts, conflicts: z.array(MergeConflict) }),
  /** What could not be merged, and why. */
  problems: z.array(z.object({ kind: z.string(), name: z.string(), reason: z.string() })),
});

export const CopyForAnalystInput = z
  .object({
    /** The new project file; it must not exist. */
    path: z.string().min(1).max(4096),
    /** Keep this analyst's claims and memos only; without one, the copy has no claims and no memos. */
    analyst: z.string().min(1).max(200).optional(),
  })
  .strict();

export const CopyForAnalystResult = z.object({
  path: z.string(),
  analyst: z.string().nullable(),
  documents: z.number().int().nonnegative(),
  domains: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
});

// Disagreement review: for one domain and two analysts, the passages where their coding differs, and one-click
// resolutions, each one undoable step.

const Pair = z
  .tuple([z.string().min(1).max(200), z.string().min(1).max(200)])
  .refine(([a, b]) => a !== b, 'name two different analysts');

export const DisagreementsInput = z
  .object({
    domainId: Id,
    analysts: Pair,
    docIds: z.array(Id).max(1_000_000).optional(),
    /** The analyst resolutions are recorded under: a passage it has coded with the domain is resolved. */
    consensus: z.string().min(1).max(200).optional(),
  })
  .strict();

export const PassagePiece = z.object({
  /** UTF-16 offsets in the document. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** Who coded this stretch with the domain: the first analyst only, the second only, or both. */
  who: z.enum(['a', 'b', 'both']),
});

export const DisagreementPassage = z.object({
  docId: Id,
  documentTitle: z.string(),
  /** The passage: from the first claim's start to the last claim's end of a run of overlapping claims. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  pieces: z.array(PassagePiece),
  /** Up to 160 characters of the text before and after the passage, and the passage's own text. */
  before: z.string(),
  text: z.string(),
  after: z.string(),
  claimIds: z.object({ a: z.array(Id), b: z.array(Id), consensus: z.array(Id) }),
  resolved: z.boolean(),
});

export const Disagreements = z.object({
  domainId: Id,
  domain: z.string(),
  analysts: z.tuple([z.string(), z.string()]),
  consensus: z.string().nullable(),
  passages: z.array(DisagreementPassage),
});

export const Resolution = z.enum(['accept-a', 'accept-b', 'merge', 'keep-both']);

export const ResolveInput = z
  .object({
    domainId: Id,
    analysts: Pair,
    docId: Id,
    /** The passage, as listed by listDisagreements. */
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    resolution: Resolution,
    /**
     * Record the result as this analyst's claims, leaving both analysts' as they are; without it, both analysts'
     * claims in the passage are changed to the result.
     */
    recordAs: z.string().min(1).max(200).optional(),
  })
  .strict();

export const ResolveResult = z.object({
  resolution: Resolution,
  /** Claims made, and claims deleted or untagged from the domain. */
  created: z.array(Id),
  removed: z.array(Id),
});

/** A claim merged in beside ours because both copies edited it, marked until an analyst chooses. */
export const MergeConflictMark = z.object({
  /** Theirs (the claim the merge added) and ours. */
  claimId: Id,
  withClaimId: Id,
  source: z.string(),
  mergedAt: z.string(),
  docId: Id,
  documentTitle: z.string(),
  theirs: z.object({
    quote: z.string(),
    note: z.string(),
    analyst: z.string(),
    domains: z.array(z.string()),
  }),
  ours: z.object({ quote: z.string(), note: z.string(), analyst: z.string(), domains: z.array(z.string()) }),
});

export const ResolveConflictInput = z
  .object({
    /** The marked claim (theirs). */
    claimId: Id,
    /** Keep ours (theirs is deleted), theirs (ours is deleted), or both (the mark goes). */
    keep: z.enum(['ours', 'theirs', 'both']),
  })
  .strict();

export const teamworkMethods = {
  /**
   * Agreement between analysts over the whole text of the chosen documents: per domain and pooled, percent
   * agreement, Cohen's κ (two analysts; every pair), Krippendorff's α (nominal), and MAXQDA-style segment agreement.
   */
  computeAgreement: method(AgreementInput, Agreement),
  /**
   * Merges another copy of the project (.dossier) or a REFI-QDA project (.qdpx) into this one, as one undoable
   * step; with dryRun, only the report of what it would do.
   */
  mergeProject: method(MergeInput, MergeReport),
  /** Saves a copy with the same documents and codebook, and no claims or only one analyst's. */
  copyForAnalyst: method(CopyForAnalystInput, CopyForAnalystResult),
  /** The passages where two analysts coded one domain differently, with who coded what. */
  listDisagreements: method(DisagreementsInput, Disagreements),
  /** Resolves one passage: accept one analyst's coding, merge into one claim, or keep both (one undoable step). */
  resolveDisagreement: method(ResolveInput, ResolveResult),
  /** Claims kept twice by a merge (edited in both copies), until reviewed. */
  listMergeConflicts: method(z.object({}).strict(), z.array(MergeConflictMark)),
  /** Settles one: keep ours, theirs, or both (one undoable step when a claim is deleted). */
  resolveMergeConflict: method(ResolveConflictInput, z.object({ deleted: Id.nullable() })),
};
