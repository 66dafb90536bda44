import { documentId, dragSelect, expect, openDocument, storedClaims, test } from './fixtures';

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';

test('the tag popover lists the domains used last first, under keys 1, 2, …, and keeps them after a reload', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  const names = popover.getByRole('option').locator('.name');

  await dragSelect(page, 'steady work', 'institutions');
  await expect(names.first()).toHaveText('High-level dialogue');
  await popover.getByRole('option', { name: /Defence attachés/ }).click();
  await popover.getByRole('option', { name: /Military exercises/ }).click();
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();

  // Used together, in the order ticked: the next popover offers them as 1 and 2.
  await dragSelect(page, 'joint working group', 'capability needs');
  await expect(names.nth(0)).toHaveText('Defence attachés');
  await expect(names.nth(1)).toHaveText('Military exercises');
  await expect(names.nth(2)).toHaveText('High-level dialogue');
  await expect(popover.getByRole('option').nth(0)).toContainText('recent');
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  const added = storedClaims(dossier.project, docId).find((c) => c.quote.startsWith('joint working group'));
  expect(added).toBeDefined();
  const card = page.getByRole('article', { name: `Claim ${added!.id}` });
  await expect(card).toContainText('Military exercises');
  await expect(card).not.toContainText('Defence attachés');

  // The most recent is now first, and the order outlives a reload; typing still filters the whole codebook.
  await page.reload();
  await dragSelect(page, 'timetable could be set', 'war continues');
  await expect(names.nth(0)).toHaveText('Military exercises');
  await expect(names.nth(1)).toHaveText('Defence attachés');
  await page.keyboard.type('legal');
  await expect(names).toHaveText(['Legal and legislative cooperation']);
});
