import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Project } from '../../electron/core/project';
import { call } from './grids-data';
import { REPO_ROOT, documentId, dragSelect, expect, openDocument, test } from './fixtures';

// Suggestions (issue 17): claims tagged in three documents teach the model a domain; the review drawer learns
// from them, suggestions are accepted and rejected one at a time (and gone back to), the Model tab follows the
// retraining the core does by itself after edits, the drawer passes axe, its keys are in the ? overlay, and the
// tag popover marks the likely domain without moving the codebook's order.

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';
const DOMAIN = 'Military aid and support';
const OUT = process.env.DOSSIER_SCREENSHOTS ?? path.join(REPO_ROOT, 'test-results', 'screenshots');
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
type Db = Project['db'];

/** The long sentences of the first three documents, in order. */
function longSentences(db: Db): { docId: number; start: number; end: number }[][] {
  const docs = db.prepare('SELECT id, text FROM documents ORDER BY id LIMIT 3').all() as {
    id: number;
    text: string;
  }[];
  return docs.map((d) =>
    [...segmenter.segment(d.text)]
      .filter((s) => s.segment.trim().length > 40)
      .map((s) => ({ docId: d.id, start: s.index, end: s.index + s.segment.trimEnd().length })),
  );
}

/** Two long sentences of each of three documents tagged with the domain, through the API as the Reader would. */
async function tagThree(page: Page, db: Db, domainId: number): Promise<void> {
  for (const sentences of longSentences(db))
    for (const s of sentences.slice(1, 3)) await call(page, 'createClaim', { ...s, domainIds: [domainId] });
}

async function axe(page: Page, state: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('.suggest-drawer').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${state}: ${v.id} ×${v.nodes.length}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
}

test('tagged claims give suggestions to review, the model panel follows retraining, the popover marks the domain', async ({
  app: page,
  dossier,
}) => {
  test.setTimeout(120_000);
  const db = dossier.project.db;
  const domainId = db.prepare('SELECT id FROM domains WHERE name = ?').pluck().get(DOMAIN) as number;
  await openDocument(page, SUMMIT);
  await tagThree(page, db, domainId);
  const count = () =>
    db.prepare('SELECT count(*) FROM claim_domains WHERE domain_id = ?').pluck().get(domainId) as number;
  const before = count();

  await page.getByRole('button', { name: 'Suggest claims' }).click();
  const drawer = page.getByRole('complementary', { name: 'Suggest claims' });
  await drawer.getByLabel('Scope').selectOption('corpus');
  await drawer.getByLabel('Minimum score').selectOption('0');
  const item = drawer.getByTestId('suggestion');
  // Training and scoring run in worker threads, which take a few seconds to start on a loaded machine.
  await expect(item).toContainText(DOMAIN, { timeout: 30_000 });
  await expect(item).toContainText(/\d+ %/);
  const first = await item.locator('mark').textContent();
  await drawer.getByRole('button', { name: 'Accept (a)' }).click();
  await expect
    .poll(() => db.prepare('SELECT count(*) FROM claims WHERE suggested = 1').pluck().get())
    .toBe(1);
  const accepted = db.prepare('SELECT quote FROM claims WHERE suggested = 1').pluck().get();
  expect(accepted).toBe(first);
  // Reject by keyboard: kept as a negative example.
  await expect(item.locator('mark')).not.toHaveText(first!);
  const second = await item.locator('mark').textContent();
  await page.keyboard.press('r');
  await expect.poll(() => db.prepare('SELECT quote FROM suggest_rejections').pluck().all()).toEqual([second]);
  // ← goes back: the accepted one, marked so, cannot be accepted twice; → moves on again.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(item.locator('mark')).toHaveText(first!);
  await expect(item).toContainText('accepted');
  await expect(drawer.getByRole('button', { name: 'Accept (a)' })).toBeDisabled();
  await page.keyboard.press('a');
  await page.keyboard.press('ArrowRight');
  await expect(item.locator('mark')).toHaveText(second!);
  expect(db.prepare('SELECT count(*) FROM claims WHERE suggested = 1').pluck().get()).toBe(1);
  expect(await axe(page, 'review')).toEqual([]);

  // The Model tab: the accepted claim counted once the core has retrained by itself.
  await drawer.getByRole('tab', { name: 'Model' }).click();
  const row = drawer.getByTestId(`model-row-${domainId}`);
  const status = drawer.getByTestId('model-status');
  await expect(row).toContainText(DOMAIN);
  await expect(row.locator('td').nth(1)).toHaveText(String(before + 1), { timeout: 30_000 });
  await expect(status).toHaveText(/Up to date/, { timeout: 30_000 });
  await expect(row.locator('td').nth(2)).toHaveText(/%|–/);
  // An edit made elsewhere (here through the API) retrains in the core and the panel follows, untouched.
  const third = longSentences(db)[0][3];
  await call(page, 'createClaim', { ...third, domainIds: [domainId] });
  await expect(row.locator('td').nth(1)).toHaveText(String(before + 2), { timeout: 30_000 });
  await expect(status).toHaveText(/Up to date/, { timeout: 30_000 });
  expect(count()).toBe(before + 2);
  expect(await axe(page, 'model')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The drawer's keys are in the ? overlay.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('a / r / s in Suggest claims');
  await expect(shortcuts).toContainText('Next / previous suggestion');
  await shortcuts.getByRole('button', { name: 'Close' }).click();

  // The popover: the tagged sentence's domain marked, the codebook in its own order with its digits.
  const sidebarOrder = await page.locator('.cb-tree .cb-name .name').allTextContents();
  await dragSelect(page, 'Defence ministers from across', 'coming years');
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  const codebook = popover.getByRole('group', { name: 'Codebook' }).getByRole('option');
  await expect(codebook.filter({ hasText: DOMAIN }).getByTestId('tag-confidence')).toBeVisible();
  await expect(codebook.locator('.name')).toHaveText(sidebarOrder);
  await expect(codebook.filter({ hasText: DOMAIN })).toHaveAttribute(
    'aria-keyshortcuts',
    String(sidebarOrder.indexOf(DOMAIN) + 1),
  );
  expect(documentId(dossier.project, SUMMIT)).toBeGreaterThan(0);
});

for (const size of [
  { width: 1440, height: 900, suffix: '' },
  { width: 1280, height: 720, suffix: '-1280' },
]) {
  test(`screenshots of the suggestion drawer and the Model tab (${size.width}×${size.height})`, async ({
    app: page,
    dossier,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const shot = async (name: string): Promise<void> => {
      fs.mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, `${name}${size.suffix}.png`);
      await page.screenshot({ path: file });
      if (process.env.DOSSIER_README_SCREENSHOT)
        fs.copyFileSync(file, path.join(REPO_ROOT, 'docs', 'screenshots', `${name}${size.suffix}.png`));
    };
    const db = dossier.project.db;
    const domainId = db.prepare('SELECT id FROM domains WHERE name = ?').pluck().get(DOMAIN) as number;
    await openDocument(page, SUMMIT);
    await tagThree(page, db, domainId);
    await page.getByRole('button', { name: 'Suggest claims' }).click();
    const drawer = page.getByRole('complementary', { name: 'Suggest claims' });
    await drawer.getByLabel('Scope').selectOption('corpus');
    await drawer.getByLabel('Minimum score').selectOption('0');
    await expect(drawer.getByTestId('suggestion')).toContainText(DOMAIN, { timeout: 30_000 });
    await shot('suggest-drawer');
    await drawer.getByRole('tab', { name: 'Model' }).click();
    await expect(drawer.getByTestId('model-status')).toHaveText(/Up to date/, { timeout: 30_000 });
    await shot('suggest-model');
  });
}
