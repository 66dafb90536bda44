import type { MethodOutput } from '../../../shared/api';
import { listClaims } from '../claims';
import { findSharedPassages } from './sharedPassages';
import type { Db } from '../db';
import { getDocument } from '../documents';
import { listDomains } from '../domains';
import { DossierError } from '../errors';

export type Comparison = MethodOutput<'compareDocuments'>;

/**
 * For each domain of the codebook, what each of the documents claims under it, in text order, with a summary line
 * (claims per document, and the one document that alone has claims there); and for each pair of documents the
 * passages they share.
 */
export function compareDocuments(db: Db, docIds: number[]): Comparison {
  if (new Set(docIds).size !== docIds.length)
    throw new DossierError('invalid_input', 'compare different documents');
  const full = docIds.map((id) => getDocument(db, id));
  const documents = full.map((d) => ({ id: d.id, title: d.title }));
  const claims = listClaims(db, { docIds });
  const domains = listDomains(db).map((d) => {
    const perDoc = docIds.map((docId) =>
      claims.filter((c) => c.docId === docId && c.domainIds.includes(d.id)),
    );
    const counts = perDoc.map((cs) => cs.length);
    const withClaims = counts.flatMap((n, i) => (n > 0 ? [i] : []));
    return {
      domainId: d.id,
      name: d.name,
      color: d.color,
      claims: perDoc,
      parentId: d.parentId,
      counts,
      onlyIn: withClaims.length === 1 ? withClaims[0] : null,
    };
  });
  const pairs: NonNullable<Comparison['pairs']> = [];
  const shared: NonNullable<Comparison['shared']> = [];
  for (let i = 0; i < full.length; i++)
    for (let j = i + 1; j < full.length; j++) {
      const r = findSharedPassages(full[i].text, full[j].text);
      const docs: [number, number] = [full[i].id, full[j].id];
      pairs.push({
        docs,
        similarity: r.similarity,
        coverageA: r.coverageA,
        coverageB: r.coverageB,
        passages: r.passages.length,
      });
      for (const p of r.passages) shared.push({ docs, ...p });
    }
  return { documents, domains, pairs, shared };
}

/** Shared passages between two stored documents. */
export function sharedPassagesBetween(db: Db, docA: number, docB: number, minWords?: number) {
  if (docA === docB) throw new DossierError('invalid_input', 'compare two different documents');
  const a = getDocument(db, docA);
  const b = getDocument(db, docB);
  return { docs: [a.id, b.id] as [number, number], ...findSharedPassages(a.text, b.text, { minWords }) };
}
