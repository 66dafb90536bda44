import type { Db } from '../db';
import { findDomainByName } from '../domains';
import { DossierError } from '../errors';
import { domainTree } from '../grids/domainTree';

// What the agreement reads from a project: the chosen documents with their sizes, the chosen domains in codebook
// order, and every tag of the chosen analysts' claims on them. Unknown names and ids are errors that say which.

export interface Selection {
  analysts: string[];
  domainIds?: number[];
  domains?: string[];
  docIds?: number[];
}

export interface AgreementDoc {
  id: number;
  title: string;
  /** Code points. */
  chars: number;
}

export interface AgreementDomain {
  id: number;
  name: string;
}

export interface Tag {
  claimId: number;
  docId: number;
  domainId: number;
  analyst: string;
  /** UTF-16 offsets. */
  start: number;
  end: number;
  /** The quote's first 81 code points (enough to tell whether an 80-character excerpt was cut). */
  head: string;
}

export function chosenDocuments(db: Db, docIds: number[] | undefined): AgreementDoc[] {
  const all = db
    .cached('SELECT id, title, char_count AS chars FROM documents ORDER BY id')
    .all() as AgreementDoc[];
  if (!docIds) {
    if (!all.length) throw new DossierError('invalid_input', 'the project has no documents to compare');
    return all;
  }
  const byId = new Map(all.map((d) => [d.id, d]));
  const missing = docIds.find((id) => !byId.has(id));
  if (missing !== undefined) throw new DossierError('not_found', `no document ${missing} in this project`);
  return [...new Set(docIds)].sort((a, b) => a - b).map((id) => byId.get(id)!);
}

export function chosenDomains(db: Db, s: Selection): AgreementDomain[] {
  const columns = domainTree(db).columns;
  const named = new Set<number>(s.domainIds ?? []);
  for (const id of named)
    if (!columns.some((c) => c.domainId === id))
      throw new DossierError('not_found', `no domain ${id} in the codebook`);
  for (const name of s.domains ?? []) {
    const d = findDomainByName(db, name);
    if (!d) throw new DossierError('not_found', `no domain named "${name}" in the codebook`);
    named.add(d.id);
  }
  if (named.size)
    return columns.filter((c) => named.has(c.domainId)).map((c) => ({ id: c.domainId, name: c.name }));
  // By default every domain a passage can be tagged with; a grouping domain only when one of them used it anyway
  // (claims imported from another tool).
  const grouping = new Set(
    (db.cached('SELECT id FROM domains WHERE codable = 0').all() as { id: number }[]).map((r) => r.id),
  );
  // Which grouping domains they used is only asked when there are any (it reads every claim of theirs).
  const used = new Set<number>();
  if (grouping.size) {
    const rows = db
      .cached(
        `SELECT DISTINCT cd.domain_id AS id FROM claim_domains cd JOIN claims c ON c.id = cd.claim_id
         WHERE c.analyst IN (SELECT value FROM json_each(?)) AND cd.domain_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(s.analysts), JSON.stringify([...grouping])) as { id: number }[];
    for (const r of rows) used.add(r.id);
  }
  return columns
    .filter((c) => !grouping.has(c.domainId) || used.has(c.domainId))
    .map((c) => ({ id: c.domainId, name: c.name }));
}

/** Every analyst must have claims somewhere in the project: a name that has none is most likely mistyped. */
export function checkAnalysts(db: Db, analysts: string[]): void {
  const known = (
    db.cached('SELECT DISTINCT analyst FROM claims ORDER BY analyst COLLATE NOCASE').all() as {
      analyst: string;
    }[]
  ).map((r) => r.analyst);
  const have = new Set(known);
  const unknown = analysts.find((a) => !have.has(a));
  if (unknown === undefined) return;
  const list = known.filter(Boolean);
  throw new DossierError(
    'not_found',
    `no claims by an analyst named "${unknown}" in this project` +
      (list.length ? ` (analysts with claims: ${list.join(', ')})` : ' (no claim records an analyst)'),
  );
}

export function chosenTags(
  db: Db,
  analysts: string[],
  domains: AgreementDomain[],
  docs: AgreementDoc[] | null,
): Tag[] {
  const docFilter = docs ? 'AND c.document_id IN (SELECT value FROM json_each(?))' : '';
  const params: string[] = [JSON.stringify(analysts), JSON.stringify(domains.map((d) => d.id))];
  if (docs) params.push(JSON.stringify(docs.map((d) => d.id)));
  return db
    .prepareOnce(
      `SELECT c.id AS claimId, c.document_id AS docId, cd.domain_id AS domainId, c.analyst, c.start, c.end,
         substr(c.quote, 1, 81) AS head
       FROM claim_domains cd JOIN claims c ON c.id = cd.claim_id
       WHERE c.analyst IN (SELECT value FROM json_each(?)) AND cd.domain_id IN (SELECT value FROM json_each(?))
         ${docFilter}`,
    )
    .all(...params) as Tag[];
}
