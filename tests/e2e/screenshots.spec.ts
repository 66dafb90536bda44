import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, expect, openDocument, test } from './fixtures';
import { call, tagSampleClaims } from './grids-data';

// Pictures of every view at 1440×900 against the sample project; the Reader's goes into the README.
const OUT = process.env.DOSSIER_SCREENSHOTS ?? path.join(REPO_ROOT, 'test-results', 'screenshots');

test('screenshots of every view', async ({ app: page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  await expect(page.locator('.ag-row')).toHaveCount(5);
  await page.screenshot({ path: path.join(OUT, 'library.png') });

  await openDocument(page, /Allies Pledge/);
  await page.locator('[data-claims]').first().click();
  await page.screenshot({ path: path.join(OUT, 'reader.png') });

  await page.getByRole('tab', { name: 'Grid' }).click();
  await page
    .locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id^="d"]')
    .filter({ hasText: /^[1-9]\d*$/ })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Excerpts' }).locator('.excerpt').first()).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'grid.png') });

  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.locator('.compare-pickers')).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'compare.png') });

  await page.getByRole('tab', { name: 'Export' }).click();
  await page.screenshot({ path: path.join(OUT, 'export.png') });
});

// DOSSIER_README_SCREENSHOT=1 refreshes the README's pictures of the grid: the matrix (with a sub-domain, so that
// its column group shows), the excerpts panel beside it, and the claims table with a selected claim.
for (const size of [
  { width: 1440, height: 900, suffix: '' },
  { width: 1280, height: 720, suffix: '-1280' },
]) {
  test(`screenshots of the grid: matrix, excerpts, claims table (${size.width}×${size.height})`, async ({
    app: page,
  }) => {
    // Tagging the sample's claims through the API takes a while.
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const shot = async (name: string): Promise<void> => {
      fs.mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, `${name}${size.suffix}.png`);
      await page.screenshot({ path: file });
      if (process.env.DOSSIER_README_SCREENSHOT)
        fs.copyFileSync(file, path.join(REPO_ROOT, 'docs', 'screenshots', `${name}${size.suffix}.png`));
    };
    await tagSampleClaims(page);
    const domains = await call<{ id: number; name: string }[]>(page, 'listDomains');
    const aid = domains.find((d) => d.name === 'Military aid and support')!;
    const child = await call<{ id: number }>(page, 'createDomain', { name: 'Ammunition', parentId: aid.id });
    const docs = (await call<{ rows: { id: number; title: string }[] }>(page, 'listDocuments')).rows;
    const ammo = docs.find((d) => d.title.startsWith('The Ammunition Gap'))!;
    const text = (await call<{ text: string }>(page, 'getDocument', { id: ammo.id })).text;
    const sentence = /[^.]*155 mm shells[^.]*\./.exec(text)!;
    await call(page, 'createClaim', {
      docId: ammo.id,
      start: sentence.index,
      end: sentence.index + sentence[0].length,
      domainIds: [child.id],
    });
    await page.reload();
    await page.getByRole('tab', { name: 'Grid' }).click();
    await expect(page.locator('.grid-matrix .ag-row').first()).toBeVisible();
    await shot('matrix');

    await page.locator(`.grid-matrix .ag-row[row-id="${ammo.id}"] .ag-cell[col-id="d${aid.id}"]`).click();
    const panel = page.getByRole('region', { name: 'Excerpts' });
    await expect(panel.locator('.excerpt-context').first()).toBeVisible();
    await shot('grid-excerpts');

    await page.getByRole('tab', { name: 'Claims table' }).click();
    await page.locator('.claims-grid .ag-row[row-index="1"] [col-id="quote"]').click();
    await expect(panel.locator('.excerpt-context').first()).toBeVisible();
    await shot('claims-table');
  });
}
