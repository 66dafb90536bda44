import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCodePointOffset } from '../../../shared/text';
import { callMethod } from '../../../electron/core/api/dispatch';
import { exportExcerpts } from '../../../electron/core/export';
import { csvText } from '../../../electron/core/export/csvText';
import { gridFile } from '../../../electron/core/grids/gridExport';
import { closeProject } from '../../../electron/core/project';
import { tempDir } from '../helpers';
import { dossier, HOSTILE, HOSTILE_TEXT, type HostileFixture, hostileProject, neutralised } from './hostile';

let f: HostileFixture;
beforeAll(() => {
  f = hostileProject();
});
afterAll(() => {
  closeProject(f.project);
  fs.rmSync(f.dir, { recursive: true, force: true });
});

const records = (csv: string): Record<string, string>[] =>
  parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

const rowsOf = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, '')) as string[][];

/** Every field of an excerpt CSV: each hostile value behind an apostrophe, every position unchanged. */
function expectNeutralExcerpts(csv: string): void {
  const rows = records(csv);
  expect(rows).toHaveLength(4);
  for (const r of rows) {
    expect(r.document).toBe(neutralised(HOSTILE.title));
    expect(r.source).toBe(neutralised(HOSTILE.source));
    expect(r.date).toBe(neutralised(HOSTILE.published));
    expect([neutralised(HOSTILE.domain), neutralised(HOSTILE.fullWidth)]).toContain(r.domain);
    expect(r['parent domain']).toBe(
      r.domain === neutralised(HOSTILE.domain) ? neutralised(HOSTILE.parent) : '',
    );
    expect(r.note).toBe(neutralised(HOSTILE.note));
    expect(r.actor).toBe(neutralised(HOSTILE.actor));
    expect(r.analyst).toBe(neutralised(HOSTILE.analyst));
    const quote = f.quotes.find((q) => neutralised(q) === r.quote);
    expect(quote, `quote ${JSON.stringify(r.quote)}`).toBeDefined();
    const start = HOSTILE_TEXT.indexOf(quote!);
    expect(Number(r.start)).toBe(toCodePointOffset(HOSTILE_TEXT, start));
    expect(Number(r.end)).toBe(toCodePointOffset(HOSTILE_TEXT, start + quote!.length));
  }
}

describe('CSV formula injection', () => {
  it('the writer prefixes = + - @ tab CR (and full-width forms) with an apostrophe, never a number', () => {
    const cells = ['=1', '+1', '-1', '@x', '\tx', '\rx', '＝1', '＠x', 'a=1', ' =1', 'plain'];
    const [text] = rowsOf(csvText([cells]));
    const [values] = rowsOf(csvText([[-3, 0, true, null]]));
    expect(text).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "'＝1", "'＠x", 'a=1', ' =1', 'plain']);
    expect(values).toEqual(['-3', '0', '1', '']);
  });

  it('neutralises every field of the core CSV export', async () => {
    const r = await exportExcerpts(f.project.db, 'Hostile', 'csv', {}, { bom: true });
    expectNeutralExcerpts(Buffer.from(r.bytes).toString('utf8'));
  });

  it('neutralises the CLI export (dossier export --format csv)', () => {
    const out = path.join(tempDir(), 'out.csv');
    const r = dossier('export', f.file, '--format', 'csv', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectNeutralExcerpts(fs.readFileSync(out, 'utf8'));
  });

  it('neutralises grid exports: a table as shown and the documents × domains matrix', async () => {
    const table = await callMethod(f.project, 'exportGrid', {
      format: 'csv',
      columns: [HOSTILE.domain, 'count'],
      rows: [
        [HOSTILE.title, -3],
        [HOSTILE.note, 2],
      ],
    });
    if (!table.ok) throw new Error(table.error.message);
    const t = rowsOf(Buffer.from((table.value as { base64: string }).base64, 'base64').toString('utf8'));
    expect(t).toEqual([
      [neutralised(HOSTILE.domain), 'count'],
      [neutralised(HOSTILE.title), '-3'],
      [neutralised(HOSTILE.note), '2'],
    ]);

    const matrix = await callMethod(f.project, 'exportMatrix', { format: 'csv' });
    if (!matrix.ok) throw new Error(matrix.error.message);
    const m = rowsOf(Buffer.from((matrix.value as { base64: string }).base64, 'base64').toString('utf8'));
    expect(m[0]).toEqual(
      expect.arrayContaining([neutralised(HOSTILE.parent), neutralised(HOSTILE.domain), 'Total']),
    );
    expect(m[1][0]).toBe(neutralised(HOSTILE.title));
  });

  it('neutralises dossier grid --csv', () => {
    const r = dossier('grid', f.file, '--csv');
    expect(r.code).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows[0]).toEqual(
      expect.arrayContaining([
        neutralised(HOSTILE.parent),
        neutralised(HOSTILE.domain),
        neutralised(HOSTILE.fullWidth),
      ]),
    );
    expect(rows[1][0]).toBe(neutralised(HOSTILE.title));
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r＝]/);
  });
});

/** Every worksheet XML of an XLSX file. */
function sheetXml(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  return Object.entries(files)
    .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .map(([, data]) => strFromU8(data));
}

describe('XLSX keeps hostile text as text', () => {
  it('writes no formula and keeps every quote and name exact in the excerpt workbook', async () => {
    const r = await exportExcerpts(f.project.db, 'Hostile', 'xlsx');
    const sheets = sheetXml(r.bytes);
    expect(sheets.length).toBeGreaterThan(1);
    for (const xml of sheets) expect(xml).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
    const all = wb.getWorksheet('All')!;
    const header = (all.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const quotes = new Set<unknown>();
    all.eachRow((row, n) => {
      if (n === 1) return;
      expect(row.getCell(col('Document')).value).toBe(HOSTILE.title);
      expect(row.getCell(col('Actor')).value).toBe(HOSTILE.actor);
      // XML reads a CR as LF: the note keeps every other character.
      expect(row.getCell(col('Note')).value).toBe(HOSTILE.note.replace('\r', '\n'));
      quotes.add(row.getCell(col('Quote')).value);
    });
    expect([...quotes].sort()).toEqual([...f.quotes].sort());
  });

  it('writes no formula in a grid workbook', async () => {
    const g = await gridFile({ columns: [HOSTILE.domain, 'n'], rows: [[HOSTILE.title, -3]] }, 'xlsx');
    for (const xml of sheetXml(g.bytes)) expect(xml).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(g.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe(HOSTILE.domain);
    expect(ws.getRow(2).getCell(1).value).toBe(HOSTILE.title);
    expect(ws.getRow(2).getCell(2).value).toBe(-3);
  });
});
