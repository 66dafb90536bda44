import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { sheetName, XLSX_HEADERS } from '../../../electron/core/export/xlsx';
import { closeProject } from '../../../electron/core/project';
import { buildFixture, docText, type Fixture, sliceCodePoints } from './fixture';

let f: Fixture;
let wb: ExcelJS.Workbook;
beforeAll(async () => {
  f = buildFixture();
  const r = await exportExcerpts(f.project.db, 'Fixture', 'xlsx');
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
});
afterAll(() => closeProject(f.project));

function records(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

describe('XLSX export', () => {
  it('has an "All" sheet and one sheet per domain in codebook order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'All',
      'High-level dialogue',
      'Training',
      'Exercises',
      'Intelligence _shared_',
    ]);
  });

  it('freezes the header row, turns filters on and wraps quotes', () => {
    for (const ws of wb.worksheets) {
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(XLSX_HEADERS);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      const quoteCol = XLSX_HEADERS.indexOf('Quote') + 1;
      expect(ws.getRow(2).getCell(quoteCol).alignment?.wrapText).toBe(true);
    }
  });

  it('holds every claim × domain on "All", and each domain sheet only its rows, quotes matching the text', () => {
    const all = records(wb.getWorksheet('All') as ExcelJS.Worksheet);
    const n = (f.project.db.prepare('SELECT count(*) AS n FROM claim_domains').get() as { n: number }).n;
    expect(all.length).toBe(n);
    for (const r of all) {
      const text = docText(f, Number(r['Document id']));
      expect(sliceCodePoints(text, Number(r.Start), Number(r.End))).toBe(r.Quote);
    }
    const exercises = records(wb.getWorksheet('Exercises') as ExcelJS.Worksheet);
    expect(exercises.length).toBe(3);
    expect(exercises.every((r) => r.Domain === 'Exercises')).toBe(true);
    expect(all.find((r) => r.Quote === 'missions ended')?.Page).toBe(3);
  });

  it('keeps sheet names within Excel limits and unique', () => {
    const taken = new Set<string>(['all']);
    expect(sheetName('All', taken)).toBe('All (2)');
    const long = sheetName('A very long domain name that Excel would refuse', taken);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(sheetName('a/b:c', taken)).toBe('a_b_c');
  });
});
