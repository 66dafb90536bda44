export type CsvCell = string | number | boolean | null;

export interface CsvTextOptions {
  /** Start with a byte-order mark so that Excel reads the file as UTF-8. */
  bom?: boolean;
  /** Record ends: CRLF as RFC 4180 says (the default), or LF for text printed on a terminal. */
  recordDelimiter?: 'crlf' | 'lf';
}

/** What a spreadsheet would run as a formula at the start of a cell: = + - @ tab CR and their full-width forms. */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
/** What makes RFC 4180 quote a field: the delimiter, a quote, a line break. */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** One field: formula starts behind an apostrophe (text only: `-3` stays a number), quoted when needed. */
function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? '1' : '';
  const v = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(v) ? `"${v.replace(QUOTE, '""')}"` : v;
}

/** One record with its record end. */
export function csvRecord(cells: readonly CsvCell[], end = '\r\n'): string {
  let line = cells.length ? csvField(cells[0]) : '';
  for (let i = 1; i < cells.length; i++) line += `,${csvField(cells[i])}`;
  return line + end;
}

/**
 * The one CSV writer of every door (excerpt export, grid export, `dossier grid --csv`): RFC 4180 quoting, and a
 * leading apostrophe on every text cell that starts with `=`, `+`, `-`, `@`, tab or CR (or their full-width
 * forms), as OWASP recommends against CSV injection: Excel and LibreOffice would otherwise run a quote such as
 * `=HYPERLINK("http://…")` as a formula. Numbers are written as numbers, so `-3` keeps no apostrophe.
 *
 * It writes what csv-stringify wrote with { quote_record_delimiter, escape_formulas } (a test holds the two
 * byte-equal over hostile and random cells); written here because csv-stringify's per-field option handling
 * took 1.1 s of CPU for a 119,000-row export, five times these lines.
 */
export function csvText(rows: readonly (readonly CsvCell[])[], options: CsvTextOptions = {}): string {
  const end = options.recordDelimiter === 'lf' ? '\n' : '\r\n';
  let out = options.bom ? '\uFEFF' : '';
  for (const r of rows) out += csvRecord(r, end);
  return out;
}
