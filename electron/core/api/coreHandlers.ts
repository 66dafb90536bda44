import { createClaim, deleteClaim, listClaimSpans, listClaims, updateClaim } from '../claims';
import { compareDocuments } from '../compare/compareDocuments';
import { findOccurrence } from '../../../shared/text';
import { getDocument, getDocumentText } from '../documents';
import { listDocumentPage } from '../documentPage';
import { DossierError } from '../errors';
import { listDomains } from '../domains';
import { getMeta, SAMPLE_KEY } from '../project';
import { getAnalyst } from '../settings';
import type { Handler } from './handlers';

type CoreMethod =
  | 'getProject'
  | 'listDocuments'
  | 'getDocument'
  | 'listDomains'
  | 'listClaims'
  | 'listClaimSpans'
  | 'createClaim'
  | 'updateClaim'
  | 'deleteClaim'
  | 'tagQuote'
  | 'compareDocuments'
  | 'exportExcerpts';

const count = (p: { db: { prepareOnce: (s: string) => { get: () => unknown } } }, table: string): number =>
  (p.db.prepareOnce(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The analyst recorded on new claims: applied here, for every door, never by the door. */
const analystOf = (p: { db: Parameters<typeof getAnalyst>[0] }): string => getAnalyst(p.db);

export const coreHandlers: { [M in CoreMethod]: Handler<M> } = {
  getProject: (p) => ({
    name: p.name,
    path: p.path,
    documents: count(p, 'documents'),
    claims: count(p, 'claims'),
    domains: count(p, 'domains'),
    analyst: analystOf(p),
    sample: getMeta(p.db, SAMPLE_KEY) === '1',
    readOnly: p.readOnly !== undefined,
    ...(p.readOnly ? { readOnlyReason: p.readOnly } : {}),
  }),
  listDocuments: (p, i) => listDocumentPage(p.db, i),
  getDocument: (p, i) => getDocument(p.db, i.id),
  listDomains: (p) => listDomains(p.db),
  listClaims: (p, i) => listClaims(p.db, i.query, i),
  listClaimSpans: (p, i) => listClaimSpans(p.db, i.docId),
  createClaim: (p, i) => createClaim(p.db, { ...i, analyst: analystOf(p) }),
  tagQuote: (p, { quote, occurrence = 1, ...claim }) => {
    const start = findOccurrence(getDocumentText(p.db, claim.docId), quote, occurrence);
    if (start < 0)
      throw new DossierError(
        'not_found',
        occurrence > 1
          ? `the quote does not occur ${occurrence} times in document ${claim.docId}`
          : `the quote is not in document ${claim.docId}`,
      );
    return createClaim(p.db, { ...claim, start, end: start + quote.length, analyst: analystOf(p) });
  },
  updateClaim: (p, i) => updateClaim(p.db, i),
  deleteClaim: (p, i) => {
    deleteClaim(p.db, i.id);
    return { id: i.id };
  },
  compareDocuments: (p, i) => compareDocuments(p.db, i.docIds),
  exportExcerpts: async (p, { format, bom, positions, memos, query }) => {
    // The exporters (and the libraries they write with) load on the first export, not with every door.
    const { exportExcerpts } = await import('../export');
    const r = await exportExcerpts(p.db, p.name, format, query, { bom, positions, memos });
    return {
      fileName: r.fileName,
      mimeType: r.mimeType,
      base64: Buffer.from(r.bytes).toString('base64'),
      count: r.count,
    };
  },
};
