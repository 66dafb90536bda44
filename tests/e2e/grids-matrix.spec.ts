import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, tagSampleClaims } from './grids-data';

const SHOTS = process.env.DOSSIER_SHOTS ?? '/tmp/g4-shots';

// Each test tags ~50 claims through the API first.
test.describe.configure({ timeout: 120_000 });

interface Matrix {
  dimension: string;
  rows: { key: string | null; label: string; docId?: number }[];
  columns: { domainId: number; name: string }[];
  values: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/** A value as the grid shows it (the renderer's own formatting, written out again here). */
function shown(measure: string, v: number): string {
  return measure === 'coverage' ? `${v.toFixed(1)}%` : new Intl.NumberFormat('en-US').format(Math.round(v));
}

function cell(page: Page, rowId: string, colId: string) {
  return page.locator(`.grid-matrix .ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
}

/** What the matrix shows: "rowId|colId" → cell text, for every rendered cell (pinned total row: "total|…"). */
function readGrid(page: Page): Promise<Record<string, string>> {
  return page.locator('.grid-matrix').evaluate((root) => {
    const out: Record<string, string> = {};
    root.querySelectorAll('.ag-row').forEach((row) => {
      const id = row.classList.contains('ag-row-pinned') ? 'total' : row.getAttribute('row-id');
      row.querySelectorAll('.ag-cell[col-id]').forEach((c) => {
        out[`${id}|${c.getAttribute('col-id')}`] = (c.textContent ?? '').trim();
      });
    });
    return out;
  });
}

/** Every body cell and total of the matrix on screen equals the API's figure for it. */
async function expectMatrix(page: Page, m: Matrix, measure: string): Promise<void> {
  await expect(page.locator('.grid-matrix')).toHaveAttribute('data-measure', measure);
  const expected: Record<string, string> = {};
  m.rows.forEach((r, i) => {
    const rowId = r.key ?? '∅';
    expected[`${rowId}|label`] = r.label;
    m.columns.forEach((c, j) => (expected[`${rowId}|d${c.domainId}`] = shown(measure, m.values[i][j])));
    expected[`${rowId}|total`] = shown(measure, m.rowTotals[i]);
  });
  m.columns.forEach((c, j) => (expected[`total|d${c.domainId}`] = shown(measure, m.columnTotals[j])));
  expected['total|total'] = shown(measure, m.total);
  expected['total|label'] = 'Total';
  await expect.poll(() => readGrid(page)).toEqual(expected);
}

test('the matrix switches measures and rows, opens the excerpts behind a number, and keeps its state', async ({
  app: page,
  dossier,
}) => {
  await tagSampleClaims(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Grid' }).click();
  await expect(page.getByRole('tab', { name: 'Matrix' })).toHaveAttribute('aria-selected', 'true');

  // Claim counts: each one checked against SQLite directly, then every figure against the API.
  const byCount = await call<Matrix>(page, 'getMatrix', { rows: 'documents', measure: 'count' });
  const db = dossier.project.db;
  for (const [i, r] of byCount.rows.entries())
    for (const [j, c] of byCount.columns.entries()) {
      const { n } = db
        .prepare(
          'SELECT count(*) AS n FROM claims c JOIN claim_domains t ON t.claim_id = c.id WHERE c.document_id = ? AND t.domain_id = ?',
        )
        .get(r.docId, c.domainId) as { n: number };
      expect(byCount.values[i][j], `${r.label} × ${c.name}`).toBe(n);
    }
  await expectMatrix(page, byCount, 'count');

  // Every measure: the figures change, and to the right ones.
  for (const measure of ['docs', 'coverage', 'words'] as const) {
    await page
      .getByRole('radiogroup', { name: 'Measure' })
      .getByRole('radio', { name: { docs: 'Documents', coverage: 'Coverage %', words: 'Words' }[measure] })
      .click();
    const m = await call<Matrix>(page, 'getMatrix', { rows: 'documents', measure });
    await expectMatrix(page, m, measure);
  }
  // Documents per document is 0 or 1; words differ from counts.
  const docs = await call<Matrix>(page, 'getMatrix', { rows: 'documents', measure: 'docs' });
  expect(docs.values.flat().every((v) => v === 0 || v === 1)).toBe(true);

  // Rows by source: one row per publisher, document counts under "Documents".
  await page.getByRole('radio', { name: 'Documents' }).click();
  await page.getByLabel('Rows').selectOption({ label: 'Source' });
  const bySource = await call<Matrix>(page, 'getMatrix', { rows: 'source', measure: 'docs' });
  expect(bySource.rows.length).toBeGreaterThan(1);
  await expectMatrix(page, bySource, 'docs');
  await expect(page.getByRole('columnheader', { name: 'Source' })).toBeVisible();

  // Back to claims per document; click a cell: its excerpts, each a door into the Reader.
  await page.getByLabel('Rows').selectOption({ label: 'Document' });
  await page.getByRole('radio', { name: 'Claim count' }).click();
  await expectMatrix(page, byCount, 'count');
  let best = { i: 0, j: 0 };
  byCount.values.forEach((row, i) =>
    row.forEach((v, j) => v > byCount.values[best.i][best.j] && (best = { i, j })),
  );
  const row = byCount.rows[best.i];
  const col = byCount.columns[best.j];
  await cell(page, row.key!, `d${col.domainId}`).click();
  const excerpts = page.getByRole('region', { name: 'Excerpts' });
  await expect(excerpts.getByRole('heading')).toHaveText(`${row.label} × ${col.name}`);
  await expect(excerpts.locator('.excerpt')).toHaveCount(byCount.values[best.i][best.j]);
  const first = excerpts.locator('.excerpt').first();
  const claimId = await first.getAttribute('data-claim-id');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`#/reader/${row.docId}\\?claim=${claimId}$`));
  await expect(page.getByRole('article', { name: `Claim ${claimId}` })).toHaveClass(/selected/);

  // State: measure, rows and sort come back after a reload.
  await page.getByRole('tab', { name: 'Grid' }).click();
  await page.getByRole('radio', { name: 'Words' }).click();
  await page.getByLabel('Rows').selectOption({ label: 'Source' });
  await page
    .locator(`.grid-matrix .ag-header-cell[role=columnheader][col-id="total"] .ag-header-cell-label`)
    .click();
  await page
    .locator(`.grid-matrix .ag-header-cell[role=columnheader][col-id="total"] .ag-header-cell-label`)
    .click();
  await expect(
    page.locator('.grid-matrix .ag-header-cell[role=columnheader][col-id="total"]'),
  ).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(async () =>
      JSON.stringify((await call<{ state: unknown }>(page, 'getGridState', { grid: 'matrix' })).state),
    )
    .toContain('"colId":"total","sort":"desc"');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Words' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByLabel('Rows')).toHaveValue('source');
  await expect(
    page.locator('.grid-matrix .ag-header-cell[role=columnheader][col-id="total"]'),
  ).toHaveAttribute('aria-sort', 'descending');
  const words = await call<Matrix>(page, 'getMatrix', { rows: 'source', measure: 'words' });
  await expectMatrix(page, words, 'words');
});

test('the matrix exports as shown to CSV and XLSX, and its chart saves as SVG and PNG', async ({
  app: page,
}) => {
  await tagSampleClaims(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Grid' }).click();
  await page.getByRole('radio', { name: 'Coverage %' }).click();
  await expect(page.locator('.grid-matrix')).toHaveAttribute('data-measure', 'coverage');
  const m = await call<Matrix>(page, 'getMatrix', { rows: 'documents', measure: 'coverage' });
  // Sort by the row total, highest first: the export follows the order on screen.
  const header = page.locator(
    '.grid-matrix .ag-header-cell[role=columnheader][col-id="total"] .ag-header-cell-label',
  );
  await header.click();
  await header.click();
  const order = m.rows.map((r, i) => ({ label: r.label, total: m.rowTotals[i], values: m.values[i] }));
  order.sort((x, y) => y.total - x.total);
  await expect(
    page.locator('.grid-matrix .ag-row:not(.ag-row-pinned)[row-index="0"] [col-id="label"]'),
  ).toHaveText(order[0].label);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('matrix-document-coverage.csv');
  const records = parse(fs.readFileSync((await csvFile.path())!, 'utf8'), { bom: true }) as string[][];
  expect(records[0]).toEqual(['Document', ...m.columns.map((c) => c.name), 'Total']);
  expect(records.slice(1, -1).map((r) => r[0])).toEqual(order.map((o) => o.label));
  for (const [k, o] of order.entries()) {
    const rec = records[k + 1];
    o.values.forEach((v, j) => expect(Number(rec[j + 1])).toBeCloseTo(v, 6));
    expect(Number(rec[rec.length - 1])).toBeCloseTo(o.total, 6);
  }
  expect(records[records.length - 1][0]).toBe('Total');
  expect(Number(records[records.length - 1].at(-1))).toBeCloseTo(m.total, 6);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export XLSX' }).click();
  const xlsxFile = await xlsxDownload;
  expect(xlsxFile.suggestedFilename()).toBe('matrix-document-coverage.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsxFile.path())!);
  const sheet = book.worksheets[0];
  const values: unknown[][] = [];
  sheet.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
  const headerAt = values.findIndex((r) => r[0] === 'Document');
  expect(values[headerAt]).toEqual(['Document', ...m.columns.map((c) => c.name), 'Total']);
  expect(values[headerAt + 1][0]).toBe(order[0].label);
  expect(Number(values[headerAt + 1].at(-1))).toBeCloseTo(order[0].total, 6);

  // The chart: one bar per row, in the domains' colours; saved as SVG and as PNG.
  const chart = page.getByRole('region', { name: 'Chart' });
  await expect(chart.locator('svg g[data-row]')).toHaveCount(m.rows.length);
  const svgDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Save SVG' }).click();
  const svg = fs.readFileSync((await (await svgDownload).path())!, 'utf8');
  expect(svg).toContain('<svg');
  expect(svg).toContain('Document × domains — Coverage %');
  const aid = m.columns.findIndex((c) => c.name === 'Military aid and support');
  expect(svg.toLowerCase()).toContain('#cc6677');
  expect(aid).toBeGreaterThanOrEqual(0);
  const pngDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Save PNG' }).click();
  const pngFile = await pngDownload;
  expect(pngFile.suggestedFilename()).toBe('chart-document-coverage.png');
  const png = fs.readFileSync((await pngFile.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBe(1800);

  await page.getByRole('radio', { name: 'Claim count' }).click();
  await expect(page.locator('.grid-matrix')).toHaveAttribute('data-measure', 'count');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/matrix.png` });
});

test('child domains roll up into their parent column, which collapses and expands', async ({ app: page }) => {
  const domains = await call<{ id: number; name: string }[]>(page, 'listDomains');
  const aid = domains.find((d) => d.name === 'Military aid and support')!;
  const child = await call<{ id: number }>(page, 'createDomain', {
    name: 'Ammunition deliveries',
    parentId: aid.id,
  });
  const docs = (await call<{ rows: { id: number; title: string }[] }>(page, 'listDocuments')).rows;
  const ammo = docs.find((d) => d.title.startsWith('The Ammunition Gap'))!;
  const text = (await call<{ text: string }>(page, 'getDocument', { id: ammo.id })).text;
  const at = text.indexOf('Europe');
  await call(page, 'createClaim', { docId: ammo.id, start: at, end: at + 6, domainIds: [child.id] });
  await page.reload();
  await page.getByRole('tab', { name: 'Grid' }).click();

  const m = await call<Matrix>(page, 'getMatrix', { rows: 'documents', measure: 'count' });
  const pi = m.columns.findIndex((c) => c.domainId === aid.id);
  const ci = m.columns.findIndex((c) => c.domainId === child.id);
  const r = m.rows.findIndex((x) => x.docId === ammo.id);
  expect(m.values[r][ci]).toBe(1);
  const parentCell = cell(page, String(ammo.id), `d${aid.id}`);
  await expect(parentCell).toHaveText(String(m.values[r][pi]));
  await expect(cell(page, String(ammo.id), `d${child.id}`)).toHaveText('1');

  await page
    .locator('.grid-matrix')
    .getByRole('button', { name: 'Collapse Military aid and support' })
    .click();
  await expect(page.locator(`.grid-matrix .ag-header-cell[col-id="d${child.id}"]`)).toHaveCount(0);
  await expect(parentCell).toHaveText(String(m.values[r][pi]));
  await expect
    .poll(
      async () =>
        (await call<{ state: { collapsed?: number[] } }>(page, 'getGridState', { grid: 'matrix' })).state
          .collapsed,
    )
    .toEqual([aid.id]);
  await page.reload();
  await expect(
    page.locator('.grid-matrix').getByRole('button', { name: 'Expand Military aid and support' }),
  ).toBeVisible();
  await page.locator('.grid-matrix').getByRole('button', { name: 'Expand Military aid and support' }).click();
  await expect(cell(page, String(ammo.id), `d${child.id}`)).toHaveText('1');
});
