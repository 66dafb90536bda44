import { expect, test } from './fixtures';

const LEGAL = "Aligning the Law: Ukraine's Defence Legislation and the Road to Membership";
const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';
const AMMO = "The Ammunition Gap: Can Europe's Defence Industry Keep Up?";

test('compare two documents domain by domain; one-sided domains stand out', async ({ app: page }) => {
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByLabel('Document A').selectOption({ label: LEGAL });
  await page.getByLabel('Document B').selectOption({ label: SUMMIT });

  const accession = page.getByRole('region', { name: 'Accession and membership' });
  await expect(accession).toContainText('A: 1 · B: 1');
  await expect(accession).toContainText('Ukraine will become a member when allies agree');
  await expect(accession).toContainText('irreversible path');
  await expect(accession.locator('.badge')).toHaveCount(0);

  const legal = page.getByRole('region', { name: 'Legal and legislative cooperation' });
  await expect(legal).toContainText('A: 1 · B: 0');
  await expect(legal.locator('.badge')).toHaveText('only in A');
  await expect(legal).toHaveClass(/one-sided/);

  const intelligence = page.getByRole('region', { name: 'Intelligence cooperation' });
  await expect(intelligence).toContainText('A: 0 · B: 1');
  await expect(intelligence.locator('.badge')).toHaveText('only in B');
  await expect(page.locator('.compare-none')).toContainText('Defence attachés');

  // The choice is in the address: a reload keeps it. Switching B changes the comparison.
  await page.reload();
  await expect(page.getByLabel('Document B')).toHaveValue(/\d+/);
  await expect(page.getByRole('region', { name: 'Accession and membership' })).toContainText('A: 1 · B: 1');
  await page.getByLabel('Document B').selectOption({ label: AMMO });
  await expect(page.getByRole('region', { name: 'Legal and legislative cooperation' })).toContainText(
    'A: 1 · B: 1',
  );
  await expect(page.getByRole('region', { name: 'Defence-industrial cooperation' })).toContainText(
    'A: 0 · B: 2',
  );

  // Each excerpt is a door into the Reader.
  await page
    .getByRole('region', { name: 'Defence-industrial cooperation' })
    .getByRole('link', { name: /licensing agreements/ })
    .click();
  await expect(page).toHaveURL(/#\/reader\/\d+\?claim=\d+/);
  await expect(page.locator('.claim-card.selected')).toContainText('Under licensing agreements');
});
