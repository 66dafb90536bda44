import { z } from 'zod';
import {
  Claim,
  ClaimSpan,
  Credibility,
  DocumentFull,
  DocumentSummary,
  Domain,
  FileBlob,
  Id,
  Reliability,
  Stance,
} from './model';
import { ClaimQueryInput, claimQueryOf, exportClaimQueryOf } from './claimQuery';
import { ExportFilterFields, ExportFormat, QdpxPositions } from './exports';
import { ComparedDomainFields, ComparisonFields } from './grids';
import { method } from './method';
import { DocumentPageInput } from './documentPage';

const ClaimFields = {
  note: z.string().max(100_000).optional(),
  actor: z.string().max(1_000).optional(),
  stance: Stance.nullable().optional(),
  reliability: Reliability.nullable().optional(),
  credibility: Credibility.nullable().optional(),
};

/** The walking skeleton's methods: project, documents, codebook, claims, grid, comparison, CSV export. */
export const coreMethods = {
  getProject: method(
    z.object({}),
    z.object({
      name: z.string(),
      path: z.string(),
      documents: z.number().int(),
      claims: z.number().int(),
      domains: z.number().int(),
      analyst: z.string(),
      /** The sample project made on first start (made-up documents), marked as such wherever it is named. */
      sample: z.boolean(),
      /** True when the project could not be opened for writing: every change answers `read_only`. */
      readOnly: z.boolean(),
      /** Why: "the file is read-only", "its folder … cannot be written", "the disk holding it is full". */
      readOnlyReason: z.string().optional(),
    }),
  ),
  /** A page of the documents (issue 16: never all of them by accident): pageDocuments' input, without the
   * attribute values; `total` counts what the filter matches. Callers that want every document page on. */
  listDocuments: method(
    DocumentPageInput,
    z.object({ rows: z.array(DocumentSummary), total: z.number().int().nonnegative() }),
  ),
  getDocument: method(z.object({ id: Id }), DocumentFull),
  listDomains: method(z.object({}), z.array(Domain)),
  /** Claims in document and text order; the query's fields, or their older spellings (docId, analyst, query…). */
  listClaims: method(
    z
      .object({
        ...ClaimQueryInput.shape,
        limit: z.number().int().positive().optional(),
        offset: z.number().int().nonnegative().optional(),
      })
      .transform(({ limit, offset, ...q }) => ({
        query: claimQueryOf(q, { subdomains: false, emptyListsMeanAll: false }),
        limit,
        offset,
      })),
    z.array(Claim),
  ),
  /** The claims of one document as spans only, in text order: a tenth of listClaims' payload on dense documents. */
  listClaimSpans: method(z.object({ docId: Id }), z.array(ClaimSpan)),
  createClaim: method(
    z
      .object({
        docId: Id,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        domainIds: z.array(Id).min(1, 'choose at least one domain'),
        ...ClaimFields,
      })
      .refine((c) => c.end > c.start, 'end must be greater than start'),
    Claim,
  ),
  updateClaim: method(
    z.object({
      id: Id,
      start: z.number().int().nonnegative().optional(),
      end: z.number().int().positive().optional(),
      domainIds: z.array(Id).min(1, 'a claim keeps at least one domain').optional(),
      ...ClaimFields,
    }),
    Claim,
  ),
  deleteClaim: method(z.object({ id: Id }), z.object({ id: Id })),
  /**
   * Tags the `occurrence`-th (1-based) occurrence of `quote` in a document, as a script names a passage without
   * counting offsets; `not_found` when the quote does not occur that often.
   */
  tagQuote: method(
    z.object({
      docId: Id,
      quote: z.string().min(1, 'give the quote to tag').max(1_000_000),
      occurrence: z.number().int().positive().optional(),
      domainIds: z.array(Id).min(1, 'choose at least one domain'),
      ...ClaimFields,
    }),
    Claim,
  ),
  compareDocuments: method(
    z.object({ docIds: z.array(Id).min(2).max(4) }),
    z.object({
      documents: z.array(z.object({ id: Id, title: z.string() })),
      domains: z.array(
        z.object({
          domainId: Id,
          name: z.string(),
          color: z.string(),
          claims: z.array(z.array(Claim)),
          ...ComparedDomainFields,
        }),
      ),
      ...ComparisonFields,
    }),
  ),
  // Every format of shared/api/exports.ts with the same filters; `count` says how many rows, claims, report
  // entries or codes the file holds (see the format's `unit`).
  exportExcerpts: method(
    z
      .object({
        format: ExportFormat,
        ...ExportFilterFields,
        bom: z.boolean().optional(),
        /** .qdpx only: how positions count (code points unless told). */
        positions: QdpxPositions.optional(),
        /** Reports (md, html, docx) only: add the project's memos and those on what the report quotes. */
        memos: z.boolean().optional(),
      })
      .transform(({ format, bom, positions, memos, ...q }) => ({
        format,
        bom,
        positions,
        memos,
        query: exportClaimQueryOf(q),
      })),
    FileBlob.extend({ count: z.number().int().nonnegative().optional() }),
  ),
};
