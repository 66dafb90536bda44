import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { documentId, dragSelect, expect, openDocument, storedClaims, test } from './fixtures';

// Backups in web mode: a claim made, the project backed up, the claim deleted, the backup restored from the top
// bar's Backups dialog: the claim is back, in the file and on screen.

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';
const QUOTE = 'defence planning with Alliance';
const card = (page: Page, id: number) => page.getByRole('article', { name: `Claim ${id}` });

async function openBackups(page: Page) {
  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Back up now' })).toBeFocused();
  return dialog;
}

test('back up, delete a claim, restore the backup: the claim is back', async ({ app: page, dossier }) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  await dragSelect(page, 'efence planning with', 'Allia');
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  await expect(popover).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  const claim = storedClaims(dossier.project, docId).find((c) => c.quote === QUOTE)!;
  expect(claim).toBeDefined();
  await expect(card(page, claim.id)).toBeVisible();

  let dialog = await openBackups(page);
  // The web door backed the project up when it started serving it.
  await expect(dialog.getByRole('row').filter({ hasText: 'automatic' })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Backed up: 5 documents, 16 claims.');
  const manual = dialog.getByRole('row').filter({ hasText: 'asked for' });
  await expect(manual).toHaveCount(1);
  await expect(manual.getByRole('cell').nth(3)).toHaveText('16');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Backups…' })).toBeFocused();

  await card(page, claim.id).click();
  await expect(card(page, claim.id)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Delete');
  await expect(card(page, claim.id)).toHaveCount(0);
  expect(storedClaims(dossier.project, docId).some((c) => c.id === claim.id)).toBe(false);

  dialog = await openBackups(page);
  await dialog
    .getByRole('row')
    .filter({ hasText: 'asked for' })
    .getByRole('button', { name: /^Restore the backup of/ })
    .click();
  const confirm = dialog.getByRole('group', { name: 'Confirm the restore' });
  await expect(confirm).toContainText('16 claims');
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Restored the backup of');
  // The state before the restore is listed as a backup of its own, with the claim deleted.
  const before = dialog.getByRole('row').filter({ hasText: 'before a restore' });
  await expect(before).toHaveCount(1);
  await expect(before.getByRole('cell').nth(3)).toHaveText('15');
  // No serious or critical accessibility problem in the dialog, with its table and confirmation shown.
  const axe = await new AxeBuilder({ page }).include('.backups-dialog').analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Back in the file and on screen, without a reload.
  expect(storedClaims(dossier.project, docId).find((c) => c.id === claim.id)?.quote).toBe(QUOTE);
  await expect(card(page, claim.id)).toBeVisible();
});
