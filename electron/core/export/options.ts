import type { Db } from '../db';
import { claimWhere } from '../claimQuery';
import type { ExcerptFilter } from './filter';

/** What the export filters can offer: analysts, document attributes and their values, gradings in use. */
export function exportFilterOptions(db: Db): {
  analysts: string[];
  attributes: { id: number; name: string; type: string; values: string[] }[];
  reliability: ('A' | 'B' | 'C' | 'D' | 'E' | 'F')[];
  credibility: number[];
} {
  const analysts = (
    db
      .cached("SELECT DISTINCT analyst FROM claims WHERE analyst <> '' ORDER BY analyst COLLATE NOCASE")
      .all() as {
      analyst: string;
    }[]
  ).map((r) => r.analyst);
  const attributes = (
    db.cached('SELECT id, name, type FROM attributes ORDER BY name COLLATE NOCASE').all() as {
      id: number;
      name: string;
      type: string;
    }[]
  ).map((a) => ({
    ...a,
    values: (
      db
        .cached(
          'SELECT DISTINCT value FROM document_attributes WHERE attribute_id = ? ORDER BY value LIMIT 1000',
        )
        .all(a.id) as { value: string }[]
    ).map((r) => r.value),
  }));
  const reliability = (
    db
      .cached('SELECT DISTINCT reliability AS r FROM claims WHERE reliability IS NOT NULL ORDER BY r')
      .all() as {
      r: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
    }[]
  ).map((x) => x.r);
  const credibility = (
    db
      .cached('SELECT DISTINCT credibility AS c FROM claims WHERE credibility IS NOT NULL ORDER BY c')
      .all() as {
      c: number;
    }[]
  ).map((x) => x.c);
  return { analysts, attributes, reliability, credibility };
}

/** Claims, claim × domain rows and documents an export with these filters would hold. */
export function countExcerpts(
  db: Db,
  filter: ExcerptFilter,
): { claims: number; rows: number; documents: number } {
  const { sql, params, domainIds } = claimWhere(db, filter);
  // As the export: a claim without a domain has no row, and a domain filter keeps only its domains' rows.
  const domainCond = domainIds ? 'AND cd.domain_id IN (SELECT value FROM json_each(?))' : '';
  return db
    .cached(
      `SELECT count(DISTINCT c.id) AS claims, count(*) AS rows, count(DISTINCT c.document_id) AS documents
     FROM claims c JOIN claim_domains cd ON cd.claim_id = c.id ${domainCond}
     ${sql}`,
    )
    .get(...(domainIds ? [JSON.stringify(domainIds)] : []), ...params) as {
    claims: number;
    rows: number;
    documents: number;
  };
}
