import type { Db } from '../db';
import { DossierError } from '../errors';
import { rowSet } from './dimensions';
import { domainTree } from './domainTree';

export const SORT_COLUMNS = [
  'id',
  'document',
  'start',
  'quote',
  'note',
  'actor',
  'stance',
  'reliability',
  'credibility',
  'grading',
  'analyst',
  'createdAt',
  'updatedAt',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const GROUP_COLUMNS = [
  'document',
  'domain',
  'actor',
  'stance',
  'reliability',
  'credibility',
  'grading',
  'analyst',
  'createdAt',
] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];

export interface ClaimsFilter {
  /** Claims tagged with any of these domains — or, unless `exactDomains`, any of their descendants. */
  domainIds?: number[];
  exactDomains?: boolean;
  docIds?: number[];
  /** The documents of one grid row: a row dimension (as in the matrix) and the row's key (null: no value). */
  row?: { dimension: string; key: string | null };
  actors?: string[];
  /** 'none' matches claims without a stance (likewise for grading). */
  stances?: string[];
  reliability?: string[];
  credibility?: (number | 'none')[];
  analysts?: string[];
  /** Words searched in quotes and notes (all must occur; the last may be a prefix). */
  search?: string;
}

export interface ClaimsTableQuery {
  filter?: ClaimsFilter;
  sort?: { column: SortColumn; dir?: 'asc' | 'desc' }[];
  offset?: number;
  limit?: number;
}

export interface ClaimsTableRow {
  id: number;
  docId: number;
  documentTitle: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  domainIds: number[];
  domains: string[];
  actor: string;
  stance: string | null;
  reliability: string | null;
  credibility: number | null;
  /** Admiralty grading, e.g. "B2"; empty when neither part is set. */
  grading: string;
  analyst: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimsPage {
  total: number;
  offset: number;
  rows: ClaimsTableRow[];
}

const SORT_SQL: Record<SortColumn, string> = {
  id: 'c.id',
  document: 'd.title COLLATE NOCASE, c.document_id, c.start',
  start: 'c.document_id, c.start',
  quote: 'c.quote COLLATE NOCASE',
  note: 'c.note COLLATE NOCASE',
  actor: 'c.actor COLLATE NOCASE',
  stance: 'c.stance',
  reliability: 'c.reliability',
  credibility: 'c.credibility',
  grading: "coalesce(c.reliability, '') || coalesce(c.credibility, '')",
  analyst: 'c.analyst COLLATE NOCASE',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

/** Turns what the analyst typed into an FTS5 query of quoted terms, so that no input is an FTS syntax error. */
export function ftsQuery(text: string): string | null {
  const terms = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (!terms.length) return null;
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

function noneable(column: string, values: (string | number)[], params: unknown[]): string {
  const real = values.filter((v) => v !== 'none');
  const parts: string[] = [];
  if (real.length) {
    parts.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(real));
  }
  if (real.length !== values.length) parts.push(`${column} IS NULL`);
  return `(${parts.join(' OR ')})`;
}

export interface ClaimsWhere {
  sql: string;
  params: unknown[];
  /** The domains (descendants included) when they are the filter's only condition, else null. */
  domainsOnly: number[] | null;
}

/**
 * The WHERE clause (with its parameters) for a filter; shared by the table, its groups and exports. With
 * `byClaim`, a domain filter tests each claim's tags (for a first page in claim order, which then reads only the
 * claims it shows) instead of collecting every tagged claim first (better when few claims match).
 */
export function claimsWhere(db: Db, f: ClaimsFilter = {}, byClaim = false): ClaimsWhere {
  const where: string[] = [];
  const params: unknown[] = [];
  let domainIds: number[] | null = null;
  if (f.domainIds?.length) {
    const tree = domainTree(db);
    const known = new Map(tree.columns.map((c) => [c.domainId, c]));
    const ids = new Set<number>();
    for (const id of f.domainIds) {
      const col = known.get(id);
      if (!col) throw new DossierError('not_found', `no domain with id ${id}`);
      for (const d of f.exactDomains ? [id] : col.subtree) ids.add(d);
    }
    domainIds = [...ids];
    // Driven from the domain index: the tagged claims' ids, then those rows, rather than testing every claim.
    where.push(
      byClaim
        ? 'EXISTS (SELECT 1 FROM claim_domains t WHERE t.claim_id = c.id AND t.domain_id IN (SELECT value FROM json_each(?)))'
        : 'c.id IN (SELECT t.claim_id FROM claim_domains t WHERE t.domain_id IN (SELECT value FROM json_each(?)))',
    );
    params.push(JSON.stringify(domainIds));
  }
  if (f.docIds?.length) {
    where.push('c.document_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.docIds));
  }
  if (f.row) {
    const rows = rowSet(db, f.row.dimension);
    const row = rows.rows.find((r) => r.key === f.row!.key);
    where.push('c.document_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(row?.docIds ?? []));
  }
  if (f.actors?.length) {
    where.push('c.actor IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.actors));
  }
  if (f.analysts?.length) {
    where.push('c.analyst IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.analysts));
  }
  if (f.stances?.length) where.push(noneable('c.stance', f.stances, params));
  if (f.reliability?.length) where.push(noneable('c.reliability', f.reliability, params));
  if (f.credibility?.length) where.push(noneable('c.credibility', f.credibility, params));
  if (f.search !== undefined && f.search.trim() !== '') {
    const q = ftsQuery(f.search);
    if (q === null) where.push('0');
    else {
      where.push('c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)');
      params.push(q);
    }
  }
  return {
    sql: where.length ? `WHERE ${where.join(' AND ')}` : '',
    params,
    domainsOnly: domainIds && where.length === 1 ? domainIds : null,
  };
}

/** True when at least one claim in 20 carries one of the domains: a scan in claim order soon fills a page. */
function denseDomains(db: Db, domainIds: number[]): boolean {
  const tags = db
    .prepare('SELECT count(*) FROM claim_domains WHERE domain_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(domainIds)) as number;
  const claims = (db.prepare('SELECT max(id) FROM claims').pluck().get() as number | null) ?? 0;
  return tags * 20 >= claims;
}

type Raw = [
  number,
  number,
  string,
  number,
  number,
  string,
  string,
  string | null,
  string,
  string | null,
  string | null,
  number | null,
  string,
  string,
  string,
];

/** One page of the claims table: every claim a row, filtered and sorted in SQL. */
export function queryClaims(db: Db, q: ClaimsTableQuery = {}): ClaimsPage {
  const limit = Math.min(q.limit ?? 100, 5000);
  const offset = q.offset ?? 0;
  const where = claimsWhere(db, q.filter);
  const byId = !q.sort?.length || (q.sort.length === 1 && q.sort[0].column === 'id');
  const { sql, params } =
    byId && where.domainsOnly && denseDomains(db, where.domainsOnly)
      ? claimsWhere(db, q.filter, true)
      : where;
  const joinsDocument = q.sort?.some((s) => s.column === 'document') ?? false;
  const order = (q.sort?.length ? q.sort : [{ column: 'id' as const, dir: 'asc' as const }]).map((s) => {
    if (!SORT_COLUMNS.includes(s.column))
      throw new DossierError('invalid_input', `cannot sort by "${s.column}"`);
    const dir = s.dir === 'desc' ? ' DESC' : '';
    // Each term of the column's ORDER BY gets the direction; a comma inside a call (grading) is not a term's end.
    return SORT_SQL[s.column]
      .split(/, (?![^(]*\))/)
      .map((part) => `${part}${dir}`)
      .join(', ');
  });
  // Counting the tagged claims in the domain index alone spares reading each claim's row.
  const total = (
    where.domainsOnly
      ? db
          .prepare(
            'SELECT count(DISTINCT claim_id) FROM claim_domains WHERE domain_id IN (SELECT value FROM json_each(?))',
          )
          .pluck()
          .get(JSON.stringify(where.domainsOnly))
      : db
          .prepare(`SELECT count(*) FROM claims c ${sql}`)
          .pluck()
          .get(...params)
  ) as number;
  // Sorted by document, the documents come in title order (their index) and each one's claims in text order.
  const rows = db
    .prepare(
      `SELECT c.id, c.document_id, ${joinsDocument ? 'd.title' : '(SELECT title FROM documents d WHERE d.id = c.document_id)'}, c.start, c.end, c.quote,
         c.note, (SELECT group_concat(domain_id) FROM claim_domains t WHERE t.claim_id = c.id), c.actor, c.stance,
         c.reliability, c.credibility, c.analyst, c.created_at, c.updated_at
       FROM claims c ${joinsDocument ? 'JOIN documents d ON d.id = c.document_id' : ''} ${sql}
       ORDER BY ${order.join(', ')}, c.id LIMIT ? OFFSET ?`,
    )
    .raw()
    .all(...params, limit, offset) as Raw[];
  const names = new Map(domainTree(db).columns.map((c) => [c.domainId, c.name]));
  return {
    total,
    offset,
    rows: rows.map((r) => {
      const domainIds = r[7]
        ? r[7]
            .split(',')
            .map(Number)
            .sort((a, b) => a - b)
        : [];
      return {
        id: r[0],
        docId: r[1],
        documentTitle: r[2],
        start: r[3],
        end: r[4],
        quote: r[5],
        note: r[6],
        domainIds,
        domains: domainIds.map((d) => names.get(d) ?? String(d)),
        actor: r[8],
        stance: r[9],
        reliability: r[10],
        credibility: r[11],
        grading: `${r[10] ?? ''}${r[11] ?? ''}`,
        analyst: r[12],
        createdAt: r[13],
        updatedAt: r[14],
      };
    }),
  };
}

export interface ClaimGroup {
  /** The grouped value (null: not set); for documents and domains, their id. */
  value: string | number | null;
  label: string;
  count: number;
}

const GROUP_SQL: Record<Exclude<GroupColumn, 'domain'>, string> = {
  document: 'c.document_id',
  actor: 'c.actor',
  stance: 'c.stance',
  reliability: 'c.reliability',
  credibility: 'c.credibility',
  grading: "nullif(coalesce(c.reliability, '') || coalesce(c.credibility, ''), '')",
  analyst: 'c.analyst',
  createdAt: 'substr(c.created_at, 1, 10)',
};

/** Claim counts per value of a column, for the filtered claims; a claim counts under each of its domains. */
export function claimGroups(db: Db, q: { by: GroupColumn; filter?: ClaimsFilter }): ClaimGroup[] {
  if (!GROUP_COLUMNS.includes(q.by)) throw new DossierError('invalid_input', `cannot group by "${q.by}"`);
  const { sql, params } = claimsWhere(db, q.filter);
  if (q.by === 'domain') {
    const names = new Map(domainTree(db).columns.map((c) => [c.domainId, c.name]));
    const rows = db
      .prepare(
        `SELECT t.domain_id, count(*) AS n FROM claims c JOIN claim_domains t ON t.claim_id = c.id ${sql} GROUP BY t.domain_id ORDER BY n DESC, t.domain_id`,
      )
      .raw()
      .all(...params) as [number, number][];
    return rows.map(([value, count]) => ({ value, label: names.get(value) ?? String(value), count }));
  }
  // Grouped by the bare column (which an index can serve); an empty actor or analyst then joins "not set".
  const grouped = db
    .prepare(`SELECT ${GROUP_SQL[q.by]} AS v, count(*) AS n FROM claims c ${sql} GROUP BY v`)
    .raw()
    .all(...params) as [string | number | null, number][];
  const merged = new Map<string | number | null, number>();
  for (const [v, n] of grouped) {
    const key = v === '' && (q.by === 'actor' || q.by === 'analyst') ? null : v;
    merged.set(key, (merged.get(key) ?? 0) + n);
  }
  // As SQLite orders them: most claims first, then null, numbers, then text in binary order.
  const rank = (v: string | number | null): number => (v === null ? 0 : typeof v === 'number' ? 1 : 2);
  const rows = [...merged].sort(
    ([a, x], [b, y]) =>
      y - x ||
      rank(a) - rank(b) ||
      (typeof a === 'number' && typeof b === 'number'
        ? a - b
        : String(a) < String(b)
          ? -1
          : String(a) > String(b)
            ? 1
            : 0),
  );
  const titles =
    q.by === 'document'
      ? new Map(
          (db.prepare('SELECT id, title FROM documents').raw().all() as [number, string][]).map(([id, t]) => [
            id,
            t,
          ]),
        )
      : null;
  return rows.map(([value, count]) => ({
    value,
    label:
      value === null ? '(none)' : titles ? (titles.get(value as number) ?? String(value)) : String(value),
    count,
  }));
}
