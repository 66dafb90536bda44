import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null;

export interface CsvTextOptions {
  /** Start with a byte-order mark so that Excel reads the file as UTF-8. */
  bom?: boolean;
  /** Record ends: CRLF as RFC 4180 says (the default), or LF for text printed on a terminal. */
  recordDelimiter?: 'crlf' | 'lf';
}

/**
 * The one CSV writer of every door (excerpt export, grid export, `dossier grid --csv`): RFC 4180 quoting, and a
 * leading apostrophe on every text cell that starts with `=`, `+`, `-`, `@`, tab or CR (or their full-width
 * forms), as OWASP recommends against CSV injection: Excel and LibreOffice would otherwise run a quote such as
 * `=HYPERLINK("http://…")` as a formula. Numbers are written as numbers, so `-3` keeps no apostrophe.
 */
export function csvText(rows: readonly (readonly CsvCell[])[], options: CsvTextOptions = {}): string {
  return stringify(rows as CsvCell[][], {
    bom: options.bom ?? false,
    record_delimiter: options.recordDelimiter === 'lf' ? '\n' : '\r\n',
    // Naming the record delimiter turns off quoting of a lone CR or LF unless asked: a note with one line break
    // would split its record.
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
