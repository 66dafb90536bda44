import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';
import { dragSelect, expect, openDocument, test } from './fixtures';

// axe-core on every view and on each overlay state, in both themes: any serious or critical violation fails.
const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';

async function audit(page: Page, state: string, found: string[]): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  for (const v of result.violations)
    if (v.impact === 'serious' || v.impact === 'critical')
      found.push(
        `${state}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
          .join(' | ')}`,
      );
}

/**
 * Resolves once no API call is in flight: 'networkidle' never comes now that the page holds its change stream
 * (/api-events) open, so only the calls are counted.
 */
function apiCalls(page: Page): { idle: () => Promise<void> } {
  const pending = new Set<Request>();
  const isCall = (r: Request): boolean => /\/api(\/|$)/.test(new URL(r.url()).pathname);
  page.on('request', (r) => {
    if (isCall(r)) pending.add(r);
  });
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  return { idle: () => expect.poll(() => pending.size, { timeout: 30_000 }).toBe(0) };
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in any view or overlay (${theme} theme)`, async ({ app: page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: theme });
    const found: string[] = [];
    const calls = apiCalls(page);
    await expect(page.locator('.ag-row')).toHaveCount(5);
    await audit(page, 'library', found);

    await openDocument(page, SUMMIT);
    await expect(page.locator('.claim-card').first()).toBeVisible();
    await audit(page, 'reader', found);

    await dragSelect(page, 'steady work', 'institutions');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    await expect(popover).toBeVisible();
    await audit(page, 'tag popover', found);
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();

    await page.locator('.claim-card').first().click();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('form', { name: 'Edit claim' })).toBeVisible();
    await audit(page, 'claim editor', found);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('form', { name: 'Edit claim' })).toBeHidden();

    await page.getByRole('button', { name: 'Autocode' }).click();
    const autocode = page.getByRole('dialog', { name: 'Autocode' });
    await autocode.getByLabel('Pattern').fill('training');
    await page.keyboard.press('Enter');
    await expect(autocode.getByLabel('Hit count')).toBeVisible();
    await audit(page, 'autocode', found);
    await page.keyboard.press('Escape');
    await expect(autocode).toBeHidden();

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await audit(page, 'shortcuts', found);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await audit(page, 'settings', found);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Military exercises/ }).click({ button: 'right' });
    await expect(page.getByRole('menu')).toBeVisible();
    await audit(page, 'codebook menu', found);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();

    for (const view of ['Grid', 'Compare', 'Export'] as const) {
      await page.getByRole('tab', { name: view }).click();
      await expect(page.locator(`.centre.view-${view.toLowerCase()}`)).toBeVisible();
      await calls.idle();
      await expect(page.locator('.centre .loading')).toHaveCount(0);
      await audit(page, view.toLowerCase(), found);
    }
    expect(found).toEqual([]);
  });
}
