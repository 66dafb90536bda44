import { z } from 'zod';
import { Credibility, Domain, FileBlob, Id, Reliability, Stance } from './model';
import { method } from './method';

// The analyst's core loop beyond the skeleton: settings (analyst's name), claim filters and suggestions, undo/redo,
// codebook editing and templates, autocode. Offsets are UTF-16 code units, as everywhere in the API.

const Name = z.string().max(200);
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4');
const LongText = z.string().max(100_000);

export const CodebookTemplate = z.object({
  name: z.string(),
  description: z.string(),
  domains: z.array(
    z.object({
      name: z.string().min(1),
      color: Color,
      description: z.string(),
      inclusion: z.string().optional(),
      exclusion: z.string().optional(),
      parent: z.string().optional(),
    }),
  ),
});
export type CodebookTemplate = z.infer<typeof CodebookTemplate>;

export const CodebookDomain = Domain.extend({
  inclusion: z.string(),
  exclusion: z.string(),
  depth: z.number().int().nonnegative(),
});
export type CodebookDomain = z.infer<typeof CodebookDomain>;

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** e.g. "tag claim", "merge domains": the UI shows "Undo tag claim". */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

export const HistoryStep = z.object({
  /** The edit undone or redone; null when there was nothing to undo (or redo), in which case nothing changed. */
  label: z.string().nullable(),
  claimIds: z.array(Id),
  docIds: z.array(Id),
  domainIds: z.array(Id),
  codebookChanged: z.boolean(),
  state: HistoryState,
});
export type HistoryStep = z.infer<typeof HistoryStep>;

const NamedRef = z.object({ id: Id, name: z.string() });

export const MergePreview = z.object({
  source: NamedRef,
  target: NamedRef,
  claims: z.number().int().nonnegative(),
  alreadyInTarget: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  children: z.number().int().nonnegative(),
});

export const DeletePreview = z.object({
  domain: NamedRef,
  claims: z.number().int().nonnegative(),
  claimsWithoutOtherDomain: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  children: z.number().int().nonnegative(),
  childrenMoveTo: NamedRef.nullable(),
});

export const AutocodeUnit = z.enum(['hit', 'sentence', 'paragraph', 'words']);
export type AutocodeUnit = z.infer<typeof AutocodeUnit>;

export const AutocodeHit = z.object({
  docId: Id,
  docTitle: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
  /** An existing claim with exactly this range, if any. */
  claimId: Id.nullable(),
  /** The domains of that claim (empty when there is none). */
  claimDomainIds: z.array(Id),
  /**
   * The matches inside [start, end) (document offsets), in text order: with a context unit the passage holds its
   * hit, and several hits whose passages overlap share one. Left out by older cores: then [start, end) is the hit.
   */
  marks: z
    .array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }))
    .optional(),
});
export type AutocodeHit = z.infer<typeof AutocodeHit>;

export const AutocodeQuery = z.object({
  pattern: z.string().min(1, 'type something to search for').max(10_000),
  /** Treat the pattern as a JavaScript regular expression (Unicode mode) rather than literal text. */
  regex: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  /** Only matches that neither start nor end inside a word. */
  wholeWord: z.boolean().optional(),
  /** One document; the whole corpus when left out. */
  docId: Id.optional(),
  /** Hits returned (the total is still counted); default 5,000. */
  limit: z.number().int().positive().max(50_000).optional(),
  /** Characters of context shown each side; default 60. */
  context: z.number().int().nonnegative().max(1_000).optional(),
  /** What each hit becomes as a claim: the hit itself (default), its sentence, its paragraph, or N words around. */
  unit: AutocodeUnit.optional(),
  /** Words each side of the hit for unit "words"; default 10. */
  words: z.number().int().positive().max(500).optional(),
});
export type AutocodeQuery = z.infer<typeof AutocodeQuery>;

export const AutocodeSearch = z.object({
  hits: z.array(AutocodeHit),
  /** Every match found, including those past the limit. */
  total: z.number().int().nonnegative(),
  truncated: z.boolean(),
  /** Documents with at least one match. */
  documents: z.number().int().nonnegative(),
  /** Matches left out because they are only white space (they cannot be claims); empty matches are ignored. */
  skipped: z.number().int().nonnegative(),
  /** Returned matches that share their passage with another (so `hits` holds fewer passages than matches). */
  merged: z.number().int().nonnegative().optional(),
});
export type AutocodeSearch = z.infer<typeof AutocodeSearch>;

export const AutocodeResult = z.object({
  /** New claims. */
  created: z.number().int().nonnegative(),
  /** Existing claims with exactly a hit's range that gained a domain. */
  updated: z.number().int().nonnegative(),
  /** Existing claims with exactly a hit's range that already had every chosen domain. */
  unchanged: z.number().int().nonnegative(),
  /** The claims for the hits, in the order of the hits (after removing repeated hits). */
  claimIds: z.array(Id),
});
export type AutocodeResult = z.infer<typeof AutocodeResult>;

const DomainDetails = {
  description: LongText.optional(),
  inclusion: LongText.optional(),
  exclusion: LongText.optional(),
};

export const codebookMethods = {
  getSettings: method(z.object({}), z.object({ analyst: z.string() })),
  updateSettings: method(z.object({ analyst: Name.optional() }), z.object({ analyst: z.string() })),

  listActors: method(
    z.object({
      prefix: z.string().max(1_000).optional(),
      limit: z.number().int().positive().max(1_000).optional(),
    }),
    z.array(z.object({ actor: z.string(), claims: z.number().int().positive() })),
  ),
  getEditLog: method(
    z.object({ entity: z.enum(['claim', 'domain']), id: Id }),
    z.array(z.object({ at: z.string(), analyst: z.string(), action: z.string() })),
  ),

  historyState: method(z.object({}), HistoryState),
  undo: method(z.object({}), HistoryStep),
  redo: method(z.object({}), HistoryStep),

  getCodebook: method(z.object({}), z.array(CodebookDomain)),
  /** Ids of the domains named as typed (case-insensitive), in order; `not_found` for an unknown name. */
  domainIdsByName: method(z.object({ names: z.array(z.string().max(1_000)).max(10_000) }), z.array(Id)),
  createDomain: method(
    z.object({ name: Name, color: Color.optional(), parentId: Id.nullable().optional(), ...DomainDetails }),
    CodebookDomain,
  ),
  updateDomain: method(
    z.object({ id: Id, name: Name.optional(), color: Color.optional(), ...DomainDetails }),
    CodebookDomain,
  ),
  moveDomain: method(
    z.object({
      id: Id,
      parentId: Id.nullable().optional(),
      index: z.number().int().nonnegative().optional(),
    }),
    CodebookDomain,
  ),
  previewMergeDomains: method(z.object({ sourceId: Id, targetId: Id }), MergePreview),
  mergeDomains: method(z.object({ sourceId: Id, targetId: Id }), MergePreview),
  previewDeleteDomain: method(z.object({ id: Id }), DeletePreview),
  deleteDomain: method(
    z.object({ id: Id, deleteClaims: z.boolean().optional() }),
    DeletePreview.extend({ deletedClaims: z.number().int().nonnegative() }),
  ),

  listTemplates: method(
    z.object({}),
    z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        domains: z.number().int(),
        builtIn: z.boolean(),
      }),
    ),
  ),
  exportCodebook: method(
    z.object({ name: Name.optional(), description: z.string().max(10_000).optional() }),
    z.object({ template: CodebookTemplate, file: FileBlob }),
  ),
  saveCodebookTemplate: method(
    z.object({
      name: Name,
      description: z.string().max(10_000).optional(),
      overwrite: z.boolean().optional(),
    }),
    z.object({ name: z.string(), path: z.string(), domains: z.number().int() }),
  ),
  applyCodebookTemplate: method(
    z
      .object({ name: z.string().max(1_000).optional(), template: CodebookTemplate.optional() })
      .refine(
        (x) => (x.name === undefined) !== (x.template === undefined),
        'give either a template name or a template',
      ),
    z.object({ created: z.array(z.string()), existing: z.array(z.string()) }),
  ),

  autocodeSearch: method(AutocodeQuery, AutocodeSearch),
  autocodeApply: method(
    z.object({
      hits: z
        .array(
          z
            .object({ docId: Id, start: z.number().int().nonnegative(), end: z.number().int().positive() })
            .refine((h) => h.end > h.start, 'end must be greater than start'),
        )
        .min(1, 'choose at least one hit')
        .max(50_000),
      domainIds: z.array(Id).min(1, 'choose at least one domain'),
      note: z.string().max(100_000).optional(),
      actor: z.string().max(1_000).optional(),
      stance: Stance.nullable().optional(),
      reliability: Reliability.nullable().optional(),
      credibility: Credibility.nullable().optional(),
    }),
    AutocodeResult,
  ),
};
