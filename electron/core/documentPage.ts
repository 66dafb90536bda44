import type {
  DocumentFilter,
  DocumentPageParams,
  DocumentRow as PageRow,
  DocumentSort,
} from '../../shared/api/documentPage';
import type { DocumentSummary } from '../../shared/api';
import { attributeFilterSql, type AttributeType, type AttributeValue } from './attributes';
import type { Db } from './db';
import { DossierError } from './errors';
import { type DocumentRow, SUMMARY_COLUMNS, toSummary } from './documents';

/**
 * Each sort column's SQL; text columns compare case-insensitively, as the Library shows them. Each but `claims`
 * (a count, not a column) has an index in this order (migrations 0006 and 0014), so a deep page walks an index
 * instead of sorting every row.
 */
const ORDER: Record<DocumentSort, string> = {
  title: 'd.title COLLATE NOCASE',
  source: 'd.source COLLATE NOCASE',
  author: 'd.author COLLATE NOCASE',
  published: 'd.published',
  format: 'd.format',
  chars: 'd.char_count',
  words: 'd.word_count',
  claims: 'claims',
  importedAt: 'd.imported_at',
  id: 'd.id',
};

const CLAIM_COUNT = '(SELECT count(*) FROM claims c WHERE c.document_id = d.id)';

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern. */
function likeLiteral(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface SqlPart {
  sql: string;
  params: (string | number)[];
}

/**
 * The WHERE clause (over `documents d`) keeping the documents a filter matches, with its positional parameters.
 * Used by a page and by a "select all matching" selection alike, so both name the same documents.
 */
export function documentWhere(db: Db, filter: DocumentFilter): SqlPart {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.text) {
    const like = likeLiteral(filter.text);
    where.push(
      `(d.title LIKE ? ESCAPE '\\' OR d.source LIKE ? ESCAPE '\\' OR d.author LIKE ? ESCAPE '\\'
        OR d.original_name LIKE ? ESCAPE '\\')`,
    );
    params.push(like, like, like, like);
  }
  if (filter.format) {
    where.push('d.format = ?');
    params.push(filter.format);
  }
  if (filter.setId !== undefined) {
    if (!db.cached('SELECT 1 FROM document_sets WHERE id = ?').get(filter.setId))
      throw new DossierError('not_found', `no document set with id ${filter.setId}`);
    where.push('d.id IN (SELECT document_id FROM document_set_members WHERE set_id = ?)');
    params.push(filter.setId);
  }
  const range = (sql: string, min: number | undefined, max: number | undefined): void => {
    if (min !== undefined) where.push(`${sql} >= ${Math.trunc(min)}`);
    if (max !== undefined) where.push(`${sql} <= ${Math.trunc(max)}`);
  };
  range('d.word_count', filter.minWords, filter.maxWords);
  range(CLAIM_COUNT, filter.minClaims, filter.maxClaims);
  if (filter.attributes?.length) {
    const attrs = attributeFilterSql(db, filter.attributes, 'd.id');
    where.push(attrs.sql);
    params.push(...attrs.params);
  }
  return { sql: where.length ? where.join(' AND ') : '1', params };
}

/** The ORDER BY of a page, and the join an attribute sort needs. */
function orderOf(db: Db, input: DocumentPageParams): { join: string; order: string } {
  const dir = input.desc ? 'DESC' : 'ASC';
  if (typeof input.sort === 'string') return { join: '', order: `${ORDER[input.sort]} ${dir}, d.id ${dir}` };
  const name = input.sort.attribute;
  const attr = db.cached('SELECT id, type FROM attributes WHERE name = ? COLLATE NOCASE').get(name) as
    { id: number; type: AttributeType } | undefined;
  if (!attr) throw new DossierError('not_found', `no attribute named "${name}"`);
  const value = attr.type === 'number' ? 'CAST(sa.value AS REAL)' : 'sa.value COLLATE NOCASE';
  return {
    // attr.id is an integer from the database, never the caller's text.
    join: `LEFT JOIN document_attributes sa ON sa.document_id = d.id AND sa.attribute_id = ${attr.id}`,
    order: `sa.value IS NULL, ${value} ${dir}, d.id ${dir}`,
  };
}

/**
 * One page of document summaries in the order asked for (the id breaks ties, so pages never overlap or skip a
 * row), with the number of documents the filter matches. Sort column and direction come from an enum (or an
 * attribute's id), never from the caller's text, so the SQL is one of a few fixed shapes.
 */
export function listDocumentPage(
  db: Db,
  input: DocumentPageParams,
): { rows: DocumentSummary[]; total: number } {
  const where = documentWhere(db, input);
  const { join, order } = orderOf(db, input);
  const rows = db
    .prepareOnce(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ${join} WHERE ${where.sql}
       ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...where.params, input.limit, input.offset) as DocumentRow[];
  const total = db
    .prepareOnce(`SELECT count(*) FROM documents d WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  return { rows: rows.map(toSummary), total };
}

/** Attribute values of these documents only (a page's), by document. */
function valuesOf(db: Db, ids: number[]): Map<number, Record<string, AttributeValue>> {
  const out = new Map<number, Record<string, AttributeValue>>(ids.map((id) => [id, {}]));
  if (!ids.length) return out;
  const rows = db
    .cached(
      `SELECT da.document_id AS id, a.name, a.type, da.value FROM document_attributes da
       JOIN attributes a ON a.id = da.attribute_id WHERE da.document_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as { id: number; name: string; type: AttributeType; value: string }[];
  for (const r of rows) {
    const row = out.get(r.id);
    if (row) row[r.name] = r.type === 'number' ? Number(r.value) : r.value;
  }
  return out;
}

/** A page of the Library: the summaries with each document's attribute values. */
export function pageDocuments(db: Db, input: DocumentPageParams): { rows: PageRow[]; total: number } {
  const page = listDocumentPage(db, input);
  const values = valuesOf(
    db,
    page.rows.map((r) => r.id),
  );
  return { rows: page.rows.map((r) => ({ ...r, values: values.get(r.id) ?? {} })), total: page.total };
}
