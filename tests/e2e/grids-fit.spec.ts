import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { REPO_ROOT, expect, test } from './fixtures';
import { call, tagSampleClaims } from './grids-data';

// Each test tags ~50 claims through the API first.
test.describe.configure({ timeout: 120_000 });

const SHOTS = process.env.DOSSIER_SHOTS ?? path.join(REPO_ROOT, 'test-results', 'screenshots');

interface Domain {
  id: number;
  name: string;
  parentId: number | null;
}

/**
 * For every domain column of the matrix: whether its header's text is whole (not cut by its cell or an ellipsis)
 * once the grid has scrolled it into view with its own horizontal scrollbar.
 */
/** Whether a domain's header is whole: its name inside its cell, the cell between the pinned columns, nothing cut. */
function headerWhole(page: Page, domainId: number) {
  return page.locator('.grid-matrix').evaluate((grid, id) => {
    const cellOf = (colId: string) =>
      grid.querySelector<HTMLElement>(`.ag-header-cell[role=columnheader][col-id="${colId}"]`);
    const head = cellOf(`d${id}`);
    const name = head?.querySelector<HTMLElement>('.domain-header');
    if (!head || !name) return { whole: false, text: '(no header)' };
    const left = cellOf('label')!.getBoundingClientRect().right;
    const right = cellOf('total')!.getBoundingClientRect().left;
    const box = head.getBoundingClientRect();
    const t = name.getBoundingClientRect();
    const inside =
      t.left >= box.left - 1 &&
      t.right <= box.right + 1 &&
      t.top >= box.top - 1 &&
      t.bottom <= box.bottom + 1 &&
      box.left >= left - 1 &&
      box.right <= right + 1;
    // Neither the name nor the header's label box (which clips with an ellipsis) cuts anything off.
    const unclipped = [name, head.querySelector<HTMLElement>('.ag-header-cell-label')].every(
      (el) => !!el && el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1,
    );
    return { whole: inside && unclipped, text: name.textContent ?? '' };
  }, domainId);
}

/**
 * For every domain column: whether its header is whole, in view as it is (scroll: false) or once scrolled to with
 * the grid's scrollbar from the keyboard (Home, then → until it is whole or the end is reached).
 */
async function headersReachable(page: Page, domainIds: number[], scroll: boolean) {
  const out: { id: number; whole: boolean; text: string }[] = [];
  const rail = page.getByRole('scrollbar', { name: 'Scroll the domain columns' });
  for (const id of domainIds) {
    let h = await headerWhole(page, id);
    if (scroll) {
      await rail.focus();
      await page.keyboard.press('Home');
      for (let i = 0; i < 60 && !(h = await headerWhole(page, id)).whole; i++) {
        if ((await rail.getAttribute('aria-valuenow')) === '100') break;
        await page.keyboard.press('ArrowRight');
      }
    }
    out.push({ id, ...h });
  }
  return out;
}

interface Matrix {
  rows: { key: string | null; label: string; docId?: number }[];
  columns: { domainId: number; name: string }[];
  values: number[][];
}

/** How many different colours a screenshot of the element has (a drawn scrollbar: track and thumb, at least). */
async function colours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}

test('the matrix fits at 1280×720: every domain header whole, reachable by a visible scrollbar once the excerpts open', async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await tagSampleClaims(page);
  const domains = await call<Domain[]>(page, 'listDomains');
  expect(domains.length).toBeGreaterThanOrEqual(11);
  await page.reload();
  await page.getByRole('tab', { name: 'Grid' }).click();
  await expect(page.locator('.grid-matrix .ag-row').first()).toBeVisible();

  // Every domain's header is whole without scrolling, and so is the pinned total's.
  for (const h of await headersReachable(
    page,
    domains.map((d) => d.id),
    false,
  ))
    expect.soft(h.whole, `header of ${h.text} is whole in view`).toBe(true);
  const totalHeader = page.locator(
    '.grid-matrix .ag-header-cell[role=columnheader][col-id="total"] .ag-header-cell-text',
  );
  await expect(totalHeader).toHaveText('Total');
  expect(await totalHeader.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'grid-fit-1280.png') });

  // With the excerpts open beside it the grid is narrower: the columns scroll, with a scrollbar that is drawn,
  // and each header, scrolled to with it, is whole; the document column and the totals stay pinned.
  await page
    .locator('.grid-matrix .ag-row:not(.ag-row-pinned) .ag-cell[col-id^="d"]')
    .filter({ hasText: /^[1-9]\d*$/ })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Excerpts' })).toBeVisible();
  // The scrollbar: drawn under the grid, its thumb showing the part of the columns in view.
  const rail = page.getByRole('scrollbar', { name: 'Scroll the domain columns' });
  await expect(rail).toBeVisible();
  const track = (await rail.boundingBox())!;
  const thumb = (await rail.locator('.scroll-thumb').boundingBox())!;
  expect(track.height).toBeGreaterThanOrEqual(8);
  expect(thumb.width).toBeGreaterThan(20);
  expect(thumb.width).toBeLessThan(track.width - 20);
  expect(await colours(page, await rail.screenshot())).toBeGreaterThanOrEqual(2);
  const bar = page.locator('.grid-matrix .ag-body-horizontal-scroll-viewport');
  for (const h of await headersReachable(
    page,
    domains.map((d) => d.id),
    true,
  ))
    expect.soft(h.whole, `header of ${h.text} is whole once scrolled to`).toBe(true);
  const pinned = (colId: string) =>
    page.locator(`.grid-matrix .ag-header-cell[role=columnheader][col-id="${colId}"]`).evaluate((el) => {
      const grid = el.closest('.grid-matrix')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return { left: Math.round(r.left - grid.left), right: Math.round(grid.right - r.right) };
    });
  for (const scrollLeft of [0, 10_000]) {
    await bar.evaluate((el, x) => (el.scrollLeft = x), scrollLeft);
    expect((await pinned('label')).left).toBeLessThanOrEqual(2);
    expect((await pinned('total')).right).toBeLessThanOrEqual(2);
  }
});

test('the excerpts behind a cell open beside the grid, in view, all of them, each in context and a link to the Reader', async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await tagSampleClaims(page);
  const docs = (await call<{ rows: { id: number }[] }>(page, 'listDocuments')).rows;
  // Two more claims in one cell, so that the cell with the most has several.
  const m0 = await call<Matrix>(page, 'getMatrix', { rows: 'documents', measure: 'count' });
  const target = { doc: m0.rows[0].docId!, domain: m0.columns[0].domainId };
  const text = (await call<{ text: string }>(page, 'getDocument', { id: target.doc })).text;
  for (const word of ['the', 'and']) {
    const at = text.indexOf(` ${word} `, 400) + 1;
    await call(page, 'createClaim', {
      docId: target.doc,
      start: at,
      end: at + word.length,
      domainIds: [target.domain],
    });
  }
  expect(docs.length).toBeGreaterThan(0);
  await page.reload();
  await page.getByRole('tab', { name: 'Grid' }).click();
  const m = await call<Matrix>(page, 'getMatrix', { rows: 'documents', measure: 'count' });
  let best = { i: 0, j: 0 };
  m.values.forEach((row, i) => row.forEach((v, j) => v > m.values[best.i][best.j] && (best = { i, j })));
  const row = m.rows[best.i];
  const col = m.columns[best.j];
  const count = m.values[best.i][best.j];
  expect(count).toBeGreaterThanOrEqual(3);
  await page.locator(`.grid-matrix .ag-row[row-id="${row.key}"] .ag-cell[col-id="d${col.domainId}"]`).click();

  const panel = page.getByRole('region', { name: 'Excerpts' });
  await expect(panel.getByRole('heading')).toHaveText(`${row.label} × ${col.name}`);
  await expect(panel.locator('.excerpt')).toHaveCount(count);
  // In view: inside the window, beside the grid (not under it).
  const box = (await panel.boundingBox())!;
  const grid = (await page.locator('.grid-matrix').boundingBox())!;
  expect(box.y + Math.min(box.height, 200)).toBeLessThanOrEqual(720);
  expect(box.y).toBeLessThan(grid.y + grid.height);
  expect(box.x).toBeGreaterThanOrEqual(grid.x + grid.width - 1);
  expect(box.x + box.width).toBeLessThanOrEqual(1280);

  // Each excerpt: the quote marked, the text around it from its document, a link to the Reader at the claim.
  const claims = await call<{
    rows: { id: number; docId: number; start: number; end: number; quote: string }[];
  }>(page, 'queryClaims', { filter: { docIds: [row.docId], domainIds: [col.domainId] }, limit: 100 });
  const full = (await call<{ text: string }>(page, 'getDocument', { id: row.docId! })).text;
  const items = panel.locator('.excerpt');
  await expect(items.locator('.excerpt-context').first()).toBeVisible();
  for (let k = 0; k < count; k++) {
    const item = items.nth(k);
    const id = Number(await item.getAttribute('data-claim-id'));
    const c = claims.rows.find((r) => r.id === id)!;
    await expect(item.locator('mark')).toHaveText(c.quote);
    expect(await item.getAttribute('href')).toBe(`#/reader/${c.docId}?claim=${c.id}`);
    const quoteText = (await item.locator('.excerpt-quote').textContent())!.replace(/…/g, '');
    // The shown context is the document's own text around the quote.
    expect(full).toContain(quoteText);
    expect(quoteText.length).toBeGreaterThan(c.quote.length);
  }
  // The list scrolls inside the panel, which stays in the window.
  const scroller = panel.locator('.excerpt-scroll');
  expect(await scroller.evaluate((el) => getComputedStyle(el).overflowY)).toBe('auto');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'grid-excerpts-1280.png') });

  const last = items.nth(count - 1);
  const claimId = await last.getAttribute('data-claim-id');
  await last.click();
  await expect(page).toHaveURL(new RegExp(`#/reader/${row.docId}\\?claim=${claimId}$`));
  await expect(page.getByRole('article', { name: `Claim ${claimId}`, exact: true })).toHaveClass(/selected/);
});

interface Cooc {
  columns: { domainId: number; name: string }[];
  same: number[][];
  overlap: number[][];
}

test('co-occurrence exports as shown to CSV and XLSX (kind, sorted rows), read back from the download', async ({
  app: page,
}) => {
  await tagSampleClaims(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Grid' }).click();
  await page.getByRole('tab', { name: 'Co-occurrence' }).click();
  await page.getByRole('radio', { name: 'Overlapping' }).click();
  await expect(page.locator('.grid-matrix')).toHaveAttribute('data-kind', 'overlap');
  const c = await call<Cooc>(page, 'getCooccurrence');
  // Sort the rows by the first domain's column, highest first: the export follows the screen.
  const first = c.columns[0];
  const header = page.locator(
    `.grid-matrix .ag-header-cell[role=columnheader][col-id="d${first.domainId}"] .ag-header-cell-label`,
  );
  await header.click();
  await header.click();
  const order = c.columns.map((col, i) => ({ col, i }));
  order.sort((a, b) => c.overlap[b.i][0] - c.overlap[a.i][0]);
  await expect(page.locator('.grid-matrix .ag-row[row-index="0"] [col-id="name"]')).toHaveText(
    order[0].col.name,
  );
  const shownOrder = await page
    .locator('.grid-matrix .ag-row[row-index]')
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
        .map((r) => Number(r.getAttribute('row-id'))),
    );
  const expectedRows = shownOrder.map((id) => {
    const i = c.columns.findIndex((col) => col.domainId === id);
    return [c.columns[i].name, ...c.overlap[i]];
  });

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('cooccurrence-overlap.csv');
  const records = parse(fs.readFileSync((await csv.path())!, 'utf8'), { bom: true }) as string[][];
  expect(records[0]).toEqual(['Domain', ...c.columns.map((col) => col.name)]);
  expect(records.slice(1)).toEqual(expectedRows.map((r) => r.map(String)));

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export XLSX' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe('cooccurrence-overlap.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[0]).toEqual(['Domain', ...c.columns.map((col) => col.name)]);
  expect(rows.slice(1)).toEqual(expectedRows);
});

interface ClaimRow {
  id: number;
  docId: number;
  quote: string;
}

test('the claims table wraps the quote; a click selects a row and shows it whole, a double click or Enter opens it', async ({
  app: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await tagSampleClaims(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Grid' }).click();
  // The two views' buttons say what they are: no two buttons called "Claims".
  await expect(page.getByRole('tab', { name: 'Claims table' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Claim count' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Claims', exact: true })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Claims', exact: true })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Claims', exact: true })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Claims table' }).click();

  // Quotes wrap: the longest on screen shows on three lines inside its cell (it showed ~25 characters on one).
  const page1 = await call<{ rows: ClaimRow[] }>(page, 'queryClaims', { limit: 5_000 });
  const quotes = page.locator('.claims-grid .ag-row[row-id] [col-id="quote"]');
  await expect(quotes.first()).toBeVisible();
  const lines = await quotes.evaluateAll((cells) =>
    Math.max(
      ...cells.map((c) => {
        const box = c.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(c);
        // One rectangle per line of text; only those inside the cell are seen.
        const tops = new Set(
          [...range.getClientRects()]
            .filter((r) => r.width > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1)
            .map((r) => Math.round(r.top)),
        );
        return tops.size;
      }),
    ),
  );
  expect(lines).toBeGreaterThanOrEqual(3);

  // One click: the row is selected and the claim is shown whole beside the table; the address does not change.
  const row = page.locator('.claims-grid .ag-row[row-id]').first();
  const claimId = Number(await row.getAttribute('row-id'));
  const claim = page1.rows.find((r) => r.id === claimId)!;
  const before = page.url();
  await row.locator('[col-id="quote"]').click();
  await expect(row).toHaveClass(/ag-row-selected/);
  expect(page.url()).toBe(before);
  const panel = page.getByRole('region', { name: 'Excerpts' });
  await expect(panel.getByRole('heading')).toHaveText('Selected claim');
  await expect(panel.locator('mark')).toHaveText(claim.quote);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'claims-table-1280.png') });

  // A click on another row moves the selection; Enter opens the selected row in the Reader.
  const second = page.locator('.claims-grid .ag-row[row-index="1"]');
  const secondId = await second.getAttribute('row-id');
  await second.locator('[col-id="quote"]').click();
  await expect(second).toHaveClass(/ag-row-selected/);
  await expect(row).not.toHaveClass(/ag-row-selected/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/reader/\\d+\\?claim=${secondId}$`));
  await expect(page.getByRole('article', { name: `Claim ${secondId}`, exact: true })).toHaveClass(/selected/);

  // Back in the table, a double click opens a row too.
  await page.getByRole('tab', { name: 'Grid' }).click();
  await page.locator('.claims-grid .ag-row[row-id]').first().locator('[col-id="quote"]').dblclick();
  await expect(page).toHaveURL(new RegExp(`#/reader/\\d+\\?claim=${claimId}$`));
});
