import { createClaim, deleteClaim, listClaimSpans, listClaims, updateClaim } from '../claims';
import { compareDocuments } from '../compare/compareDocuments';
import { getDocument, listDocuments } from '../documents';
import { listDomains } from '../domains';
import { exportExcerpts } from '../export';
import { getMeta } from '../project';
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
  | 'compareDocuments'
  | 'exportExcerpts';

const count = (p: { db: { prepare: (s: string) => { get: () => unknown } } }, table: string): number =>
  (p.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

export const coreHandlers: { [M in CoreMethod]: Handler<M> } = {
  getProject: (p) => ({
    name: p.name,
    path: p.path,
    documents: count(p, 'documents'),
    claims: count(p, 'claims'),
    domains: count(p, 'domains'),
    analyst: getMeta(p.db, 'analyst') ?? '',
    readOnly: p.readOnly !== undefined,
    ...(p.readOnly ? { readOnlyReason: p.readOnly } : {}),
  }),
  listDocuments: (p) => listDocuments(p.db),
  getDocument: (p, i) => getDocument(p.db, i.id),
  listDomains: (p) => listDomains(p.db),
  listClaims: (p, i) => listClaims(p.db, i),
  listClaimSpans: (p, i) => listClaimSpans(p.db, i.docId),
  createClaim: (p, i) => createClaim(p.db, { ...i, analyst: getMeta(p.db, 'analyst') ?? '' }),
  updateClaim: (p, i) => updateClaim(p.db, i),
  deleteClaim: (p, i) => {
    deleteClaim(p.db, i.id);
    return { id: i.id };
  },
  compareDocuments: (p, i) => compareDocuments(p.db, i.docIds),
  exportExcerpts: async (p, { format, bom, positions, ...filter }) => {
    const r = await exportExcerpts(p.db, p.name, format, filter, { bom, positions });
    return {
      fileName: r.fileName,
      mimeType: r.mimeType,
      base64: Buffer.from(r.bytes).toString('base64'),
      count: r.count,
    };
  },
};
