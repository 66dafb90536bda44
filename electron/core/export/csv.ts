import { stringify } from 'csv-stringify/sync';
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

/** RFC 4180 CSV, UTF-8, CRLF line ends; cells that a spreadsheet would run as a formula are quoted. */
export function csvOf(set: ExcerptSet, options: CsvOptions = {}): { text: string; rows: number } {
  const rows = excerptRowsOf(set);
  const csv = stringify(
    rows.map((r) => CSV_COLUMNS.map(([k]) => r[k] ?? '')),
    {
      header: true,
      columns: CSV_COLUMNS.map(([, label]) => label),
      record_delimiter: '\r\n',
      quoted_match: /^[=+\-@]/,
    },
  );
  return { text: (options.bom ? '\uFEFF' : '') + csv, rows: rows.length };
}

export function excerptsCsv(db: Db, filter: ExcerptFilter = {}, options: CsvOptions = {}): string {
  return csvOf(loadExcerpts(db, filter), options).text;
}
