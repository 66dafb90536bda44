import type { Db } from '../db';
import { DossierError } from '../errors';
import { isSetDimension, setRows } from './setRows';

/** One row of a grid: a document, or one value of a document attribute (null: documents without a value). */
export interface RowDef {
  key: string | null;
  label: string;
  docId?: number;
  docIds: number[];
  chars: number;
  words: number;
}

export interface RowSet {
  dimension: string;
  label: string;
  rows: RowDef[];
  /** Row index of every document (its first row where rows overlap, as document sets do: see rowsOfDoc). */
  rowOfDoc: Map<number, number>;
}

/** Every row index of every document: sets overlap, so a document may count in several rows. */
export function rowsOfDoc(set: RowSet): Map<number, number[]> {
  const out = new Map<number, number[]>();
  set.rows.forEach((row, i) => {
    for (const id of row.docIds) {
      const list = out.get(id);
      if (list) list.push(i);
      else out.set(id, [i]);
    }
  });
  return out;
}

interface DocRow {
  id: number;
  title: string;
  chars: number;
  words: number;
  value: string | null;
}

export const NO_VALUE = '(no value)';

type Part = 'value' | 'year' | 'month';

function partOf(value: string | null, part: Part): string | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim();
  if (part === 'value') return v;
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(v);
  if (!m) return null;
  if (part === 'year') return m[1];
  return m[2] ? `${m[1]}-${m[2]}` : null;
}

interface Resolved {
  label: string;
  sql: string;
  params: unknown[];
  part: Part;
  numeric: boolean;
}

// The sizes sit after the text in each row, so reading them walks the text's overflow pages: only when asked.
const docColumns = (sizes: boolean): string =>
  `d.id, d.title, ${sizes ? 'd.char_count AS chars, d.word_count AS words' : '0 AS chars, 0 AS words'}`;

/**
 * Parses a row dimension: `documents`, `source`, `published` (year of the published date), `published:month`,
 * `attr:<name>` (the attribute's value), and for date attributes `attr:<name>:year` or `attr:<name>:month`.
 */
function resolve(db: Db, dimension: string, sizes: boolean): Resolved {
  const DOC_COLUMNS = docColumns(sizes);
  if (dimension === 'source')
    return {
      label: 'Source',
      sql: `SELECT ${DOC_COLUMNS}, d.source AS value FROM documents d`,
      params: [],
      part: 'value',
      numeric: false,
    };
  if (dimension === 'published' || dimension === 'published:year' || dimension === 'published:month') {
    const part = dimension.endsWith(':month') ? 'month' : 'year';
    return {
      label: part === 'month' ? 'Published (month)' : 'Published (year)',
      sql: `SELECT ${DOC_COLUMNS}, d.published AS value FROM documents d`,
      params: [],
      part,
      numeric: false,
    };
  }
  if (dimension.startsWith('attr:')) {
    let name = dimension.slice(5);
    let part: Part = 'value';
    const find = (n: string) =>
      db.cached('SELECT id, name, type FROM attributes WHERE name = ? COLLATE NOCASE').get(n) as
        { id: number; name: string; type: 'text' | 'number' | 'date' } | undefined;
    let attr = find(name);
    const m = /^(.*):(year|month)$/.exec(name);
    if (!attr && m) {
      attr = find(m[1]);
      if (attr && attr.type !== 'date')
        throw new DossierError(
          'invalid_input',
          `attribute "${attr.name}" is not a date, so it has no ${m[2]}`,
        );
      name = m[1];
      part = m[2] as Part;
    }
    if (!attr) throw new DossierError('not_found', `no document attribute named "${name}"`);
    return {
      label: part === 'value' ? attr.name : `${attr.name} (${part})`,
      sql: `SELECT ${DOC_COLUMNS}, da.value AS value FROM documents d
            LEFT JOIN document_attributes da ON da.document_id = d.id AND da.attribute_id = ?`,
      params: [attr.id],
      part,
      numeric: attr.type === 'number' && part === 'value',
    };
  }
  throw new DossierError(
    'invalid_input',
    `unknown row dimension "${dimension}" (use documents, source, published, published:month, set, set:<id>,<id>, attr:<name>, attr:<date name>:year or :month)`,
  );
}

/** The rows of a grid for a row dimension, each with its documents (and, with `sizes`, their characters and words). */
export function rowSet(db: Db, dimension = 'documents', options: { sizes?: boolean } = {}): RowSet {
  const sizes = options.sizes ?? false;
  if (isSetDimension(dimension)) return setRows(db, dimension, sizes);
  if (dimension === 'documents') {
    const docs = db
      .prepareOnce(
        `SELECT ${docColumns(sizes)}, NULL AS value FROM documents d ORDER BY d.title COLLATE NOCASE, d.id`,
      )
      .all() as DocRow[];
    return {
      dimension,
      label: 'Document',
      rows: docs.map((d) => ({
        key: String(d.id),
        label: d.title,
        docId: d.id,
        docIds: [d.id],
        chars: d.chars,
        words: d.words,
      })),
      rowOfDoc: new Map(docs.map((d, i) => [d.id, i])),
    };
  }
  const r = resolve(db, dimension, sizes);
  const docs = db.prepareOnce(`${r.sql} ORDER BY d.id`).all(...r.params) as DocRow[];
  const byKey = new Map<string | null, RowDef>();
  for (const d of docs) {
    const key = partOf(d.value, r.part);
    let row = byKey.get(key);
    if (!row) {
      row = { key, label: key ?? NO_VALUE, docIds: [], chars: 0, words: 0 };
      byKey.set(key, row);
    }
    row.docIds.push(d.id);
    row.chars += d.chars;
    row.words += d.words;
  }
  const rows = [...byKey.values()].sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === null ? (b.key === null ? 0 : 1) : -1;
    if (r.numeric) {
      const x = Number(a.key);
      const y = Number(b.key);
      if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
    }
    return a.key.localeCompare(b.key, undefined, { sensitivity: 'base', numeric: true });
  });
  const rowOfDoc = new Map<number, number>();
  rows.forEach((row, i) => row.docIds.forEach((id) => rowOfDoc.set(id, i)));
  return { dimension, label: r.label, rows, rowOfDoc };
}

/** The dimensions a project offers (for the UI's row switch): fixed ones, then one or three per attribute. */
export function rowDimensions(db: Db): { id: string; label: string }[] {
  const out = [
    { id: 'documents', label: 'Document' },
    { id: 'source', label: 'Source' },
    { id: 'published', label: 'Published (year)' },
    { id: 'published:month', label: 'Published (month)' },
  ];
  if (db.cached('SELECT 1 FROM document_sets LIMIT 1').get()) out.push({ id: 'set', label: 'Set' });
  const attrs = db.cached('SELECT name, type FROM attributes ORDER BY name COLLATE NOCASE').all() as {
    name: string;
    type: string;
  }[];
  for (const a of attrs) {
    out.push({ id: `attr:${a.name}`, label: a.name });
    if (a.type === 'date') {
      out.push({ id: `attr:${a.name}:year`, label: `${a.name} (year)` });
      out.push({ id: `attr:${a.name}:month`, label: `${a.name} (month)` });
    }
  }
  return out;
}
