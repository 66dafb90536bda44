import type { Db } from './db';
import { DossierError } from './errors';

// Typed document attributes (text, number, date) beside the fixed metadata. Values are stored as text in a
// normal form — numbers as JavaScript prints them, dates as ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) — so that
// equality, sorting and range filters behave the same in SQL and in the Library grid.

export type AttributeType = 'text' | 'number' | 'date';
export type AttributeValue = string | number;

export interface Attribute {
  id: number;
  name: string;
  type: AttributeType;
  /** Documents that have a value. */
  documents: number;
}

export type FilterOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains' | 'empty' | 'notEmpty';

export interface AttributeFilter {
  name: string;
  op: FilterOp;
  value?: AttributeValue;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12) return false;
  const d = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The stored form of a value, or an error saying why it does not fit the attribute's type. */
export function normaliseValue(type: AttributeType, raw: AttributeValue, name = 'attribute'): string {
  const s = String(raw).trim();
  if (type === 'text') return s;
  if (type === 'number') {
    const n = typeof raw === 'number' ? raw : Number(s.replace(/,/g, ''));
    if (s === '' || !Number.isFinite(n))
      throw new DossierError('invalid_input', `${name}: "${s}" is not a number`);
    return String(n);
  }
  // Dates: an ISO date or date-time keeps its date part; anything else must already be YYYY[-MM[-DD]].
  const date = /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s;
  if (!validDate(date))
    throw new DossierError(
      'invalid_input',
      `${name}: "${s}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`,
    );
  return date;
}

/** The narrowest type every value fits: number, then date, else text. */
export function inferType(values: string[]): AttributeType {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return 'text';
  if (present.every((v) => /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(v))) {
    // Four-digit years stay numbers (they sort and compare as such); full dates are dates.
    return 'number';
  }
  if (present.every((v) => /^\d{4}-\d{2}(-\d{2})?$/.test(v) && validDate(v))) return 'date';
  return 'text';
}

interface AttributeRow {
  id: number;
  name: string;
  type: AttributeType;
  documents: number;
}

export function listAttributes(db: Db): Attribute[] {
  return db
    .cached(
      `SELECT a.id, a.name, a.type, (SELECT count(*) FROM document_attributes da WHERE da.attribute_id = a.id) AS documents
       FROM attributes a ORDER BY a.name COLLATE NOCASE`,
    )
    .all() as AttributeRow[];
}

function findAttribute(db: Db, name: string): Attribute | undefined {
  return listAttributes(db).find((a) => a.name.toLowerCase() === name.trim().toLowerCase());
}

function attributeById(db: Db, id: number): Attribute {
  const a = listAttributes(db).find((x) => x.id === id);
  if (!a) throw new DossierError('not_found', `no attribute with id ${id}`);
  return a;
}

/** Creates an attribute, or returns the existing one of that name when its type is the same. */
export function defineAttribute(db: Db, name: string, type: AttributeType): Attribute {
  const clean = name.trim();
  if (clean === '') throw new DossierError('invalid_input', 'an attribute needs a name');
  const existing = findAttribute(db, clean);
  if (existing) {
    if (existing.type !== type)
      throw new DossierError(
        'conflict',
        `attribute "${existing.name}" already exists as ${existing.type}, not ${type}`,
      );
    return existing;
  }
  const info = db.cached('INSERT INTO attributes (name, type) VALUES (?, ?)').run(clean, type);
  return { id: Number(info.lastInsertRowid), name: clean, type, documents: 0 };
}

export function renameAttribute(db: Db, id: number, name: string): Attribute {
  const clean = name.trim();
  if (clean === '') throw new DossierError('invalid_input', 'an attribute needs a name');
  const other = findAttribute(db, clean);
  if (other && other.id !== id)
    throw new DossierError('conflict', `an attribute named "${other.name}" exists`);
  attributeById(db, id);
  db.cached('UPDATE attributes SET name = ? WHERE id = ?').run(clean, id);
  return attributeById(db, id);
}

export function deleteAttribute(db: Db, id: number): void {
  attributeById(db, id);
  db.cached('DELETE FROM attributes WHERE id = ?').run(id);
}

/** Sets (or, with null or '', clears) one document's value; the attribute must exist. */
export function setDocumentAttribute(
  db: Db,
  docId: number,
  name: string,
  value: AttributeValue | null,
): void {
  const attr = findAttribute(db, name);
  if (!attr) throw new DossierError('not_found', `no attribute named "${name}"`);
  const doc = db.cached('SELECT 1 FROM documents WHERE id = ?').get(docId);
  if (!doc) throw new DossierError('not_found', `no document with id ${docId}`);
  if (value === null || String(value).trim() === '') {
    db.cached('DELETE FROM document_attributes WHERE document_id = ? AND attribute_id = ?').run(
      docId,
      attr.id,
    );
    return;
  }
  const stored = normaliseValue(attr.type, value, attr.name);
  db.cached(
    `INSERT INTO document_attributes (document_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT (document_id, attribute_id) DO UPDATE SET value = excluded.value`,
  ).run(docId, attr.id, stored);
}

/** Sets several values of one document at once, all or none. */
export function setDocumentAttributes(
  db: Db,
  docId: number,
  values: Record<string, AttributeValue | null>,
): Record<string, AttributeValue> {
  db.transaction(() => {
    for (const [name, value] of Object.entries(values)) setDocumentAttribute(db, docId, name, value);
  })();
  return getDocumentAttributes(db, docId);
}

function typed(type: AttributeType, value: string): AttributeValue {
  return type === 'number' ? Number(value) : value;
}

export function getDocumentAttributes(db: Db, docId: number): Record<string, AttributeValue> {
  const rows = db
    .cached(
      `SELECT a.name, a.type, da.value FROM document_attributes da JOIN attributes a ON a.id = da.attribute_id
       WHERE da.document_id = ? ORDER BY a.name COLLATE NOCASE`,
    )
    .all(docId) as { name: string; type: AttributeType; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, typed(r.type, r.value)]));
}

/** Every document's values, for the Library grid's attribute columns. */
export function attributeTable(db: Db): {
  attributes: Attribute[];
  rows: { docId: number; values: Record<string, AttributeValue> }[];
} {
  const attributes = listAttributes(db);
  const byId = new Map(attributes.map((a) => [a.id, a]));
  const rows = new Map<number, Record<string, AttributeValue>>();
  for (const d of db.cached('SELECT id FROM documents ORDER BY id').all() as { id: number }[])
    rows.set(d.id, {});
  const values = db.cached('SELECT document_id, attribute_id, value FROM document_attributes').all() as {
    document_id: number;
    attribute_id: number;
    value: string;
  }[];
  for (const v of values) {
    const a = byId.get(v.attribute_id);
    const row = rows.get(v.document_id);
    if (a && row) row[a.name] = typed(a.type, v.value);
  }
  return { attributes, rows: [...rows].map(([docId, vals]) => ({ docId, values: vals })) };
}

const OPS: Record<Exclude<FilterOp, 'contains' | 'empty' | 'notEmpty'>, string> = {
  eq: '=',
  ne: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/**
 * SQL that keeps the documents (by `column`, e.g. `d.id`) matching every filter, with its parameters. Numbers
 * compare as numbers, dates and text as text (case-insensitively for text).
 */
export function attributeFilterSql(
  db: Db,
  filters: AttributeFilter[],
  column: string,
): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  for (const f of filters) {
    const attr = findAttribute(db, f.name);
    if (!attr) throw new DossierError('not_found', `no attribute named "${f.name}"`);
    const has = `SELECT document_id FROM document_attributes WHERE attribute_id = ${attr.id}`;
    if (f.op === 'empty') {
      parts.push(`${column} NOT IN (${has})`);
      continue;
    }
    if (f.op === 'notEmpty') {
      parts.push(`${column} IN (${has})`);
      continue;
    }
    if (f.value === undefined)
      throw new DossierError('invalid_input', `filter on "${attr.name}" needs a value`);
    if (f.op === 'contains') {
      parts.push(`${column} IN (${has} AND instr(lower(value), lower(?)) > 0)`);
      params.push(String(f.value));
      continue;
    }
    const op = OPS[f.op];
    if (attr.type === 'number') {
      parts.push(`${column} IN (${has} AND CAST(value AS REAL) ${op} ?)`);
      params.push(Number(normaliseValue('number', f.value, attr.name)));
    } else if (attr.type === 'date') {
      parts.push(`${column} IN (${has} AND value ${op} ?)`);
      params.push(normaliseValue('date', f.value, attr.name));
    } else {
      parts.push(`${column} IN (${has} AND value ${op} ? COLLATE NOCASE)`);
      params.push(String(f.value).trim());
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** Ids of the documents matching every filter. */
export function filterDocuments(db: Db, filters: AttributeFilter[]): number[] {
  const { sql, params } = attributeFilterSql(db, filters, 'd.id');
  return (
    db.prepareOnce(`SELECT d.id FROM documents d WHERE ${sql} ORDER BY d.id`).all(...params) as {
      id: number;
    }[]
  ).map((r) => r.id);
}
