import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';
import type { Project } from '../../electron/core/project';
import type { WebServer } from '../../electron/web/server';
import { dragSelect, expect, openDocument, REPO_ROOT, tagWith, test, WEB_ROOT } from './fixtures';

// Teamwork through the UI: two copies of the sample project, each served in web mode and coded by its own analyst
// (named in Settings), merged into the first with Merge project…, the agreement shown with κ and α per domain, and
// a disagreement resolved in the review view.

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';
const DOMAIN = 'Military education and training';
const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

type Doors = typeof import('../../electron/core/project') & typeof import('../../electron/web/server');

async function secondCopy(): Promise<{
  project: Project;
  server: WebServer;
  dir: string;
  close: () => Promise<void>;
}> {
  const project = (await tsImport('../../electron/core/project.ts', import.meta.url)) as Doors;
  const server = (await tsImport('../../electron/web/server.ts', import.meta.url)) as Doors;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-ben-'));
  const p = project.openDefaultProject(dir);
  const s = await server.startWebServer({ project: p, webRoot: WEB_ROOT, autoBackups: false });
  return {
    project: p,
    server: s,
    dir,
    close: async () => {
      await Promise.race([s.close(), new Promise((r) => setTimeout(r, 1_000))]);
      project.closeProject(p);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function axeClean(page: Page, selector: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function nameAnalyst(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Analyst name').fill(name);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.statusbar')).toContainText(name);
}

async function code(page: Page, from: string, to: string): Promise<void> {
  await openDocument(page, SUMMIT);
  await dragSelect(page, from, to);
  await tagWith(page, DOMAIN);
}

const claimsBy = (p: Project, analyst: string) =>
  p.db.prepare('SELECT start, end FROM claims WHERE analyst = ? ORDER BY start').all(analyst) as {
    start: number;
    end: number;
  }[];

test('two analysts’ copies merged, agreement per domain, a disagreement resolved in the review', async ({
  app: page,
  dossier,
  browser,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const ben = await secondCopy();
  const benPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await nameAnalyst(page, 'Ana');
    await code(page, 'A senior official said', 'run itself.');
    await benPage.goto(ben.server.url);
    await nameAnalyst(benPage, 'Ben');
    await code(benPage, 'move from emergency', 'education system');
    await expect.poll(() => claimsBy(ben.project, 'Ben').length).toBe(1);

    // Merge Ben's copy into Ana's: previewed, then done.
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByRole('button', { name: 'Merge project…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge project' });
    await dialog.getByLabel(/Project to merge in/).fill(ben.project.path);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const report = dialog.getByRole('region', { name: 'Merge report' });
    await expect(report).toContainText('would give');
    await axeClean(page, '.teamwork-dialog');
    await expect(report.getByRole('row', { name: /Claims/ })).toHaveText(/Claims\s*1\s*\d+\s*0/);
    expect(claimsBy(dossier.project, 'Ben')).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(report).toContainText('Undo reverts it');
    await expect(report.getByRole('row', { name: /Documents/ })).toHaveText(/Documents\s*0\s*5\s*0/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(claimsBy(dossier.project, 'Ben')).toEqual(claimsBy(ben.project, 'Ben'));

    // Agreement between Ana and Ben, with κ and α for the domain they both used.
    await page.getByLabel('Analyst A').selectOption('Ana');
    await page.getByLabel('Analyst B').selectOption('Ben');
    const row = page.locator(`tr[data-domain="${DOMAIN}"]`);
    await expect(row).toBeVisible();
    const cells = row.locator('td');
    // Ana only, Ben only, both, agreement, κ, α.
    await expect(cells.nth(1)).toHaveText('0');
    await expect(cells.nth(4)).toHaveText(/^0\.\d{3}$/);
    await expect(cells.nth(5)).toHaveText(/^0\.\d{3}$/);
    const kappa = Number(await cells.nth(4).textContent());
    expect(kappa).toBeGreaterThan(0);
    expect(kappa).toBeLessThan(1);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'agreement.png') });
    await axeClean(page, '.agreement-view');

    // The review: Ana's sentence against Ben's phrase inside it; accept Ben's.
    await row.getByRole('button', { name: `Review ${DOMAIN}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Passage 1 of 1' })).toBeVisible();
    const anaSide = page.getByRole('group', { name: 'Ana’s coding' });
    const benSide = page.getByRole('group', { name: 'Ben’s coding' });
    await expect(anaSide.locator('[data-who="a"]')).toHaveCount(2);
    await expect(anaSide.locator('[data-who="both"]')).toHaveText(
      'move from emergency instruction of recruits towards a professional military education system',
    );
    await expect(benSide.locator('[data-who="a"]')).toHaveCount(0);
    await page.screenshot({ path: path.join(SHOTS, 'review.png') });
    await axeClean(page, '.review-view');
    // The keys: "g then a" is the view switch, not "Accept Ana's"; b accepts Ben's.
    await page.locator('.review-view').focus();
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await expect(page.getByRole('status').filter({ hasText: 'Passage 1 of 1' })).toBeVisible();
    expect(claimsBy(dossier.project, 'Ana')).not.toEqual(claimsBy(dossier.project, 'Ben'));
    await page.keyboard.press('b');
    await expect(page.getByRole('heading', { name: 'No disagreements left' })).toBeVisible();
    expect(claimsBy(dossier.project, 'Ana')).toEqual(claimsBy(dossier.project, 'Ben'));

    // Undone in one step: the disagreement is back.
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('status').filter({ hasText: 'Passage 1 of 1' })).toBeVisible();
  } finally {
    await benPage.close();
    await ben.close();
  }
});

test('a claim edited in both copies is kept twice after the merge, until the analyst keeps one', async ({
  app: page,
  dossier,
}) => {
  // A copy of this project's file whose first claim got another note there, and here meanwhile.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-copy-'));
  try {
    const copy = path.join(dir, 'copy.dossier');
    const db = dossier.project.db;
    db.prepare('VACUUM INTO ?').run(copy);
    const id = db.prepare('SELECT min(id) FROM claims').pluck().get() as number;
    const other = new Database(copy);
    other.prepare("UPDATE claims SET note = 'their reading' WHERE id = ?").run(id);
    other.close();
    db.prepare("UPDATE claims SET note = 'our reading' WHERE id = ?").run(id);

    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByRole('button', { name: 'Merge project…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge project' });
    await dialog.getByLabel(/Project to merge in/).fill(copy);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const report = dialog.getByRole('region', { name: 'Merge report' });
    await expect(report.getByRole('row', { name: /Claims/ })).toHaveText(/Claims\s*0\s*\d+\s*1/);
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(report).toContainText('Undo reverts it');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const conflicts = page.getByRole('region', { name: /Claims edited in both copies/ });
    await expect(conflicts.getByRole('row')).toHaveCount(2);
    await expect(conflicts).toContainText('our reading');
    await expect(conflicts).toContainText('their reading');
    await axeClean(page, '.merge-conflicts');
    await conflicts.getByRole('button', { name: 'Keep theirs' }).click();
    await expect(conflicts).toBeHidden();
    // Save a copy for an analyst, from the same view: their claims only.
    await page.getByRole('button', { name: 'Save a copy for an analyst…' }).click();
    const save = page.getByRole('dialog', { name: 'Save a copy for an analyst' });
    await save.getByLabel('Analyst').fill('Sample');
    const saved = path.join(dir, 'for-sample.dossier');
    await save.getByLabel('Save as').fill(saved);
    await save.getByRole('button', { name: 'Save copy' }).click();
    await expect(save.getByRole('status')).toContainText('5 documents');
    await save.getByRole('button', { name: 'Close' }).click();
    const copied = new Database(saved, { readonly: true });
    expect(copied.prepare('SELECT DISTINCT analyst FROM claims').pluck().all()).toEqual(['Sample']);
    copied.close();

    const notes = db
      .prepare('SELECT note FROM claims WHERE note IN (?, ?)')
      .pluck()
      .all('our reading', 'their reading');
    expect(notes).toEqual(['their reading']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
