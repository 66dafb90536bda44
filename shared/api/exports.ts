import { z } from 'zod';
import { method } from './method';
import { ClaimQuery, ClaimQueryInput, ExportClaimQueryFields, exportClaimQueryOf } from './claimQuery';
import { Credibility, Id, Reliability } from './model';

// Excerpt exports (CSV, XLSX, W3C Web Annotation, reports) and REFI-QDA exchange. The export itself is the
// `exportExcerpts` method in core.ts; this module holds its formats and filters and the methods around it.

export const EXPORT_FORMATS = ['csv', 'xlsx', 'w3c', 'md', 'html', 'docx', 'qdpx', 'qdc'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/**
 * How a .qdpx counts startPosition/endPosition: Unicode code points (QualCoder, Dossier) or UTF-16 code units
 * (NVivo). They differ only after a character outside the Basic Multilingual Plane (an emoji, a rare CJK
 * ideograph, a mathematical letter). See INTEROP.md for which tool reads which.
 */
export const QDPX_POSITIONS = ['codepoints', 'utf16'] as const;
export const QdpxPositions = z.enum(QDPX_POSITIONS);
export type QdpxPositions = z.infer<typeof QdpxPositions>;

export const ExportFormatInfo = z.object({
  format: ExportFormat,
  label: z.string(),
  extension: z.string(),
  mimeType: z.string(),
  description: z.string(),
  /** What the count of an export means. */
  unit: z.enum(['rows', 'excerpts', 'claims', 'codes']),
  /** False when the format ignores the filters (the codebook). */
  filters: z.boolean(),
});
export type ExportFormatInfo = z.infer<typeof ExportFormatInfo>;

/** The formats in the order a picker shows them; pure data, so the renderer may use it directly. */
export const EXPORT_FORMAT_INFO: readonly ExportFormatInfo[] = [
  {
    format: 'csv',
    label: 'CSV',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    description:
      'One row per claim and domain, UTF-8 (optionally with a BOM for Excel). A cell starting with =, +, -, @, tab or CR gets a leading apostrophe, so that a spreadsheet shows it as text and never runs it as a formula.',
    unit: 'rows',
    filters: true,
  },
  {
    format: 'xlsx',
    label: 'Excel workbook',
    extension: 'xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    description: 'An "All" sheet and one sheet per domain, header frozen, filters on.',
    unit: 'rows',
    filters: true,
  },
  {
    format: 'w3c',
    label: 'W3C Web Annotation (JSON-LD)',
    extension: 'jsonld',
    mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    description: 'An AnnotationCollection for Hypothesis, Recogito and other annotation tools.',
    unit: 'claims',
    filters: true,
  },
  {
    format: 'md',
    label: 'Report (Markdown)',
    extension: 'md',
    mimeType: 'text/markdown;charset=utf-8',
    description: 'Excerpts grouped by domain and document, with citations and notes.',
    unit: 'excerpts',
    filters: true,
  },
  {
    format: 'html',
    label: 'Report (HTML)',
    extension: 'html',
    mimeType: 'text/html;charset=utf-8',
    description: 'The report as a self-contained page that prints well.',
    unit: 'excerpts',
    filters: true,
  },
  {
    format: 'docx',
    label: 'Report (Word)',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    description: 'The report as a Word document.',
    unit: 'excerpts',
    filters: true,
  },
  {
    format: 'qdpx',
    label: 'REFI-QDA project (.qdpx)',
    extension: 'qdpx',
    mimeType: 'application/zip',
    description: 'Texts, codebook, coded passages and notes for NVivo, MAXQDA, ATLAS.ti or QualCoder.',
    unit: 'claims',
    filters: true,
  },
  {
    format: 'qdc',
    label: 'REFI-QDA codebook (.qdc)',
    extension: 'qdc',
    mimeType: 'application/xml',
    description: 'The codebook alone, with hierarchy, colours and descriptions.',
    unit: 'codes',
    filters: false,
  },
];

/**
 * The filters every export shares: the one claim query (shared/api/claimQuery.ts), exactly the listed domains, an
 * empty list meaning "all"; the older spellings (reliability, credibility) are still accepted.
 */
export const ExportFilterFields = ExportClaimQueryFields;
/** A resolved export filter, as the core takes it. */
export const ExportFilter = ClaimQuery;
export type ExportFilter = ClaimQuery;

export const ImportIssue = z.object({ kind: z.string(), name: z.string(), reason: z.string() });

export const QdpxImportReport = z.object({
  /** The new project file. */
  path: z.string(),
  name: z.string(),
  sources: z.number().int(),
  codes: z.number().int(),
  claims: z.number().int(),
  notes: z.number().int(),
  /** Notes that came in as memos (the project's own, and those Dossier wrote as memos). */
  memos: z.number().int(),
  /** Sets of sources that came in as document sets. */
  sets: z.number().int(),
  users: z.number().int(),
  variables: z.number().int(),
  /** How the file's positions were counted (per file; a source read otherwise has a "positions" problem). */
  positions: z.object({
    unit: z.enum(['utf16', 'codepoint']),
    lineEnds: z.enum(['crlf', 'lf']),
    /** The tool Project@origin names, or '' when it names none Dossier knows. */
    producer: z.string(),
    basis: z.string(),
  }),
  skipped: z.array(ImportIssue),
  problems: z.array(ImportIssue),
});
export type QdpxImportReport = z.infer<typeof QdpxImportReport>;

export const QdcImportReport = z.object({
  /** Codes in the file. */
  codes: z.number().int(),
  /** New domains added to the codebook. */
  created: z.number().int(),
  /** Codes that matched a domain already in the codebook (same GUID or name). */
  existing: z.number().int(),
  problems: z.array(ImportIssue),
});
export type QdcImportReport = z.infer<typeof QdcImportReport>;

const Upload = {
  fileName: z.string().min(1).max(1_000),
  /** File contents, base64-encoded. */
  base64: z.string().min(1, 'the file is empty'),
};

export const exportsMethods = {
  listExportFormats: method(z.object({}), z.array(ExportFormatInfo)),
  /** What the filters can choose from: analysts, document attributes with their values, gradings in use. */
  getExportFilterOptions: method(
    z.object({}),
    z.object({
      analysts: z.array(z.string()),
      attributes: z.array(
        z.object({ id: Id, name: z.string(), type: z.string(), values: z.array(z.string()) }),
      ),
      reliability: z.array(Reliability),
      credibility: z.array(Credibility),
    }),
  ),
  /** How much an export with these filters would hold, for a live count beside the filters. */
  countExcerpts: method(
    ClaimQueryInput.transform(exportClaimQueryOf),
    z.object({
      claims: z.number().int(),
      rows: z.number().int(),
      documents: z.number().int(),
    }),
  ),
  /**
   * Imports a .qdpx into a NEW project file beside the open one (named after `projectName`, or the file);
   * the open project is not changed. The result names the new file so that the UI can open it.
   */
  importQdpx: method(
    z.object({
      ...Upload,
      projectName: z
        .string()
        .max(200)
        .regex(/^[^/\\:*?"<>|]+$/, 'a project name cannot hold / \\ : * ? " < > |')
        .optional(),
    }),
    QdpxImportReport,
  ),
  /** Merges a REFI-QDA codebook (.qdc) into the open project's codebook. */
  importQdc: method(z.object(Upload), QdcImportReport),
  /**
   * The export filter for names as the analyst types them (domain names, attribute "name=value", gradings such as
   * "B2"), as the CLI takes them; `not_found` for an unknown domain or attribute.
   */
  resolveExportFilter: method(
    z.object({
      domains: z.array(z.string().max(1_000)).optional(),
      docIds: z.array(Id).optional(),
      attributes: z.array(z.string().max(2_000)).optional(),
      analysts: z.array(z.string().max(1_000)).optional(),
      grading: z.array(z.string().max(20)).optional(),
    }),
    ExportFilter,
  ),
};
