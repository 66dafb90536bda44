import type { Db } from '../db';
import { csvText } from './csvText';
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

/**
 * RFC 4180 CSV, UTF-8, CRLF line ends; an optional BOM so that Excel reads it as UTF-8. A cell a spreadsheet would
 * run as a formula gets a leading apostrophe (see csvText).
 */
export function csvOf(set: ExcerptSet, options: CsvOptions = {}): { text: string; rows: number } {
  const rows = excerptRowsOf(set);
  const table = [CSV_COLUMNS.map(([, label]) => label), ...rows.map((r) => CSV_COLUMNS.map(([k]) => r[k]))];
  return { text: csvText(table, { bom: options.bom }), rows: rows.length };
}

export function excerptsCsv(db: Db, filter: ExcerptFilter = {}, options: CsvOptions = {}): string {
  return csvOf(loadExcerpts(db, filter), options).text;
}
