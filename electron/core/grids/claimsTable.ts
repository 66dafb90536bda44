import { type ClaimQuery, type ClaimSort, SortColumn } from '../../../shared/api/claimQuery';
import {
  type ClaimGroup,
  type ClaimsPage,
  type ClaimsTableRow,
  GroupColumn,
} from '../../../shared/api/grids';
import { claimWhere, countClaims } from '../claimQuery';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { domainTree } from './domainTree';

export { ftsQuery } from '../claimQuery';

export interface ClaimsTableQuery {
  filter?: ClaimQuery;
  sort?: ClaimSort;
  offset?: number;
  limit?: number;
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

/** True when at least one claim in 20 carries one of the domains: a scan in claim order soon fills a page. */
function denseDomains(db: Db, domainIds: number[]): boolean {
  const tags = db
    .prepareOnce('SELECT count(*) FROM claim_domains WHERE domain_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(domainIds)) as number;
  const claims = (db.prepareOnce('SELECT max(id) FROM claims').pluck().get() as number | null) ?? 0;
  return tags * 20 >= claims;
}

/** A row as SQLite returns it in raw mode, in the order of queryClaims' SELECT. */
type Raw = [
  id: number,
  docId: number,
  documentTitle: string,
  start: number,
  end: number,
  quote: string,
  note: string,
  domainIds: string | null,
  actor: string,
  stance: ClaimsTableRow['stance'],
  reliability: ClaimsTableRow['reliability'],
  credibility: ClaimsTableRow['credibility'],
  analyst: string,
  createdAt: string,
  updatedAt: string,
];

/** One page of the claims table: every claim a row, filtered and sorted in SQL. */
export function queryClaims(db: Db, q: ClaimsTableQuery = {}): ClaimsPage {
  const limit = Math.min(q.limit ?? 100, 5000);
  const offset = q.offset ?? 0;
  const where = claimWhere(db, q.filter);
  const byId = !q.sort?.length || (q.sort.length === 1 && q.sort[0].column === 'id');
  const { sql, params } =
    byId && where.domainsOnly && denseDomains(db, where.domainIds ?? [])
      ? claimWhere(db, q.filter, { byClaim: true })
      : where;
  const joinsDocument = q.sort?.some((s) => s.column === 'document') ?? false;
  const order = (q.sort?.length ? q.sort : [{ column: 'id' as const, dir: 'asc' as const }]).map((s) => {
    if (!SortColumn.options.includes(s.column))
      throw new DossierError('invalid_input', `cannot sort by "${s.column}"`);
    const dir = s.dir === 'desc' ? ' DESC' : '';
    // Each term of the column's ORDER BY gets the direction; a comma inside a call (grading) is not a term's end.
    return SORT_SQL[s.column]
      .split(/, (?![^(]*\))/)
      .map((part) => `${part}${dir}`)
      .join(', ');
  });
  // Counting the tagged claims in the domain index alone spares reading each claim's row.
  const total = countClaims(db, q.filter);
  // Sorted by document, the documents come in title order (their index) and each one's claims in text order.
  const rows = db
    .prepareOnce(
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
export function claimGroups(db: Db, q: { by: GroupColumn; filter?: ClaimQuery }): ClaimGroup[] {
  if (!GroupColumn.options.includes(q.by))
    throw new DossierError('invalid_input', `cannot group by "${q.by}"`);
  const { sql, params } = claimWhere(db, q.filter);
  if (q.by === 'domain') {
    const names = new Map(domainTree(db).columns.map((c) => [c.domainId, c.name]));
    const rows = db
      .prepareOnce(
        `SELECT t.domain_id, count(*) AS n FROM claims c JOIN claim_domains t ON t.claim_id = c.id ${sql} GROUP BY t.domain_id ORDER BY n DESC, t.domain_id`,
      )
      .raw()
      .all(...params) as [number, number][];
    return rows.map(([value, count]) => ({ value, label: names.get(value) ?? String(value), count }));
  }
  // Grouped by the bare column (which an index can serve); an empty actor or analyst then joins "not set".
  const grouped = db
    .prepareOnce(`SELECT ${GROUP_SQL[q.by]} AS v, count(*) AS n FROM claims c ${sql} GROUP BY v`)
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
          (db.prepareOnce('SELECT id, title FROM documents').raw().all() as [number, string][]).map(
            ([id, t]) => [id, t],
          ),
        )
      : null;
  return rows.map(([value, count]) => ({
    value,
    label:
      value === null ? '(none)' : titles ? (titles.get(value as number) ?? String(value)) : String(value),
    count,
  }));
}
