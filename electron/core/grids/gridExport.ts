import { DossierError } from '../errors';
import { csvText } from '../export/csvText';
import { sheetName } from '../export/xlsx';
import type { Matrix } from './matrix';

export type Cell = string | number | boolean | null;

/** A grid as shown: its header and its rows of cell values, in display order. */
export interface GridTable {
  title?: string;
  columns: string[];
  rows: Cell[][];
}

export interface GridFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function check(t: GridTable): void {
  if (t.columns.length === 0)
    throw new DossierError('invalid_input', 'a grid export needs at least one column');
  t.rows.forEach((r, i) => {
    if (r.length !== t.columns.length)
      throw new DossierError(
        'invalid_input',
        `row ${i + 1} has ${r.length} cells for ${t.columns.length} columns`,
      );
  });
}

function safeName(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|[\]]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Grid'
  );
}

/** Writes a grid as CSV (optionally with a BOM for Excel) or as an XLSX workbook with one sheet. */
export async function gridFile(
  t: GridTable,
  format: 'csv' | 'xlsx',
  options: { bom?: boolean } = {},
): Promise<GridFile> {
  check(t);
  const name = safeName(t.title ?? 'Grid');
  if (format === 'csv') {
    // LF record ends, as grid files have always had; formula-like cells get their apostrophe (csvText).
    const csv = csvText([t.columns, ...t.rows], { bom: options.bom, recordDelimiter: 'lf' });
    return { fileName: `${name}.csv`, mimeType: MIME.csv, bytes: Buffer.from(csv, 'utf8') };
  }
  // Loaded when a workbook is written: exceljs takes ~160 ms to load, which no other command should wait for.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dossier';
  const ws = wb.addWorksheet(sheetName(name, new Set()), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
  });
  ws.addRow(t.columns).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((c) => (c === null ? null : c)));
  ws.columns.forEach((col, i) => {
    const longest = Math.max(
      ...[t.columns[i], ...t.rows.slice(0, 500).map((r) => r[i])].map((c) => String(c ?? '').length),
    );
    col.width = Math.min(60, Math.max(8, longest + 2));
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${name}.xlsx`, mimeType: MIME.xlsx, bytes };
}

const UNITS = { count: 'claims', docs: 'documents', coverage: '% of text', words: 'words' };

/** The matrix as a table with its totals: a Total column and a Total row, coverage rounded to 0.01 %. */
export function matrixTable(m: Matrix, title?: string): GridTable {
  const round = (v: number) => (m.measure === 'coverage' ? Math.round(v * 100) / 100 : v);
  return {
    title: title ?? `${m.dimensionLabel} × domains (${UNITS[m.measure]})`,
    columns: [m.dimensionLabel, ...m.columns.map((c) => c.name), 'Total'],
    rows: [
      ...m.rows.map((r, i) => [r.label, ...m.values[i].map(round), round(m.rowTotals[i])]),
      ['Total', ...m.columnTotals.map(round), round(m.total)],
    ],
  };
}
