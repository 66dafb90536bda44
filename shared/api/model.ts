import { z } from 'zod';

// The data shapes that cross the API boundary. Offsets are UTF-16 code units (JavaScript string indices);
// exporters and the CLI convert them to code points.

export const Id = z.number().int().positive();

export const DocumentSummary = z.object({
  id: Id,
  title: z.string(),
  source: z.string(),
  author: z.string(),
  published: z.string(),
  format: z.string(),
  originalName: z.string(),
  chars: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  importedAt: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const PageSpan = z.object({
  page: z.number().int().positive(),
  start: z.number().int(),
  end: z.number().int(),
});
export type PageSpan = z.infer<typeof PageSpan>;

export const DocumentFull = DocumentSummary.extend({
  url: z.string(),
  fileSize: z.number().int().nonnegative(),
  contentHash: z.string(),
  text: z.string(),
  meta: z.record(z.string(), z.string()),
  pages: z.array(PageSpan),
});
export type DocumentFull = z.infer<typeof DocumentFull>;

export const Domain = z.object({
  id: Id,
  name: z.string(),
  color: z.string(),
  description: z.string(),
  parentId: Id.nullable(),
  order: z.number().int(),
  /** False for a grouping domain (another tool's isCodable="false"): shown in the tree, never applied. */
  codable: z.boolean(),
  /** False when `color` is only Dossier's default for display (the other tool gave none): exports omit it. */
  colorChosen: z.boolean(),
  claims: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
});
export type Domain = z.infer<typeof Domain>;

export const Stance = z.enum(['supports', 'opposes', 'neutral']);
export const Reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
export const Credibility = z.number().int().min(1).max(6);

export const Claim = z.object({
  id: Id,
  docId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  domainIds: z.array(Id),
  actor: z.string(),
  stance: Stance.nullable(),
  reliability: Reliability.nullable(),
  credibility: Credibility.nullable(),
  analyst: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Claim = z.infer<typeof Claim>;

/** Where a claim lies and what it is tagged with: all the Reader needs to paint the highlights. */
export const ClaimSpan = z.object({
  id: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  domainIds: z.array(Id),
});
export type ClaimSpan = z.infer<typeof ClaimSpan>;

export const ImportReport = z.object({
  imported: z.array(z.object({ id: Id, title: z.string(), path: z.string() })),
  skipped: z.array(
    z.object({
      path: z.string(),
      reason: z.string(),
      /** The document already holding the same text, when that is why the file was skipped. */
      existingId: Id.optional(),
      existingTitle: z.string().optional(),
    }),
  ),
  failed: z.array(
    z.object({
      path: z.string(),
      error: z.string(),
      /** An encrypted PDF whose password is missing ('needed') or wrong ('incorrect'): ask and import again. */
      password: z.enum(['needed', 'incorrect']).optional(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const FileBlob = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** File contents, base64-encoded so that the same shape crosses IPC and HTTP. */
  base64: z.string(),
});
export type FileBlob = z.infer<typeof FileBlob>;
