import { expect, test } from './fixtures';
import { call } from './grids-data';

interface Matrix {
  rows: { key: string | null; label: string; docCount: number }[];
  rowTotals: number[];
  total: number;
}

const SHOTS = process.env.DOSSIER_SHOTS ?? 'docs/screenshots';

test('select documents in the Library, make a set of them, and use it as the grid’s rows', async ({
  app: page,
}) => {
  const docs = (await call<{ rows: { id: number; title: string; claims: number }[] }>(page, 'listDocuments'))
    .rows;
  const chosen = docs.filter((d) => /^(Allies Pledge|Quiet Channels)/.test(d.title));
  expect(chosen).toHaveLength(2);

  const addToSet = page.getByRole('button', { name: 'Add to set…' });
  await expect(addToSet).toBeDisabled();
  await page.getByRole('gridcell', { name: chosen[0].title }).click();
  await page.getByRole('gridcell', { name: chosen[1].title }).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.locator('.ag-row-selected')).toHaveCount(2);
  await addToSet.click();
  const panel = page.getByRole('form', { name: 'Add 2 selected documents to a set' });
  await expect(panel.getByRole('combobox', { name: 'Set' })).toBeFocused();
  await panel.getByRole('textbox', { name: 'Name' }).fill('Training partners');
  await panel.getByRole('button', { name: 'Create set' }).click();
  await expect(panel).toBeHidden();
  await expect(addToSet).toBeFocused();
  await expect(page.locator('.statusbar')).toContainText('Set “Training partners” created with 2 documents');

  // The left column lists it with its count; a click shows only its documents in the Library.
  const sets = page.getByRole('list', { name: 'Document sets' });
  const entry = sets.getByRole('button', { name: /Training partners/ });
  await expect(entry).toContainText('2');
  await entry.click();
  await expect(entry).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.library .ag-row')).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: 'Set: Training partners' })).toBeVisible();
  await page.getByRole('button', { name: 'Show all documents, not only the set Training partners' }).click();
  await expect(page.locator('.library .ag-row')).toHaveCount(docs.length);

  // Sets as the matrix's rows: the set's claims, and the documents in no set.
  await page.getByRole('tab', { name: 'Grid' }).click();
  await page.getByRole('combobox', { name: 'Rows' }).selectOption({ label: 'Set' });
  const m = await call<Matrix>(page, 'getMatrix', { rows: 'set' });
  const claimsOf = (list: typeof docs) => list.reduce((n, d) => n + d.claims, 0);
  expect(m.rows.map((r) => [r.label, r.docCount])).toEqual([
    ['Training partners', 2],
    ['(in no set)', docs.length - 2],
  ]);
  expect(m.rowTotals).toEqual([claimsOf(chosen), claimsOf(docs) - claimsOf(chosen)]);
  const setRow = page.locator(`.grid-matrix .ag-row[row-id="${m.rows[0].key}"]`);
  await expect(setRow.locator('.ag-cell[col-id="label"]')).toHaveText('Training partners');
  await expect(setRow.locator('.ag-cell[col-id="total"]')).toHaveText(String(claimsOf(chosen)));
  await expect(page.locator('.grid-matrix .ag-row[row-id="∅"] .ag-cell[col-id="label"]')).toHaveText(
    '(in no set)',
  );
  await page.screenshot({ path: `${SHOTS}/sets-grid-rows.png` });

  // The claims table offers the set as a filter chip.
  await page.getByRole('tab', { name: 'Claims table' }).click();
  const chip = page
    .getByRole('group', { name: 'Document sets' })
    .getByRole('button', { name: /Training partners/ });
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.claims-total')).toHaveText(`${claimsOf(chosen)} claims`);

  // Set against set: with a second set, the matrix puts just the two side by side.
  const rest = docs.filter((d) => !chosen.includes(d));
  await call(page, 'createSet', { name: 'The rest', docIds: rest.map((d) => d.id) });
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await page.getByRole('combobox', { name: 'Compare: set a' }).selectOption({ label: 'The rest' });
  await page.getByRole('combobox', { name: 'Compare: set b' }).selectOption({ label: 'Training partners' });
  await expect(page.getByRole('combobox', { name: 'Rows' })).toHaveValue(/^set:\d+,\d+$/);
  await expect(page.locator('.grid-matrix .ag-row:not(.ag-row-pinned) .ag-cell[col-id="label"]')).toHaveText([
    'The rest',
    'Training partners',
  ]);
});

test('a set from a search holds every matching document', async ({ app: page }) => {
  await page
    .getByRole('searchbox', { name: /search/i })
    .first()
    .fill('training');
  await page.getByRole('button', { name: /Create set from this search/ }).click();
  const name = page.getByRole('textbox', { name: 'Set name' });
  await expect(name).toHaveValue('training');
  await name.fill('On training');
  await page.getByRole('button', { name: 'Create set', exact: true }).click();
  const found = await call<{ total: number }>(page, 'searchDocuments', { query: 'training' });
  const sets = await call<{ name: string; docCount: number }[]>(page, 'listSets');
  expect(sets).toEqual([expect.objectContaining({ name: 'On training', docCount: found.total })]);
  await expect(
    page.getByRole('list', { name: 'Document sets' }).getByRole('button', { name: /On training/ }),
  ).toContainText(String(found.total));
});

test('one set per value of an attribute, from the Library', async ({ app: page }) => {
  const docs = (await call<{ rows: { id: number; title: string }[] }>(page, 'listDocuments')).rows;
  const regions = ['East', 'West', 'east', 'East'];
  for (const [i, region] of regions.entries())
    await call(page, 'setDocumentAttributes', {
      docId: docs[i].id,
      values: { Region: region },
      define: true,
    });
  const choose = page.getByRole('combobox', { name: 'Attribute to make sets from' });
  await expect(choose.getByRole('option', { name: 'Region' })).toBeAttached();
  await choose.selectOption({ label: 'Region' });
  await page.getByRole('button', { name: 'One set per value' }).click();
  await expect(page.locator('.statusbar')).toContainText('2 sets made from Region');
  // "East" and "east" are one value, as the attribute filter compares text, named as most documents spell it.
  const sets = page.getByRole('list', { name: 'Document sets' }).getByRole('button');
  await expect(sets).toHaveText([/^Region: East\s*3$/, /^Region: West\s*1$/]);
});
