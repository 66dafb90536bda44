import type { Page, Request } from '@playwright/test';
import { documentId, dragSelect, expect, openDocument, storedClaims, test } from './fixtures';

// The change stream in a real Chromium: saving a claim costs one request and at most two for what it changed
// (before, seven: the window re-read everything, the open document's claims too), and another tab shows the
// new claim's counts from the pushed event without a reload.

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';

/** The API methods a page calls from now on, in order (the change stream's own long request is not one). */
function recordCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r: Request) => {
    const m = /\/api\/([^/?]+)$/.exec(new URL(r.url()).pathname);
    if (m && r.method() === 'POST') calls.push(decodeURIComponent(m[1]));
  });
  return calls;
}

const claimsInStatusBar = (page: Page) => page.locator('.statusbar').getByText(/\d+ claims/);

test('saving a claim sends at most three requests; another tab follows from the stream', async ({
  app: page,
  dossier,
}) => {
  const other = await page.context().newPage();
  await other.goto(dossier.server.url);
  await expect(other.getByRole('tab', { name: 'Library' })).toBeVisible();
  const before = (dossier.project.db.prepare('SELECT COUNT(*) AS n FROM claims').get() as { n: number }).n;
  await expect(other.getByText(`${before} claims ·`, { exact: false }).first()).toBeVisible();

  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const domain = page.locator('.cb-tree li').filter({ hasText: 'Military exercises' }).locator('.count');
  const domainBefore = Number(await domain.textContent());
  await expect(claimsInStatusBar(page)).toContainText(`${before} claims`);

  await dragSelect(page, 'steady work', 'institutions');
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  await expect(popover).toBeVisible();
  const calls = recordCalls(page);
  const otherCalls = recordCalls(other);
  await popover.getByRole('option', { name: /Military exercises/ }).click();
  await popover.getByRole('button', { name: 'Save' }).click();
  await expect(popover).toBeHidden();

  const added = storedClaims(dossier.project, docId).find((c) => c.quote.startsWith('steady work'));
  expect(added).toBeDefined();
  await expect(page.getByRole('article', { name: `Claim ${added!.id}` })).toBeVisible();
  // What the claim changed reaches this window: the totals (documents) and the domain's count (codebook).
  await expect(claimsInStatusBar(page)).toContainText(`${before + 1} claims`);
  await expect(domain).toHaveText(String(domainBefore + 1));
  expect(calls[0]).toBe('createClaim');
  expect(calls.length).toBeLessThanOrEqual(3);
  expect(calls).not.toContain('listClaims');
  expect(calls).not.toContain('historyState');
  // The Undo button knows the new step from the event, with no request of its own.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();

  // The other tab (the Library) heard of it on the stream and refetched what shows the count.
  await expect(other.getByText(`${before + 1} claims ·`, { exact: false }).first()).toBeVisible();
  expect(otherCalls).not.toContain('createClaim');
  expect(otherCalls).toContain('listDocuments');

  // An undo in the other tab reaches this one: the claim's highlight and card go.
  await other.keyboard.press('Control+z');
  await expect(page.getByRole('article', { name: `Claim ${added!.id}` })).toHaveCount(0);
  await expect(claimsInStatusBar(page)).toContainText(`${before} claims`);
  await other.close();
});
