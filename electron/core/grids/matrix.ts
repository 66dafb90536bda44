import { codePointLength, wordCount } from '../../../shared/text';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { rowSet, type RowSet } from './dimensions';
import { domainTree, type DomainTree } from './domainTree';
import { ensureGridSchema } from './schema';

export const MEASURES = ['count', 'docs', 'coverage', 'words'] as const;
export type Measure = (typeof MEASURES)[number];

export interface MatrixRow {
  key: string | null;
  label: string;
  docId?: number;
  docCount: number;
  chars: number;
  words: number;
}

export interface MatrixColumn {
  domainId: number;
  name: string;
  color: string;
  parentId: number | null;
  depth: number;
  hasChildren: boolean;
}

export interface Matrix {
  dimension: string;
  dimensionLabel: string;
  measure: Measure;
  rows: MatrixRow[];
  columns: MatrixColumn[];
  /** values[row][column] in the measure's unit: claims, documents, percent of characters, or words. */
  values: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

export interface MatrixQuery {
  rows?: string;
  measure?: Measure;
}

/**
 * Rows (documents or an attribute's values) × domains in codebook order. A parent's column counts what is tagged
 * with it or any descendant, each claim (or character, or word) once. Totals are computed, never summed
 * percentages: a row total counts the row's claims whatever their domain, a column total all rows.
 */
export function computeMatrix(db: Db, q: MatrixQuery = {}): Matrix {
  const measure = q.measure ?? 'count';
  if (!MEASURES.includes(measure))
    throw new DossierError('invalid_input', `unknown measure "${measure}" (use ${MEASURES.join(', ')})`);
  ensureGridSchema(db);
  const set = rowSet(db, q.rows ?? 'documents');
  const tree = domainTree(db);
  const nCols = tree.columns.length;
  const nRows = set.rows.length;
  // Per row and column, plus one extra column (index nCols) for "any domain" — the row totals.
  const acc = set.rows.map(() => new Float64Array(nCols + 1));
  if (measure === 'count') addCounts(db, set, tree, acc);
  else if (measure === 'docs') addDocs(db, set, tree, acc);
  else addCoverage(db, set, tree, acc, measure);

  const columnSums = new Float64Array(nCols + 1);
  for (const r of acc) for (let c = 0; c <= nCols; c++) columnSums[c] += r[c];
  const allChars = set.rows.reduce((s, r) => s + r.chars, 0);
  const pct = (covered: number, chars: number): number => (chars > 0 ? (100 * covered) / chars : 0);
  const values = acc.map((r, i) =>
    Array.from(r.subarray(0, nCols), (v) => (measure === 'coverage' ? pct(v, set.rows[i].chars) : v)),
  );
  const rowTotals = acc.map((r, i) => (measure === 'coverage' ? pct(r[nCols], set.rows[i].chars) : r[nCols]));
  const columnTotals = Array.from(columnSums.subarray(0, nCols), (v) =>
    measure === 'coverage' ? pct(v, allChars) : v,
  );
  const total = measure === 'coverage' ? pct(columnSums[nCols], allChars) : columnSums[nCols];
  return {
    dimension: set.dimension,
    dimensionLabel: set.label,
    measure,
    rows: set.rows.map((r) => ({
      key: r.key,
      label: r.label,
      ...(r.docId !== undefined ? { docId: r.docId } : {}),
      docCount: r.docIds.length,
      chars: r.chars,
      words: r.words,
    })),
    columns: tree.columns.map((c) => ({
      domainId: c.domainId,
      name: c.name,
      color: c.color,
      parentId: c.parentId,
      depth: c.depth,
      hasChildren: c.subtree.length > 1,
    })),
    values: nRows ? values : [],
    rowTotals,
    columnTotals,
    total,
  };
}

/** Claims per document and domain, packed one line per document so that 300,000 cells cross as 10,000 rows. */
function directCounts(db: Db): Iterable<[number, string]> {
  return db
    .prepare(
      `SELECT document_id, group_concat(domain_id || ':' || n) FROM
         (SELECT document_id, domain_id, count(*) AS n FROM claim_domains GROUP BY document_id, domain_id)
       GROUP BY document_id`,
    )
    .raw()
    .iterate() as Iterable<[number, string]>;
}

function addCounts(db: Db, set: RowSet, tree: DomainTree, acc: Float64Array[]): void {
  const nCols = tree.columns.length;
  for (const [docId, packed] of directCounts(db)) {
    const row = acc[set.rowOfDoc.get(docId) ?? -1];
    if (!row) continue;
    for (const cell of packed.split(',')) {
      const colon = cell.indexOf(':');
      const n = Number(cell.slice(colon + 1));
      for (const c of tree.columnsOf.get(Number(cell.slice(0, colon))) ?? []) row[c] += n;
      row[nCols] += n;
    }
  }
  // A claim with several domains was counted once per domain: in the row total (and under a shared parent) it
  // counts once, so take back the extra.
  if (!tree.hasParents) {
    const extra = db
      .prepare(
        `SELECT document_id, count(*) - count(DISTINCT claim_id) FROM claim_domains INDEXED BY claim_domains_multi
         WHERE claim_tags > 1 GROUP BY document_id`,
      )
      .raw()
      .iterate() as Iterable<[number, number]>;
    for (const [docId, n] of extra) {
      const row = acc[set.rowOfDoc.get(docId) ?? -1];
      if (row) row[nCols] -= n;
    }
    return;
  }
  const multi = db
    .prepare(
      `SELECT document_id, group_concat(domain_id) FROM claim_domains INDEXED BY claim_domains_multi
       WHERE claim_tags > 1 GROUP BY document_id, claim_id`,
    )
    .raw()
    .iterate() as Iterable<[number, string]>;
  const seen = new Uint32Array(nCols);
  for (const [docId, ids] of multi) {
    const row = acc[set.rowOfDoc.get(docId) ?? -1];
    if (!row) continue;
    const domains = ids.split(',');
    row[nCols] -= domains.length - 1;
    const touched: number[] = [];
    for (const d of domains)
      for (const c of tree.columnsOf.get(Number(d)) ?? []) {
        if (seen[c]++ === 0) touched.push(c);
      }
    for (const c of touched) {
      row[c] -= seen[c] - 1;
      seen[c] = 0;
    }
  }
}

function addDocs(db: Db, set: RowSet, tree: DomainTree, acc: Float64Array[]): void {
  const nCols = tree.columns.length;
  const has = new Uint8Array(nCols);
  for (const [docId, packed] of directCounts(db)) {
    const row = acc[set.rowOfDoc.get(docId) ?? -1];
    if (!row) continue;
    has.fill(0);
    for (const cell of packed.split(',')) {
      for (const c of tree.columnsOf.get(Number(cell.slice(0, cell.indexOf(':')))) ?? []) has[c] = 1;
    }
    for (let c = 0; c < nCols; c++) row[c] += has[c];
    row[nCols] += 1;
  }
}

/** Characters (code points) or words inside the union of the claims' ranges, per document and column. */
function addCoverage(
  db: Db,
  set: RowSet,
  tree: DomainTree,
  acc: Float64Array[],
  measure: 'coverage' | 'words',
): void {
  const nCols = tree.columns.length;
  const claimsOf = db.prepare(
    `SELECT c.start, c.end, (SELECT group_concat(domain_id) FROM claim_domains cd WHERE cd.claim_id = c.id)
     FROM claims c WHERE c.document_id = ? ORDER BY c.start`,
  );
  const docs = db.prepare(
    'SELECT id, text FROM documents WHERE EXISTS (SELECT 1 FROM claims c WHERE c.document_id = documents.id)',
  );
  const open = new Int32Array(nCols + 1);
  const close = new Int32Array(nCols + 1);
  for (const { id, text } of docs.iterate() as Iterable<{ id: number; text: string }>) {
    const row = acc[set.rowOfDoc.get(id) ?? -1];
    if (!row) continue;
    open.fill(-1);
    const measureOf = (s: number, e: number): number =>
      measure === 'coverage' ? codePointLength(text.slice(s, e)) : wordCount(text.slice(s, e));
    const extend = (c: number, s: number, e: number): void => {
      if (open[c] >= 0 && s <= close[c]) {
        if (e > close[c]) close[c] = e;
        return;
      }
      if (open[c] >= 0) row[c] += measureOf(open[c], close[c]);
      open[c] = s;
      close[c] = e;
    };
    for (const [s, e, ids] of claimsOf.raw().iterate(id) as Iterable<[number, number, string | null]>) {
      extend(nCols, s, e);
      if (!ids) continue;
      const cols = new Set<number>();
      for (const d of ids.split(',')) for (const c of tree.columnsOf.get(Number(d)) ?? []) cols.add(c);
      for (const c of cols) extend(c, s, e);
    }
    for (let c = 0; c <= nCols; c++) if (open[c] >= 0) row[c] += measureOf(open[c], close[c]);
  }
}
