import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { excerptRows, exportExcerpts, exportExcerptsToFile } from '../../../electron/core/export';
import { loadExcerpts } from '../../../electron/core/export/excerpts';
import { writeXlsx, XLSX_HEADERS } from '../../../electron/core/export/xlsx';
import type { Project } from '../../../electron/core/project';
import { replaceControls } from '../../../electron/core/xmlChars';
import { tempDir, tempProject } from '../helpers';
import { hasLibreOffice, sofficeConvert } from './soffice';

// The excerpt workbook is written as SpreadsheetML by hand (xlsx.ts): read back by real readers, every character
// must come out as it went in (but XML's own rules: forbidden controls as U+FFFD, a CR as a line feed).
const TEXT = [
  'Plain words first. ',
  '  Leading and trailing spaces  ',
  ' 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 😀 emoji, 中文 and Ελληνικά. ',
  '=cmd|" /C calc"!A0 and +1 and -2 and @SUM(1). ',
  'Markup <b>bold</b> & "quotes" ]]> end. ',
  'Controls \u0001\u000b\u001f and \uFFFE here. ',
].join('');

function project(): { p: Project; quotes: string[] } {
  const p = tempProject('empty');
  const astral = createDomain(p.db, { name: 'Ünïcode 😀' });
  const formula = createDomain(p.db, { name: '=1+1' });
  const docId = addDocument(p.db, {
    title: 'Title with 😀 & <tags>',
    text: TEXT,
    format: 'txt',
    source: '+source',
  }).id;
  const pieces = [
    '  Leading and trailing spaces  ',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 😀',
    '=cmd|" /C calc"!A0',
    'Markup <b>bold</b> & "quotes" ]]>',
    'Controls \u0001\u000b\u001f and \uFFFE',
  ];
  const quotes: string[] = [];
  pieces.forEach((piece, i) => {
    const start = TEXT.indexOf(piece);
    // Text normalised on import keeps these characters; the quote is what the document holds.
    quotes.push(piece);
    createClaim(p.db, {
      docId,
      start,
      end: start + piece.length,
      domainIds: i % 2 ? [astral, formula] : [formula],
      note: i === 2 ? '@note\r\nline two \u0002' : '',
      actor: i === 1 ? '-actor' : '',
    });
  });
  return { p, quotes };
}

/** A cell as XML gives it back: forbidden controls as U+FFFD, CR LF and lone CR as LF. */
const asRead = (v: string | number | null): string | number | null =>
  typeof v === 'string' ? replaceControls(v).replace(/\r\n?/g, '\n') : v;

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function cellsOf(ws: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  ws.eachRow((row) => {
    out.push(XLSX_HEADERS.map((_, i) => (row.getCell(i + 1).value as string | number | null) ?? null));
  });
  return out;
}

describe('XLSX writer', () => {
  it('reads back in exceljs equal to the rows: astral characters, spaces, markup, formulas as text', async () => {
    const { p, quotes } = project();
    const r = await exportExcerpts(p.db, 'Hostile', 'xlsx');
    const wb = await readBack(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['All', 'Ünïcode 😀', '=1+1']);
    const rows = excerptRows(p.db);
    const keys = [
      'documentTitle',
      'source',
      'date',
      'domain',
      'parentDomain',
      'quote',
      'note',
      'actor',
      'stance',
      'grading',
      'analyst',
      'start',
      'end',
      'page',
      'claimId',
      'documentId',
    ] as const;
    // Empty text leaves no cell, which reads back as null.
    const expected = rows.map((row) => keys.map((k) => (row[k] === '' ? null : asRead(row[k]))));
    const all = cellsOf(wb.getWorksheet('All')!);
    expect(all[0]).toEqual(XLSX_HEADERS);
    expect(all.slice(1)).toEqual(expected);
    expect(new Set(all.slice(1).map((c) => c[5]))).toEqual(new Set(quotes.map((q) => asRead(q))));
    // Every sheet of a domain holds its rows only.
    const formulaRows = cellsOf(wb.getWorksheet('=1+1')!).slice(1);
    expect(formulaRows).toEqual(expected.filter((c) => c[3] === '=1+1'));
    // No cell is a formula: text that looks like one stays text.
    const files = unzipSync(r.bytes);
    for (const [name, data] of Object.entries(files))
      if (name.startsWith('xl/worksheets/')) expect(strFromU8(data)).not.toMatch(/<f[ >]/);
    expect(wb.getWorksheet('All')!.getCell('A2').type).toBe(ExcelJS.ValueType.String);
  });

  it('writes the package as it goes: chunks reach the sink before the workbook ends', () => {
    const { p } = project();
    const chunks: number[] = [];
    const r = writeXlsx(loadExcerpts(p.db), { write: (c) => chunks.push(c.length) }, '2026-01-01T00:00:00Z');
    expect(r.rows).toBe(excerptRows(p.db).length);
    // One chunk per small part and per sheet piece, then the central directory: never the file in one piece.
    expect(chunks.length).toBeGreaterThan(10);
  });

  it('streams an export into its file atomically, and a failure midway keeps the old file', async () => {
    const { p } = project();
    const dir = tempDir();
    const out = path.join(dir, 'out.xlsx');
    fs.writeFileSync(out, 'the analyst’s previous file');
    const r = await exportExcerptsToFile(p.db, 'Hostile', 'xlsx', out);
    expect(r.size).toBe(fs.statSync(out).size);
    expect(cellsOf((await readBack(fs.readFileSync(out))).getWorksheet('All')!).length).toBe(r.count + 1);
    // A folder in place of the file cannot be replaced: refused, nothing left behind.
    const blocked = path.join(dir, 'folder.xlsx');
    fs.mkdirSync(blocked);
    await expect(exportExcerptsToFile(p.db, 'Hostile', 'xlsx', blocked)).rejects.toThrow(/folder/);
    expect(fs.readdirSync(dir).sort()).toEqual(['folder.xlsx', 'out.xlsx']);
  });

  const hasCalc = hasLibreOffice('calc', 'XLSX writer');
  it.skipIf(!hasCalc)(
    'reads back in LibreOffice (soffice --headless --convert-to csv) equal to the rows',
    async () => {
      const { p } = project();
      const dir = tempDir();
      const file = path.join(dir, 'book.xlsx');
      await exportExcerptsToFile(p.db, 'Hostile', 'xlsx', file);
      const csv = fs.readFileSync(
        sofficeConvert(file, dir, 'csv:Text - txt - csv (StarCalc):44,34,76,1', 'csv'),
        'utf8',
      );
      const got = parse(csv, { relax_column_count: true }) as string[][];
      const rows = excerptRows(p.db);
      expect(got[0]).toEqual(XLSX_HEADERS);
      expect(got.slice(1).map((c) => c[5])).toEqual(rows.map((row) => asRead(row.quote)));
      expect(got.slice(1).map((c) => c[0])).toEqual(rows.map((row) => row.documentTitle));
      expect(got.slice(1).map((c) => Number(c[11]))).toEqual(rows.map((row) => row.start));
    },
    150_000,
  );
});
