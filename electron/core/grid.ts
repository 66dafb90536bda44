import type { MethodOutput } from '../../shared/api';
import type { Db } from './db';

export type Grid = MethodOutput<'getGrid'>;

/** Documents × domains, each cell the number of claims of that document tagged with that domain. */
export function documentDomainGrid(db: Db): Grid {
  const rows = db
    .prepare('SELECT id AS docId, title FROM documents ORDER BY title COLLATE NOCASE, id')
    .all() as {
    docId: number;
    title: string;
  }[];
  const columns = db
    .prepare('SELECT id AS domainId, name, color FROM domains ORDER BY sort_order, id')
    .all() as {
    domainId: number;
    name: string;
    color: string;
  }[];
  const rowIndex = new Map(rows.map((r, i) => [r.docId, i]));
  const colIndex = new Map(columns.map((c, i) => [c.domainId, i]));
  const counts = rows.map(() => columns.map(() => 0));
  const cells = db
    .prepare(
      `SELECT document_id AS docId, domain_id AS domainId, count(*) AS n
       FROM claim_domains GROUP BY document_id, domain_id`,
    )
    .all() as { docId: number; domainId: number; n: number }[];
  for (const cell of cells) {
    const r = rowIndex.get(cell.docId);
    const c = colIndex.get(cell.domainId);
    if (r !== undefined && c !== undefined) counts[r][c] = cell.n;
  }
  return { rows, columns, counts };
}
