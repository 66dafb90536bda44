import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { replaceControls } from './control';
import { type ExcerptRow, excerptRowsOf, type ExcerptSet } from './excerpts';

const COLUMNS: { key: keyof ExcerptRow; header: string; width: number; wrap?: boolean }[] = [
  { key: 'documentTitle', header: 'Document', width: 32, wrap: true },
  { key: 'source', header: 'Source', width: 20 },
  { key: 'date', header: 'Date', width: 12 },
  { key: 'domain', header: 'Domain', width: 22 },
  { key: 'parentDomain', header: 'Parent domain', width: 18 },
  { key: 'quote', header: 'Quote', width: 80, wrap: true },
  { key: 'note', header: 'Note', width: 40, wrap: true },
  { key: 'actor', header: 'Actor', width: 18 },
  { key: 'stance', header: 'Stance', width: 10 },
  { key: 'grading', header: 'Grading', width: 9 },
  { key: 'analyst', header: 'Analyst', width: 14 },
  { key: 'start', header: 'Start', width: 9 },
  { key: 'end', header: 'End', width: 9 },
  { key: 'page', header: 'Page', width: 7 },
  { key: 'claimId', header: 'Claim id', width: 9 },
  { key: 'documentId', header: 'Document id', width: 11 },
];

export const XLSX_HEADERS = COLUMNS.map((c) => c.header);

/** Excel's limits on sheet names: 31 characters, none of []:*?/\, unique regardless of case. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Domain';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

const cell = (v: string | number | null): string | number | null =>
  typeof v === 'string' ? replaceControls(v) : v;

interface StyleRegistry {
  addStyleModel: (model: object | undefined, cellType: number) => number;
}

/**
 * ExcelJS registers each cell's style from scratch (a fresh style object per cell), which made styled sheets four
 * times slower than plain ones. Cells here share a handful of styles: remember the id of each one by its content.
 */
function memoiseStyles(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (wb as unknown as { styles?: StyleRegistry }).styles;
  if (!styles || typeof styles.addStyleModel !== 'function') return;
  const add = styles.addStyleModel.bind(styles);
  const ids = new Map<string, number>();
  styles.addStyleModel = (model, cellType) => {
    if (!model) return add(model, cellType);
    const key = `${cellType}|${JSON.stringify(model)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = add(model, cellType);
      ids.set(key, id);
    }
    return id;
  };
}

/**
 * A workbook with an "All" sheet and one sheet per domain (codebook order), header frozen, filters on, long
 * text wrapped. Written with the streaming writer so that memory stays flat on large projects.
 */
export async function xlsxOf(set: ExcerptSet): Promise<{ bytes: Buffer; rows: number }> {
  const rows = excerptRowsOf(set);
  const byDomain = new Map<string, ExcerptRow[]>();
  for (const r of rows) {
    const list = byDomain.get(r.domain);
    if (list) list.push(r);
    else byDomain.set(r.domain, [r]);
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Dossier';
  memoiseStyles(wb);
  const taken = new Set<string>();
  const writeSheet = (name: string, sheetRows: ExcerptRow[]): void => {
    const ws = wb.addWorksheet(sheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((c) => ({
      key: c.key,
      header: c.header,
      width: c.width,
      style: c.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } },
    }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    ws.getRow(1).font = { bold: true };
    for (const r of sheetRows) ws.addRow(COLUMNS.map((c) => cell(r[c.key]))).commit();
    ws.commit();
  };
  writeSheet('All', rows);
  for (const d of set.domains) {
    const list = byDomain.get(d.name);
    if (list) writeSheet(d.name, list);
  }
  await wb.commit();
  await done;
  return { bytes: Buffer.concat(chunks), rows: rows.length };
}
