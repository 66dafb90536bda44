import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, expect, openDocument, test } from './fixtures';

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
