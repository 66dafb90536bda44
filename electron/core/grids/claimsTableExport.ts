import type { ClaimQuery, ClaimSort } from '../../../shared/api/claimQuery';
import type { ClaimsTableColumn, ClaimsTableRow } from '../../../shared/api/grids';
import type { Db } from '../db';
import { queryClaims } from './claimsTable';
import { type Cell, type GridFile, gridFile } from './gridExport';

export interface ClaimsTableExport {
  format: 'csv' | 'xlsx';
  filter?: ClaimQuery;
  sort?: ClaimSort;
  /** The columns as the table shows them, in order; a column without a header is named by its field. */
  columns: { field: ClaimsTableColumn; header?: string }[];
  title?: string;
  bom?: boolean;
}

const PAGE = 5_000;

/** A list (domains, domain ids) as one cell, as the table shows it. */
function cell(v: ClaimsTableRow[ClaimsTableColumn]): Cell {
  return Array.isArray(v) ? v.join('; ') : v;
}

/**
 * The claims table as a file, read here from the query page by page: the caller names the claims (filter and
 * sort) and the columns, never sends the rows, so that 100,000 claims do not cross IPC or HTTP twice.
 */
export async function claimsTableFile(db: Db, x: ClaimsTableExport): Promise<GridFile & { count: number }> {
  const rows: Cell[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = queryClaims(db, { filter: x.filter, sort: x.sort, offset, limit: PAGE });
    for (const r of page.rows) rows.push(x.columns.map((c) => cell(r[c.field])));
    if (page.rows.length < PAGE) break;
  }
  const file = await gridFile(
    { title: x.title ?? 'Claims', columns: x.columns.map((c) => c.header ?? c.field), rows },
    x.format,
    { bom: x.bom },
  );
  return { ...file, count: rows.length };
}
