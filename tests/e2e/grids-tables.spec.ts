import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, tagSampleClaims } from './grids-data';

test.describe.configure({ timeout: 120_000 });

interface Cooc {
  columns: { domainId: number; name: string }[];
  same: number[][];
  overlap: number[][];
}

async function cooccurrenceOnScreen(page: Page): Promise<Record<string, string>> {
  return page.locator('.grid-matrix').evaluate((root) => {
    const out: Record<string, string> = {};
    root.querySelectorAll('.ag-row').forEach((row) =>
      row.querySelectorAll('.ag-cell[col-id^="d"]').forEach((c) => {
        out[`${row.getAttribute('row-id')}|${c.getAttribute('col-id')}`] = (c.textContent ?? '').trim();
      }),
    );
    return out;
  });
}

function expected(c: Cooc, kind: 'same' | 'overlap'): Record<string, string> {
  const out: Record<string, string> = {};
  c.columns.forEach((a, i) =>
    c.columns.forEach((b, j) => (out[`${a.domainId}|d${b.domainId}`] = String(c[kind][i][j]))),
  );
  return out;
}

test('co-occurrence: same claim and overlapping, each number opens its pairs of excerpts', async ({
  app: page,
}) => {
  await tagSampleClaims(page);
  const docs = (await call<{ rows: { id: number; title: string }[] }>(page, 'listDocuments')).rows;
  const domains = await call<{ id: number; name: string }[]>(page, 'listDomains');
  const intel = domains.find((d) => d.name === 'Intelligence cooperation')!;
  const attaches = domains.find((d) => d.name === 'Defence attachés')!;
  // Two claims that overlap in one document, one under each domain: one overlapping pair.
  const doc = docs[0];
  const text = (await call<{ text: string }>(page, 'getDocument', { id: doc.id })).text;
  await call(page, 'createClaim', { docId: doc.id, start: 0, end: 40, domainIds: [intel.id] });
  await call(page, 'createClaim', { docId: doc.id, start: 20, end: 60, domainIds: [attaches.id] });
  expect(text.length).toBeGreaterThan(60);

  await page.reload();
  await page.getByRole('tab', { name: 'Grid' }).click();
  await page.getByRole('tab', { name: 'Co-occurrence' }).click();
  const data = await call<Cooc>(page, 'getCooccurrence');
  await expect.poll(() => cooccurrenceOnScreen(page)).toEqual(expected(data, 'same'));
  await page.getByRole('radio', { name: 'Overlapping' }).click();
  await expect(page.locator('.grid-matrix')).toHaveAttribute('data-kind', 'overlap');
  await expect.poll(() => cooccurrenceOnScreen(page)).toEqual(expected(data, 'overlap'));
  const i = data.columns.findIndex((c) => c.domainId === intel.id);
  const j = data.columns.findIndex((c) => c.domainId === attaches.id);
  expect(data.overlap[i][j]).toBeGreaterThanOrEqual(1);
  expect(data.same).not.toEqual(data.overlap);

  // The cell opens the overlapping pairs: each pair shows both claims, each a link into the Reader.
  await page.locator(`.grid-matrix .ag-row[row-id="${intel.id}"] .ag-cell[col-id="d${attaches.id}"]`).click();
  const panel = page.getByRole('region', { name: 'Excerpts' });
  await expect(panel.getByRole('heading')).toHaveText('Intelligence cooperation × Defence attachés');
  const pairs = await call<{ total: number; items: { claims: { id: number; quote: string }[] }[] }>(
    page,
    'getCooccurrenceExcerpts',
    { domainA: intel.id, domainB: attaches.id, kind: 'overlap' },
  );
  await expect(panel).toContainText(`${pairs.total} overlapping pairs`);
  await expect(panel.locator('.pair')).toHaveCount(pairs.items.length);
  const ours = panel.locator('.pair').filter({ hasText: text.slice(20, 40) });
  await expect(ours.first().locator('.excerpt')).toHaveCount(2);
  await expect(ours.first()).toContainText(text.slice(0, 40).trim());

  // Switching back to "same claim" reloads the pairs for that cell.
  await page.getByRole('radio', { name: 'Same claim' }).click();
  await expect(panel).toContainText(`${data.same[i][j]} claims`);
  const link = ours.first().locator('.excerpt').first();
  await page.getByRole('radio', { name: 'Overlapping' }).click();
  const claimId = await link.getAttribute('data-claim-id');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/reader/${doc.id}\\?claim=${claimId}$`));
});

interface Page1 {
  total: number;
  rows: { id: number; docId: number; quote: string; stance: string | null }[];
}

test('claims table: quick search, filters, grouping, export, and a row opens the Reader', async ({
  app: page,
}) => {
  await tagSampleClaims(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Grid' }).click();
  await page.getByRole('tab', { name: 'Claims' }).click();
  const all = await call<Page1>(page, 'queryClaims', { limit: 1 });
  const total = page.locator('.claims-total');
  await expect(total).toHaveText(`${all.total} claims`);

  // Filter by stance: the count and the rows follow the core's answer.
  await page.getByLabel('Filter by stance').selectOption('supports');
  const supports = await call<Page1>(page, 'queryClaims', { filter: { stances: ['supports'] }, limit: 500 });
  expect(supports.total).toBeGreaterThan(0);
  expect(supports.total).toBeLessThan(all.total);
  await expect(total).toHaveText(`${supports.total} claims`);
  await expect(page.locator('.claims-grid .ag-row[row-id] [col-id="stance"]').first()).toHaveText('supports');
  const stances = await page.locator('.claims-grid .ag-row [col-id="stance"]').allTextContents();
  expect(new Set(stances.filter(Boolean))).toEqual(new Set(['supports']));

  // Add a domain filter and a grading filter on top.
  const domains = await call<{ id: number; name: string }[]>(page, 'listDomains');
  const aid = domains.find((d) => d.name === 'Military aid and support')!;
  await page.getByLabel('Filter by stance').selectOption('');
  await page.getByLabel('Filter by domain').selectOption({ label: aid.name });
  const inAid = await call<Page1>(page, 'queryClaims', { filter: { domainIds: [aid.id] }, limit: 1 });
  await expect(total).toHaveText(`${inAid.total} claims`);
  await page.getByLabel('Filter by grading').selectOption('B2');
  const aidB2 = await call<Page1>(page, 'queryClaims', {
    filter: { domainIds: [aid.id], reliability: ['B'], credibility: [2] },
    limit: 1,
  });
  await expect(total).toHaveText(`${aidB2.total} ${aidB2.total === 1 ? 'claim' : 'claims'}`);
  await page.getByLabel('Filter by grading').selectOption('');
  await page.getByLabel('Filter by domain').selectOption('');
  await expect(total).toHaveText(`${all.total} claims`);

  // Group by stance: the groups and their counts; clicking one filters the table.
  await page.getByLabel('Group by').selectOption('stance');
  const groups = await call<{ value: string | null; label: string; count: number }[]>(
    page,
    'getClaimGroups',
    {
      by: 'stance',
    },
  );
  const list = page.getByRole('navigation', { name: 'Groups' });
  for (const g of groups)
    await expect(
      list.getByRole('button', { name: new RegExp(`^${g.label.replace(/[()]/g, '\\$&')}\\s*${g.count}$`) }),
    ).toBeVisible();
  const opposes = groups.find((g) => g.value === 'opposes')!;
  await list.getByRole('button', { name: /^opposes/ }).click();
  await expect(total).toHaveText(`${opposes.count} ${opposes.count === 1 ? 'claim' : 'claims'}`);
  const shownStances = await page.locator('.claims-grid .ag-row [col-id="stance"]').allTextContents();
  expect(new Set(shownStances.filter(Boolean))).toEqual(new Set(['opposes']));

  // Quick search narrows further; the state survives a reload.
  const sample = (await call<Page1>(page, 'queryClaims', { filter: { stances: ['opposes'] }, limit: 1 }))
    .rows[0];
  const word = sample.quote.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!;
  await page.getByLabel('Search claims').fill(word);
  const searched = await call<Page1>(page, 'queryClaims', {
    filter: { stances: ['opposes'], search: word },
    limit: 1,
  });
  await expect(total).toHaveText(`${searched.total} ${searched.total === 1 ? 'claim' : 'claims'}`);
  await expect
    .poll(
      async () =>
        (await call<{ state: { search?: string } }>(page, 'getGridState', { grid: 'claims' })).state.search,
    )
    .toBe(word);
  await page.reload();
  await expect(page.getByLabel('Search claims')).toHaveValue(word);
  await expect(page.getByLabel('Group by')).toHaveValue('stance');
  await expect(total).toHaveText(`${searched.total} ${searched.total === 1 ? 'claim' : 'claims'}`);

  // Export what is shown: the CSV holds exactly the filtered claims, written by the core from the table's query
  // (one request naming the filter, sort and columns; no rows go to the renderer and back).
  const sent: { method: string; body: string }[] = [];
  const onRequest = (r: import('@playwright/test').Request): void => {
    const m = /\/api\/([A-Za-z]+)/.exec(new URL(r.url()).pathname);
    if (m) sent.push({ method: m[1], body: r.postData() ?? '' });
  };
  page.on('request', onRequest);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await download;
  page.off('request', onRequest);
  expect(sent.map((s) => s.method)).toEqual(['exportClaimsTable']);
  const exportInput = JSON.parse(sent[0].body) as { filter: { search?: string }; rows?: unknown };
  expect(exportInput.filter.search).toBe(word);
  expect(exportInput.rows).toBeUndefined();
  const records = parse(fs.readFileSync((await (await download).path())!, 'utf8'), {
    bom: true,
  }) as string[][];
  expect(records[0].slice(0, 4)).toEqual(['Document', 'Quote', 'Domains', 'Note']);
  expect(records.length - 1).toBe(searched.total);
  expect(records.slice(1).every((r) => r[records[0].indexOf('Stance')] === 'opposes')).toBe(true);

  // A row is a door into the Reader at its claim (a double click; a single click selects it).
  const row = page.locator('.claims-grid .ag-row[row-id]').first();
  const claimId = await row.getAttribute('row-id');
  await row.locator('[col-id="quote"]').dblclick();
  await expect(page).toHaveURL(new RegExp(`#/reader/\\d+\\?claim=${claimId}$`));
  await expect(page.getByRole('article', { name: `Claim ${claimId}` })).toHaveClass(/selected/);
});
