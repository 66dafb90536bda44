import type { Db } from '../db';
import {
  type ExcerptFilter,
  type ExcerptRow,
  excerptRowsOf,
  type ExcerptSet,
  loadExcerpts,
} from './excerpts';

/** Columns in the order the first release wrote them; columns added later go at the end. */
export const CSV_COLUMNS: [keyof ExcerptRow, string][] = [
  ['documentTitle', 'document'],
  ['domain', 'domain'],
  ['quote', 'quote'],
  ['note', 'note'],
  ['start', 'start'],
  ['end', 'end'],
  ['source', 'source'],
  ['date', 'date'],
  ['parentDomain', 'parent domain'],
  ['actor', 'actor'],
  ['stance', 'stance'],
  ['grading', 'grading'],
  ['analyst', 'analyst'],
  ['claimId', 'claim id'],
  ['documentId', 'document id'],
  ['page', 'page'],
];

export interface CsvOptions {
  /** Start with a byte-order mark so that Excel reads the file as UTF-8. */
  bom?: boolean;
}

// Written by hand rather than with csv-stringify: the rule is four lines and the library took most of the time of
// a 100,000-claim export. Fields holding a quote, comma or line break are quoted (RFC 4180); so are fields a
// spreadsheet would read as a formula, as the first release did.
const NEEDS_QUOTES = /[",\r\n]|^[=+\-@]/;

export function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 CSV, UTF-8, CRLF line ends; an optional BOM so that Excel reads it as UTF-8. */
export function csvOf(set: ExcerptSet, options: CsvOptions = {}): { text: string; rows: number } {
  const rows = excerptRowsOf(set);
  const lines: string[] = [CSV_COLUMNS.map(([, label]) => csvField(label)).join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map(([k]) => csvField(r[k])).join(','));
  return { text: `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, rows: rows.length };
}

export function excerptsCsv(db: Db, filter: ExcerptFilter = {}, options: CsvOptions = {}): string {
  return csvOf(loadExcerpts(db, filter), options).text;
}
