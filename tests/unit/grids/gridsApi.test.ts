import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { computeMatrix } from '../../../electron/core/grids/matrix';
import { getGridState, setGridState } from '../../../electron/core/grids/gridState';
import { tempProject } from '../helpers';
import { buildFixture } from './fixture';

async function ok<T>(p: Parameters<typeof callMethod>[0], name: string, input: unknown): Promise<T> {
  const r = await callMethod(p, name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function readXlsx(base64: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('grid state', () => {
  it('round-trips per grid and project, and forgets on null', async () => {
    const f = buildFixture(1, 1, 1);
    const state = {
      columns: [{ id: 'quote', width: 300, pinned: 'left' }],
      sort: [{ colId: 'actor', sort: 'desc' }],
      filters: { stance: ['supports'] },
      note: 'é😀',
    };
    await ok(f.p, 'setGridState', { grid: 'claims', state });
    expect(await ok(f.p, 'getGridState', { grid: 'claims' })).toEqual({ grid: 'claims', state });
    expect(getGridState(f.p.db, 'matrix')).toBeNull();
    const other = tempProject('empty');
    expect(getGridState(other.db, 'claims')).toBeNull();
    setGridState(f.p.db, 'claims', null);
    expect(getGridState(f.p.db, 'claims')).toBeNull();
    const bad = await callMethod(f.p, 'setGridState', { grid: 'no spaces please', state: {} });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(() => setGridState(f.p.db, 'big', { s: 'x'.repeat(1_100_000) })).toThrow(/larger than 1 MB/);
  });
});

describe('grid export', () => {
  it('writes the grid as shown to CSV and XLSX, read back cell for cell', async () => {
    const f = buildFixture(1, 1, 1);
    const columns = ['Document', 'Alpha', 'Coverage %', 'Note'];
    const rows = [
      ['Doc "A", first', 3, 12.5, 'line\nbreak'],
      ['Doc B', 0, 0, null],
      ['Ünïcödé 😀', 11, 100, 'x'],
    ];
    const csv = await ok<{ fileName: string; mimeType: string; base64: string }>(f.p, 'exportGrid', {
      format: 'csv',
      title: 'Matrix: count',
      columns,
      rows,
      bom: true,
    });
    expect(csv.fileName).toBe('Matrix count.csv');
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(parse(text, { bom: true })).toEqual([
      columns,
      ...rows.map((r) => r.map((c) => (c === null ? '' : String(c)))),
    ]);
    const xlsx = await ok<{ fileName: string; mimeType: string; base64: string }>(f.p, 'exportGrid', {
      format: 'xlsx',
      title: 'Matrix',
      columns,
      rows,
    });
    expect(xlsx.mimeType).toMatch(/spreadsheetml/);
    const back = await readXlsx(xlsx.base64);
    expect(back[0]).toEqual(columns);
    expect(back[1]).toEqual(rows[0]);
    expect(back[2].slice(0, 3)).toEqual([rows[1][0], 0, 0]);
    expect(back[3]).toEqual(rows[2]);
    const ragged = await callMethod(f.p, 'exportGrid', { format: 'csv', columns, rows: [[1, 2]] });
    expect(ragged).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/row 1 has 2 cells for 4 columns/) },
    });
  });

  it('recomputes the matrix with its totals on the server', async () => {
    const f = buildFixture(4, 6, 10);
    const m = computeMatrix(f.p.db, { rows: 'attr:country', measure: 'coverage' });
    const file = await ok<{ base64: string }>(f.p, 'exportMatrix', {
      format: 'xlsx',
      rows: 'attr:country',
      measure: 'coverage',
    });
    const back = await readXlsx(file.base64);
    expect(back[0]).toEqual(['country', ...m.columns.map((c) => c.name), 'Total']);
    expect(back.length).toBe(m.rows.length + 2);
    m.rows.forEach((r, i) => {
      expect(back[i + 1][0]).toBe(r.label);
      m.values[i].forEach((v, j) => expect(back[i + 1][j + 1]).toBeCloseTo(v, 2));
      expect(back[i + 1][m.columns.length + 1]).toBeCloseTo(m.rowTotals[i], 2);
    });
    expect(back.at(-1)![0]).toBe('Total');
    expect(back.at(-1)!.at(-1)).toBeCloseTo(m.total, 2);
    const csv = await ok<{ base64: string }>(f.p, 'exportMatrix', { format: 'csv' });
    const rows = parse(Buffer.from(csv.base64, 'base64').toString('utf8')) as string[][];
    const counts = computeMatrix(f.p.db);
    expect(rows.at(-1)).toEqual(['Total', ...counts.columnTotals.map(String), String(counts.total)]);
  });
});

describe('grid API', () => {
  it('serves the matrix, co-occurrence, claims table and groups through the validated door', async () => {
    const f = buildFixture(6, 5, 8);
    const m = await ok<ReturnType<typeof computeMatrix>>(f.p, 'getMatrix', {
      rows: 'attr:signed:year',
      measure: 'docs',
    });
    expect(m).toEqual(computeMatrix(f.p.db, { rows: 'attr:signed:year', measure: 'docs' }));
    expect((await ok<ReturnType<typeof computeMatrix>>(f.p, 'getMatrix', {})).measure).toBe('count');
    expect(await callMethod(f.p, 'getMatrix', { measure: 'mean' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await callMethod(f.p, 'getMatrix', { rows: 'attr:nothing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const dims = await ok<{ id: string }[]>(f.p, 'listRowDimensions', {});
    expect(dims.map((d) => d.id)).toContain('attr:signed:month');
    const co = await ok<{ same: number[][] }>(f.p, 'getCooccurrence', {});
    expect(co.same.length).toBe(f.domains.length);
    // A matrix cell's excerpts are the claims table filtered by the cell's row and column.
    const col = m.columns.findIndex((c) => c.hasChildren);
    const row = m.rows.findIndex((r) => r.key !== null);
    const counts = computeMatrix(f.p.db, { rows: 'attr:signed:year' });
    const cell = await ok<{ total: number; rows: { docId: number }[] }>(f.p, 'queryClaims', {
      filter: {
        domainIds: [m.columns[col].domainId],
        row: { dimension: 'attr:signed:year', key: m.rows[row].key },
      },
    });
    expect(cell.total).toBe(counts.values[row][col]);
    expect(new Set(cell.rows.map((r) => r.docId)).size).toBe(m.values[row][col]);
    const groups = await ok<{ count: number }[]>(f.p, 'getClaimGroups', { by: 'analyst' });
    expect(groups.reduce((s, g) => s + g.count, 0)).toBe(f.claims.length);
    expect(await callMethod(f.p, 'queryClaims', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('comparison', () => {
  const PARA =
    'The ministers agreed to establish a permanent working group on maritime security that will meet twice a year and report to the council on piracy, smuggling and the protection of undersea cables.';

  it('adds a per-domain summary and shared passages per pair, keeping the old fields', async () => {
    const p = tempProject('defence-diplomacy');
    const texts = [
      `Press release one. ${PARA} Nothing else was said about it by anyone present.`,
      `A later article quoted the release: ${PARA} Critics were not impressed by the plan.`,
      'An unrelated note about budgets, salaries and the price of fuel in the winter months of the year.',
    ];
    const ids = texts.map((text, i) => addDocument(p.db, { title: `T${i}`, text, format: 'txt' }).id);
    const domains = p.db
      .prepare('SELECT id FROM domains ORDER BY sort_order LIMIT 2')
      .pluck()
      .all() as number[];
    createClaim(p.db, { docId: ids[0], start: 0, end: 13, domainIds: [domains[0]] });
    createClaim(p.db, { docId: ids[1], start: 0, end: 16, domainIds: [domains[0]] });
    createClaim(p.db, { docId: ids[1], start: 2, end: 9, domainIds: [domains[1]] });
    type Cmp = {
      documents: { id: number }[];
      domains: { domainId: number; claims: unknown[][]; counts: number[]; onlyIn: number | null }[];
      pairs: { docs: number[]; similarity: number; passages: number }[];
      shared: {
        docs: number[];
        a: { start: number; end: number };
        b: { start: number; end: number };
        similarity: number;
      }[];
    };
    const cmp = await ok<Cmp>(p, 'compareDocuments', { docIds: ids });
    expect(cmp.documents.map((d) => d.id)).toEqual(ids);
    const d0 = cmp.domains.find((d) => d.domainId === domains[0])!;
    expect(d0.counts).toEqual([1, 1, 0]);
    expect(d0.claims.map((c) => c.length)).toEqual([1, 1, 0]);
    expect(d0.onlyIn).toBeNull();
    expect(cmp.domains.find((d) => d.domainId === domains[1])!.onlyIn).toBe(1);
    expect(cmp.pairs.map((x) => x.docs)).toEqual([
      [ids[0], ids[1]],
      [ids[0], ids[2]],
      [ids[1], ids[2]],
    ]);
    expect(cmp.pairs[0].passages).toBe(1);
    expect(cmp.pairs[0].similarity).toBeGreaterThan(cmp.pairs[1].similarity);
    expect(cmp.shared).toHaveLength(1);
    const s = cmp.shared[0];
    expect(s.docs).toEqual([ids[0], ids[1]]);
    expect(texts[0].slice(s.a.start, s.a.end)).toBe(PARA.slice(0, -1));
    expect(texts[1].slice(s.b.start, s.b.end)).toBe(PARA.slice(0, -1));
    const direct = await ok<{ passages: unknown[] }>(p, 'getSharedPassages', { docA: ids[0], docB: ids[1] });
    expect(direct.passages).toEqual([
      { a: s.a, b: s.b, similarity: s.similarity, words: expect.any(Number) },
    ]);
    expect(await callMethod(p, 'getSharedPassages', { docA: ids[0], docB: ids[0] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await callMethod(p, 'compareDocuments', { docIds: [ids[0], 999] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
