import { PassThrough } from 'node:stream';
// Types only: exceljs takes ~160 ms to load, so it is loaded when a workbook is written (the CLI starts without it).
import type ExcelJS from 'exceljs';
import { replaceControls } from '../xmlChars';
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

// One style object per kind of cell, shared by every cell: ExcelJS recognises a style object it has seen and skips
// registering it again, which otherwise made styled sheets four times slower than plain ones.
const WRAPPED: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
const TOP: Partial<ExcelJS.Style> = { alignment: { vertical: 'top' } };
const HEADER: Partial<ExcelJS.Style> = { font: { bold: true }, alignment: { vertical: 'top' } };
const CELL_STYLES = COLUMNS.map((c) => (c.wrap ? WRAPPED : TOP));

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
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Dossier';
  const taken = new Set<string>();
  const writeSheet = (name: string, sheetRows: ExcerptRow[]): void => {
    const ws = wb.addWorksheet(sheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    const header = ws.addRow(XLSX_HEADERS);
    header.eachCell((c) => (c.style = HEADER));
    header.commit();
    for (const r of sheetRows) {
      const row = ws.addRow(COLUMNS.map((c) => cell(r[c.key])));
      for (let i = 0; i < CELL_STYLES.length; i++) row.getCell(i + 1).style = CELL_STYLES[i];
      row.commit();
    }
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
