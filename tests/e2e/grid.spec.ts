import type { Locator, Page } from '@playwright/test';
import type { Project } from '../../electron/core/project';
import { documentId, dragSelect, expect, openDocument, storedClaims, tagWith, test } from './fixtures';

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';

function cell(page: Page, rowId: string, domainId: number): Locator {
  return page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="d${domainId}"]`);
}

function domainIdOf(project: Project, name: string): number {
  return (project.db.prepare('SELECT id FROM domains WHERE name = ?').get(name) as { id: number }).id;
}

test('the grid counts claims, changes when a claim is tagged or deleted, and opens excerpts in the Reader', async ({
  app: page,
  dossier,
}) => {
  const docId = documentId(dossier.project, SUMMIT);
  const military = domainIdOf(dossier.project, 'Military exercises');
  const training = domainIdOf(dossier.project, 'Military education and training');
  const countCell = (domainId: number) => cell(page, String(docId), domainId);

  await page.getByRole('tab', { name: 'Grid' }).click();
  await expect(countCell(military)).toHaveText('0');
  await expect(countCell(training)).toHaveText('1');

  // Tag a passage as "Military exercises" in the Reader: the grid cell goes from 0 to 1.
  await openDocument(page, SUMMIT);
  await dragSelect(page, 'courses held in Poland', 'Baltic states');
  await tagWith(page, 'Military exercises');
  await expect(page.locator('.claim-card')).toHaveCount(5);
  await page.getByRole('tab', { name: 'Grid' }).click();
  await expect(countCell(military)).toHaveText('1');

  // Delete the training claim: its cell drops to 0.
  await openDocument(page, SUMMIT);
  await page
    .locator('.claim-card')
    .filter({ hasText: 'Training programmes' })
    .getByRole('button', { name: 'Delete claim' })
    .click();
  await expect(page.locator('.claim-card')).toHaveCount(4);
  await page.getByRole('tab', { name: 'Grid' }).click();
  await expect(countCell(training)).toHaveText('0');
  await expect(page.locator(`.ag-row-pinned [col-id="d${training}"]`)).toHaveText('1');

  // Click the new cell: the excerpt is listed; clicking it opens the Reader at the claim.
  await countCell(military).click();
  const excerpts = page.getByRole('region', { name: 'Excerpts' });
  await expect(excerpts.locator('.excerpt')).toHaveCount(1);
  await expect(excerpts.locator('.excerpt')).toContainText(
    'courses held in Poland, Germany and the Baltic states',
  );
  const claim = storedClaims(dossier.project, docId).find((c) =>
    c.quote.startsWith('courses held in Poland'),
  )!;
  await excerpts.locator('.excerpt').click();
  await expect(page).toHaveURL(new RegExp(`#/reader/${docId}\\?claim=${claim.id}$`));
  await expect(page.getByRole('article', { name: `Claim ${claim.id}` })).toHaveClass(/selected/);
  const highlight = page.locator(`.doc-text [data-claims~="${claim.id}"]`).first();
  await expect(highlight).toHaveClass(/flash/);
  await expect(highlight).toBeInViewport();

  // Column totals are doors too: all claims under "Military aid and support" across documents.
  await page.getByRole('tab', { name: 'Grid' }).click();
  const aid = domainIdOf(dossier.project, 'Military aid and support');
  await page.locator(`.ag-row-pinned [col-id="d${aid}"]`).click();
  await expect(page.getByRole('region', { name: 'Excerpts' }).locator('.excerpt')).toHaveCount(3);
});

test('a link into the Reader at a claim survives a reload', async ({ app: page, dossier }) => {
  const docId = documentId(dossier.project, SUMMIT);
  const claim = storedClaims(dossier.project, docId).find((c) => c.quote.startsWith('ministers agreed'))!;
  await page.goto(`${new URL(dossier.server.url).origin}/#/reader/${docId}?claim=${claim.id}`);
  await expect(page.getByRole('article', { name: `Claim ${claim.id}` })).toHaveClass(/selected/);
  await page.reload();
  await expect(page.getByRole('article', { name: `Claim ${claim.id}` })).toHaveClass(/selected/);
});
