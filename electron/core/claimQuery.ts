import type { ClaimQuery } from '../../shared/api/claimQuery';
import type { Db } from './db';
import { DossierError } from './errors';
import { rowSet } from './grids/dimensions';
import { domainTree } from './grids/domainTree';

// The one SQL builder for a ClaimQuery (shared/api/claimQuery.ts): listing, the claims table and its groups,
// export counts, exports and autocode all select their claims through claimWhere, so that they cannot disagree.
// Lists go in as one JSON parameter (json_each), so that the SQL text depends only on which fields are set and
// the statement cache serves every query of the same shape.

export interface ClaimWhere {
  /** "WHERE …" over `claims c`, or '' when the query keeps every claim. */
  sql: string;
  params: unknown[];
  /** The domains a claim must carry (descendants included when asked), or null when the query names none. */
  domainIds: number[] | null;
  /** True when the domains (matched 'any') are the query's only condition: the domain index alone answers. */
  domainsOnly: boolean;
}

/** Turns what the analyst typed into an FTS5 query of quoted terms, so that no input is an FTS syntax error. */
export function ftsQuery(text: string): string | null {
  const terms = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (!terms.length) return null;
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

const json = (values: readonly unknown[]): string => JSON.stringify(values);

/** `column IN (list)`, where 'none' in the list stands for NULL. */
function noneable(column: string, values: readonly (string | number)[], params: unknown[]): string {
  const real = values.filter((v) => v !== 'none');
  const parts: string[] = [];
  if (real.length) {
    parts.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(json(real));
  }
  if (real.length !== values.length) parts.push(`${column} IS NULL`);
  return parts.length ? `(${parts.join(' OR ')})` : '0';
}

/** Each listed domain with the domains that count as it (itself, and its descendants when asked). */
function domainSets(db: Db, ids: number[], subdomains: boolean): number[][] {
  if (subdomains) {
    const known = new Map(domainTree(db).columns.map((c) => [c.domainId, c.subtree]));
    return ids.map((id) => {
      const subtree = known.get(id);
      if (!subtree) throw new DossierError('not_found', `no domain with id ${id}`);
      return subtree;
    });
  }
  const rows = db
    .cached('SELECT id FROM domains WHERE id IN (SELECT value FROM json_each(?))')
    .all(json(ids)) as { id: number }[];
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new DossierError('not_found', `no domain with id ${missing}`);
  return ids.map((id) => [id]);
}

/** A filter naming a set that is not there is a mistake to report, not an empty result. */
function assertSets(db: Db, ids: number[]): void {
  const missing = db
    .cached('SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM document_sets) LIMIT 1')
    .get(json(ids)) as { value: number } | undefined;
  if (missing) throw new DossierError('not_found', `no document set with id ${missing.value}`);
}

/**
 * The WHERE clause and parameters for a query. With `byClaim`, a domain condition tests each claim's tags (for a
 * first page in claim order, which then reads only the claims it shows) instead of collecting every tagged claim
 * first (better when few claims match).
 */
export function claimWhere(db: Db, q: ClaimQuery = {}, options: { byClaim?: boolean } = {}): ClaimWhere {
  const where: string[] = [];
  const params: unknown[] = [];
  let domainIds: number[] | null = null;
  let anyDomain = false;
  if (q.domainIds) {
    const sets = domainSets(db, [...new Set(q.domainIds)], q.subdomains ?? false);
    domainIds = [...new Set(sets.flat())];
    if (q.domainMatch === 'all' && sets.length > 1) {
      for (const set of sets) {
        where.push(
          'EXISTS (SELECT 1 FROM claim_domains t WHERE t.claim_id = c.id AND t.domain_id IN (SELECT value FROM json_each(?)))',
        );
        params.push(json(set));
      }
    } else {
      anyDomain = true;
      // Driven from the domain index: the tagged claims' ids, then those rows, rather than testing every claim.
      where.push(
        options.byClaim
          ? 'EXISTS (SELECT 1 FROM claim_domains t WHERE t.claim_id = c.id AND t.domain_id IN (SELECT value FROM json_each(?)))'
          : 'c.id IN (SELECT t.claim_id FROM claim_domains t WHERE t.domain_id IN (SELECT value FROM json_each(?)))',
      );
      params.push(json(domainIds));
    }
  }
  if (q.docIds) {
    where.push('c.document_id IN (SELECT value FROM json_each(?))');
    params.push(json(q.docIds));
  }
  if (q.setIds) {
    assertSets(db, q.setIds);
    where.push(
      'c.document_id IN (SELECT document_id FROM document_set_members WHERE set_id IN (SELECT value FROM json_each(?)))',
    );
    params.push(json(q.setIds));
  }
  if (q.row) {
    const { dimension, key } = q.row;
    const row = rowSet(db, dimension).rows.find((r) => r.key === key);
    where.push('c.document_id IN (SELECT value FROM json_each(?))');
    params.push(json(row?.docIds ?? []));
  }
  for (const a of q.attributes ?? []) {
    where.push(
      `c.document_id IN (SELECT document_id FROM document_attributes
         WHERE attribute_id = ? AND value IN (SELECT value FROM json_each(?)))`,
    );
    params.push(a.attributeId, json(a.values));
  }
  // Actors and analysts are typed by people: "Minister" and "minister " are the same one (as listActors groups).
  if (q.actors) {
    where.push('c.actor COLLATE NOCASE IN (SELECT value FROM json_each(?))');
    params.push(json(q.actors.map((a) => a.trim())));
  }
  if (q.analysts) {
    where.push('c.analyst COLLATE NOCASE IN (SELECT value FROM json_each(?))');
    params.push(json(q.analysts.map((a) => a.trim())));
  }
  if (q.stances) where.push(noneable('c.stance', q.stances, params));
  if (q.reliabilities) where.push(noneable('c.reliability', q.reliabilities, params));
  if (q.credibilities) where.push(noneable('c.credibility', q.credibilities, params));
  if (q.search !== undefined && q.search.trim() !== '') {
    const fts = ftsQuery(q.search);
    if (fts === null) where.push('0');
    else {
      where.push('c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)');
      params.push(fts);
    }
  }
  return {
    sql: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params,
    domainIds,
    domainsOnly: anyDomain && where.length === 1,
  };
}

/** How many claims the query keeps. */
export function countClaims(db: Db, q: ClaimQuery = {}): number {
  const w = claimWhere(db, q);
  // Counting the tagged claims in the domain index alone spares reading each claim's row.
  // (Cached statements are shared, so their mode stays as prepared: rows as objects.)
  const row = w.domainsOnly
    ? db
        .cached(
          'SELECT count(DISTINCT claim_id) AS n FROM claim_domains WHERE domain_id IN (SELECT value FROM json_each(?))',
        )
        .get(json(w.domainIds ?? []))
    : db.cached(`SELECT count(*) AS n FROM claims c ${w.sql}`).get(...w.params);
  return (row as { n: number }).n;
}
