import type { z } from 'zod';
import type { DocumentPageInput, DocumentSort } from '../../shared/api/documentPage';
import type { DocumentSummary } from '../../shared/api';
import type { Db } from './db';
import { type DocumentRow, SUMMARY_COLUMNS, toSummary } from './documents';

/** Each sort column's SQL; text columns compare case-insensitively, as the Library shows them. */
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

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern. */
function likeLiteral(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of document summaries in the order asked for (the id breaks ties, so pages never overlap or skip a
 * row), with the number of documents the filter matches. Sort column and direction come from an enum, never from
 * the caller's text, so the SQL is one of a few fixed strings (each prepared once per Store).
 */
export function pageDocuments(
  db: Db,
  input: z.output<typeof DocumentPageInput>,
): { rows: DocumentSummary[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: input.limit, offset: input.offset };
  if (input.text) {
    where.push(
      `(d.title LIKE @text ESCAPE '\\' OR d.source LIKE @text ESCAPE '\\' OR d.author LIKE @text ESCAPE '\\'
        OR d.original_name LIKE @text ESCAPE '\\')`,
    );
    params.text = likeLiteral(input.text);
  }
  if (input.format) {
    where.push('d.format = @format');
    params.format = input.format;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const dir = input.desc ? 'DESC' : 'ASC';
  const rows = db
    .prepareOnce(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ${clause}
       ORDER BY ${ORDER[input.sort]} ${dir}, d.id ${dir} LIMIT @limit OFFSET @offset`,
    )
    .all(params) as DocumentRow[];
  const { limit: _l, offset: _o, ...countParams } = params;
  const total = (
    db.prepareOnce(`SELECT count(*) AS n FROM documents d ${clause}`).get(countParams) as { n: number }
  ).n;
  return { rows: rows.map(toSummary), total };
}
