import type { MethodOutput } from '../../shared/api';
import { listClaims } from './claims';
import type { Db } from './db';
import { getDocument } from './documents';
import { listDomains } from './domains';

export type Comparison = MethodOutput<'compareDocuments'>;

/** For each domain of the codebook, what each of the documents claims under it, in text order. */
export function compareDocuments(db: Db, docIds: number[]): Comparison {
  const documents = docIds.map((id) => {
    const d = getDocument(db, id);
    return { id: d.id, title: d.title };
  });
  const claims = listClaims(db, { docIds });
  const domains = listDomains(db).map((d) => ({
    domainId: d.id,
    name: d.name,
    color: d.color,
    claims: docIds.map((docId) => claims.filter((c) => c.docId === docId && c.domainIds.includes(d.id))),
  }));
  return { documents, domains };
}
