import type { Db } from '../db';
import { csvRecord, csvText } from './csvText';
import { type ByteSink, memorySink, textSink } from './sink';
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
 * run as a formula gets a leading apostrophe (see csvText). Written to `sink` row by row, in large chunks.
 */
export function writeCsv(set: ExcerptSet, sink: ByteSink, options: CsvOptions = {}): { rows: number } {
  const rows = excerptRowsOf(set);
  const out = textSink(sink);
  out.text(csvText([CSV_COLUMNS.map(([, label]) => label)], { bom: options.bom }));
  const keys = CSV_COLUMNS.map(([k]) => k);
  const cells: (string | number | null)[] = new Array<string | number | null>(keys.length);
  for (const r of rows) {
    for (let i = 0; i < keys.length; i++) cells[i] = r[keys[i]];
    out.text(csvRecord(cells));
  }
  out.end();
  return { rows: rows.length };
}

export function csvOf(set: ExcerptSet, options: CsvOptions = {}): { text: string; rows: number } {
  const sink = memorySink();
  const r = writeCsv(set, sink, options);
  return { text: Buffer.from(sink.bytes()).toString('utf8'), rows: r.rows };
}

export function excerptsCsv(db: Db, filter: ExcerptFilter = {}, options: CsvOptions = {}): string {
  return csvOf(loadExcerpts(db, filter), options).text;
}
