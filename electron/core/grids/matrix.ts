import type { z } from 'zod';
import { Measure, type Matrix as MatrixSchema } from '../../../shared/api/grids';
import { wordCount } from '../../../shared/text';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { rowSet, rowsOfDoc, type RowSet } from './dimensions';
import { domainTree, type DomainTree } from './domainTree';
import { cached } from './cache';
import { eachEntry, perSet, readSummaries } from './summaries';

export const MEASURES = Measure.options;
export type { Measure };
export type Matrix = z.infer<typeof MatrixSchema>;
export type MatrixRow = Matrix['rows'][number];
export type MatrixColumn = Matrix['columns'][number];

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
  return cached(db, `matrix:${q.rows ?? 'documents'}:${q.measure ?? 'count'}`, () => buildMatrix(db, q));
}

/** The matrix computed afresh (computeMatrix keeps results until the project changes). */
export function buildMatrix(db: Db, q: MatrixQuery = {}): Matrix {
  const measure = q.measure ?? 'count';
  if (!MEASURES.includes(measure))
    throw new DossierError('invalid_input', `unknown measure "${measure}" (use ${MEASURES.join(', ')})`);
  const sized = measure === 'coverage' || measure === 'words';
  const set = rowSet(db, q.rows ?? 'documents', { sizes: sized });
  const tree = domainTree(db);
  const nCols = tree.columns.length;
  const nRows = set.rows.length;
  // Per row and column, plus one extra column (index nCols) for "any domain" — the row totals, in one flat array
  // (row i at i × width): a typed array per row cost more to allocate than the matrix took to count at 100,000
  // documents. The column totals are one more row at the end, which each document reaches once: rows may overlap
  // (document sets), and a claim in two sets is still one claim of the corpus.
  const width = nCols + 1;
  const acc = new Float64Array((nRows + 1) * width);
  const targets = targetsOf(set, width);
  if (measure === 'count') addCounts(db, tree, acc, targets);
  else if (measure === 'docs') addDocs(db, tree, acc, targets);
  else addCoverage(db, tree, acc, targets, measure);

  const allChars = distinctChars(db, set, sized);
  const pct = (covered: number, chars: number): number => (chars > 0 ? (100 * covered) / chars : 0);
  const coverage = measure === 'coverage';
  const values = new Array<number[]>(nRows);
  const rowTotals = new Array<number>(nRows);
  // Most rows of a large corpus have no claim: they share one row of zeros (the result is never mutated).
  const zeros = new Array<number>(nCols).fill(0);
  for (let i = 0; i < nRows; i++) {
    const base = i * width;
    if (acc[base + nCols] === 0) {
      values[i] = zeros;
      rowTotals[i] = 0;
      continue;
    }
    const out = new Array<number>(nCols);
    const chars = set.rows[i].chars;
    for (let c = 0; c < nCols; c++) out[c] = coverage ? pct(acc[base + c], chars) : acc[base + c];
    values[i] = out;
    rowTotals[i] = coverage ? pct(acc[base + nCols], chars) : acc[base + nCols];
  }
  const totalsAt = nRows * width;
  const columnTotals = Array.from(acc.subarray(totalsAt, totalsAt + nCols), (v) =>
    coverage ? pct(v, allChars) : v,
  );
  const total = coverage ? pct(acc[totalsAt + nCols], allChars) : acc[totalsAt + nCols];
  return {
    dimension: set.dimension,
    dimensionLabel: set.label,
    measure,
    rows: set.rows.map((r) => ({
      key: r.key,
      label: r.label,
      ...(r.docId !== undefined ? { docId: r.docId } : {}),
      docCount: r.docIds.length,
      ...(sized ? { chars: r.chars, words: r.words } : {}),
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

/** Where a document's figures go: the offsets in the flat accumulator of each of its rows, then the totals row's. */
type Targets = (docId: number) => readonly number[] | undefined;

/**
 * The offsets for each document, looked up only for the documents the summaries visit (those with tagged claims).
 * Rows overlap only in the set dimensions; elsewhere each document has exactly one row, read off rowOfDoc.
 */
function targetsOf(set: RowSet, width: number): Targets {
  const totals = set.rows.length * width;
  const placed = set.rows.reduce((s, r) => s + r.docIds.length, 0);
  const several = placed === set.rowOfDoc.size ? null : rowsOfDoc(set);
  const of: (readonly number[] | null)[] = [];
  return (docId) => {
    let t = of[docId];
    if (t === undefined) {
      const rows = several ? several.get(docId) : set.rowOfDoc.get(docId);
      t =
        rows === undefined
          ? null
          : typeof rows === 'number'
            ? [rows * width, totals]
            : [...rows.map((r) => r * width), totals];
      of[docId] = t;
    }
    return t ?? undefined;
  };
}

/** Characters of the documents in any row, each once (rows of sets overlap). */
function distinctChars(db: Db, set: RowSet, sized: boolean): number {
  if (!sized) return 0;
  const rowsSum = set.rows.reduce((s, r) => s + r.chars, 0);
  const docs = set.rows.reduce((s, r) => s + r.docIds.length, 0);
  if (docs === set.rowOfDoc.size) return rowsSum;
  return db
    .prepareOnce(
      'SELECT COALESCE(sum(char_count), 0) FROM documents WHERE id IN (SELECT value FROM json_each(?))',
    )
    .pluck()
    .get(JSON.stringify([...set.rowOfDoc.keys()])) as number;
}

/** A map with small integer keys as a plain array: lookups in the tight loops below cost an index, not a hash. */
function byId<T>(map: Map<number, T>): (T | undefined)[] {
  const out: (T | undefined)[] = [];
  for (const [k, v] of map) out[k] = v;
  return out;
}

/** The columns a claim with these domains counts under: each domain's own and its ancestors', each once. */
function setColumns(tree: DomainTree): (set: number | string) => number[] {
  const colsOf = byId(tree.columnsOf);
  return perSet((domainIds) => [...new Set(domainIds.flatMap((d) => colsOf[d] ?? []))]);
}

/** Claims per row and column, from the documents' tag-set summaries: a claim counts once per column. */
function addCounts(db: Db, tree: DomainTree, acc: Float64Array, targets: Targets): void {
  const nCols = tree.columns.length;
  const columnsOf = setColumns(tree);
  readSummaries(db, 'tags', (docId, tagSets) => {
    const rows = targets(docId);
    if (rows === undefined) return;
    eachEntry(tagSets, (key, n) => {
      const cols = columnsOf(key);
      for (const row of rows) {
        for (let j = 0; j < cols.length; j++) acc[row + cols[j]] += n;
        acc[row + nCols] += n;
      }
    });
  });
}

/** Documents per row and column: a document counts once under every column one of its claims counts under. */
function addDocs(db: Db, tree: DomainTree, acc: Float64Array, targets: Targets): void {
  const nCols = tree.columns.length;
  const columnsOf = setColumns(tree);
  const last = new Float64Array(nCols + 1).fill(-1);
  readSummaries(db, 'tags', (docId, tagSets) => {
    const rows = targets(docId);
    if (rows === undefined) return;
    const mark = (c: number): void => {
      if (last[c] === docId) return;
      last[c] = docId;
      for (const row of rows) acc[row + c] += 1;
    };
    eachEntry(tagSets, (key) => {
      for (const c of columnsOf(key)) mark(c);
      mark(nCols);
    });
  });
}

/** First index in a sorted array whose value is >= x. */
function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let classes: Uint8Array | null = null;

/** Per UTF-16 unit of the BMP: 1 starts a word (letter, digit), 2 only continues one (mark, apostrophe, hyphen). */
function wordClasses(): Uint8Array {
  if (classes) return classes;
  classes = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (/[\p{L}\p{N}]/u.test(ch)) classes[c] = 1;
    else if (/[\p{M}'’-]/u.test(ch)) classes[c] = 2;
  }
  return classes;
}

/** The words of a text as wordCount() sees them (runs of letters and digits), by a table scan, not a regex. */
function wordSpans(text: string): { starts: Int32Array; ends: number[] } {
  const table = wordClasses();
  const starts: number[] = [];
  const ends: number[] = [];
  let inWord = false;
  for (let i = 0; i < text.length;) {
    const u = text.charCodeAt(i);
    let cls: number;
    let width = 1;
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      const ch = String.fromCodePoint(cp);
      cls = /[\p{L}\p{N}]/u.test(ch) ? 1 : /[\p{M}]/u.test(ch) ? 2 : 0;
    } else cls = table[u];
    if (inWord && cls !== 0) {
      /* the word goes on */
    } else if (cls === 1) {
      if (inWord) ends.push(i);
      starts.push(i);
      inWord = true;
    } else {
      if (inWord) ends.push(i);
      inWord = false;
    }
    i += width;
  }
  if (inWord) ends.push(text.length);
  return { starts: Int32Array.from(starts), ends };
}

/**
 * Measures a range of one text in constant or logarithmic time: code points from a count of surrogate pairs, words
 * from the text's word starts — the same count as wordCount() on the slice, which also counts the tail of a word
 * cut by the range's start.
 */
function rangeMeasure(text: string, measure: 'coverage' | 'words'): (s: number, e: number) => number {
  if (measure === 'coverage') {
    if (!/[\uD800-\uDBFF]/.test(text)) return (s, e) => e - s;
    const pairsBefore = new Int32Array(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      pairsBefore[i + 1] = pairsBefore[i] + (c >= 0xdc00 && c <= 0xdfff && i > 0 ? 1 : 0);
    }
    return (s, e) => e - s - (pairsBefore[e] - pairsBefore[s]);
  }
  const { starts, ends } = wordSpans(text);
  const st = starts;
  return (s, e) => {
    const first = lowerBound(st, s);
    let n = lowerBound(st, e) - first;
    const k = first - 1;
    if (k >= 0 && ends[k] > s && wordCount(text.slice(s, Math.min(ends[k], e))) > 0) n++;
    return n;
  };
}

/** Characters (code points) or words inside the union of the claims' ranges, per document and column. */
function addCoverage(
  db: Db,
  tree: DomainTree,
  acc: Float64Array,
  targets: Targets,
  measure: 'coverage' | 'words',
): void {
  const nCols = tree.columns.length;
  const claimsOf = db
    .prepareOnce('SELECT id, start, end FROM claims WHERE document_id = ? ORDER BY start')
    .raw();
  const tagsOf = db
    .prepareOnce(
      'SELECT claim_id, domain_id FROM claim_domains INDEXED BY claim_domains_by_document WHERE document_id = ?',
    )
    .raw();
  const docs = db.prepareOnce(
    'SELECT id, text FROM documents WHERE EXISTS (SELECT 1 FROM claims c WHERE c.document_id = documents.id)',
  );
  const open = new Int32Array(nCols + 1);
  const close = new Int32Array(nCols + 1);
  const mark = new Int32Array(nCols);
  let stamp = 0;
  for (const { id, text } of docs.iterate() as Iterable<{ id: number; text: string }>) {
    const rows = targets(id);
    if (!rows) continue;
    open.fill(-1);
    const measureOf = rangeMeasure(text, measure);
    const add = (c: number, v: number): void => {
      for (const row of rows) acc[row + c] += v;
    };
    const extend = (c: number, s: number, e: number): void => {
      if (open[c] >= 0 && s <= close[c]) {
        if (e > close[c]) close[c] = e;
        return;
      }
      if (open[c] >= 0) add(c, measureOf(open[c], close[c]));
      open[c] = s;
      close[c] = e;
    };
    const columnsOfClaim = new Map<number, number[]>();
    for (const [claimId, domainId] of tagsOf.all(id) as [number, number][]) {
      const cols = tree.columnsOf.get(domainId);
      if (!cols) continue;
      const list = columnsOfClaim.get(claimId);
      if (list) list.push(...cols);
      else columnsOfClaim.set(claimId, [...cols]);
    }
    for (const [claimId, s, e] of claimsOf.all(id) as [number, number, number][]) {
      extend(nCols, s, e);
      stamp++;
      for (const c of columnsOfClaim.get(claimId) ?? []) {
        if (mark[c] === stamp) continue;
        mark[c] = stamp;
        extend(c, s, e);
      }
    }
    for (let c = 0; c <= nCols; c++) if (open[c] >= 0) add(c, measureOf(open[c], close[c]));
  }
}
