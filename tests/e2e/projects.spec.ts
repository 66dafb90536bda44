import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import type { Session } from '../../electron/core/projects';
import type { WebServer } from '../../electron/web/server';
import { dragSelect, openDocument, tagWith, WEB_ROOT } from './fixtures';

// Projects and the analyst in web mode (issue 13): the server holds a session over a fresh data folder, as
// `dossier serve` does, so the first start makes the sample and asks who the analyst is; projects are created,
// filled and switched from the project menu without a restart, and nothing of one shows in the other.

type ProjectsModule = typeof import('../../electron/core/projects');
type ServerModule = typeof import('../../electron/web/server');

const test = base.extend<{ served: { session: Session; server: WebServer; dataDir: string } }>({
  // eslint-disable-next-line no-empty-pattern
  served: async ({}, use) => {
    const projects = (await tsImport(
      '../../electron/core/projects/index.ts',
      import.meta.url,
    )) as ProjectsModule;
    const web = (await tsImport('../../electron/web/server.ts', import.meta.url)) as ServerModule;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-projects-'));
    const session = projects.startSession(dataDir, { autoBackups: false });
    const server = await web.startWebServer({ session, webRoot: WEB_ROOT });
    await use({ session, server, dataDir });
    await Promise.race([server.close(), new Promise((r) => setTimeout(r, 1_000))]);
    projects.closeSession(session);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

async function exportCount(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export', level: 1 })).toBeVisible();
  const count = page.getByTestId('export-count');
  await expect(count).toHaveText(/\d/);
  return (await count.textContent()) ?? '';
}

async function projectMenu(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: /project menu$/ }).click();
  const menu = page.getByRole('menu', { name: 'Project' });
  await expect(menu).toBeVisible();
  return menu;
}

async function openFromMenu(page: Page, name: string): Promise<void> {
  const menu = await projectMenu(page);
  await menu.getByRole('menuitem', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a project' });
  await dialog.getByRole('button', { name: `Open ${name}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.project-menu-button')).toContainText(name);
}

test('first start asks for the analyst; two projects stay apart through switches; cards carry the name', async ({
  page,
  browser,
  served,
}) => {
  // One long story (two projects, two tabs, an import, four switches) on a shared, loaded machine.
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(served.server.url);

  // The first start: the sample, marked as such, and the analyst asked for in a modal dialog.
  const prompt = page.getByRole('dialog', { name: 'Who is analysing?' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByLabel('Your name')).toBeFocused();
  await expect(page.locator('.topbar .sample-badge')).toHaveText('Sample');
  // Escape does not dismiss it, and Tab stays inside it.
  await page.keyboard.press('Escape');
  await expect(prompt).toBeVisible();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  expect(await prompt.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await prompt.getByRole('button', { name: 'Start' }).click();
  await expect(prompt.getByRole('alert')).toContainText('Give your name');
  await prompt.getByLabel('Your name').fill('Łucja Analityk');
  await prompt.getByLabel('Initials').fill('ŁA');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'analyst-prompt.png') });
  await prompt.getByRole('button', { name: 'Start' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.locator('.statusbar')).toContainText('Łucja Analityk');
  expect(JSON.parse(fs.readFileSync(path.join(served.dataDir, 'settings.json'), 'utf8'))).toMatchObject({
    analyst: 'Łucja Analityk',
    initials: 'ŁA',
  });
  expect(await exportCount(page)).toMatch(/^15 excerpts from 5 documents/);

  // A new project starts empty, with the codebook chosen.
  const menu = await projectMenu(page);
  await menu.getByRole('menuitem', { name: 'New project…' }).click();
  const create = page.getByRole('dialog', { name: 'New project' });
  await create.getByLabel('Project name').fill('Ports study');
  await create.getByLabel('Codebook').selectOption('defence-diplomacy');
  await page.screenshot({ path: path.join(SHOTS, 'project-new.png') });
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  await expect(page.locator('.project-menu-button')).toContainText('Ports study');
  await expect(page.locator('.topbar .sample-badge')).toHaveCount(0);
  await expect(page.locator('.statusbar')).toContainText('0 documents · 0 claims');

  // A second tab hears the switches made in the first.
  const other = await browser.newPage();
  await other.goto(served.server.url);
  await expect(other.locator('.project-menu-button')).toContainText('Ports study');

  // Import, tag: the card says who made the claim.
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.getByTestId('import-input').setInputFiles({
    name: 'ports.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Port Access Review\n\nThe navy agreed to open its ports to allied ships.\n', 'utf8'),
  });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText(/1 (document )?imported/);
  await openDocument(page, 'Port Access Review');
  await dragSelect(page, 'open its ports', 'allied ships');
  await tagWith(page, 'Military aid and support');
  const card = page.locator('.claim-card');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.claim-analyst')).toHaveText(/Łucja Analityk/);
  await expect(page.locator('.claim-card footer')).not.toContainText(/^analyst/);
  expect(await exportCount(page)).toMatch(/^1 excerpt from 1 document/);

  // Switch to the sample and back: each shows only its own claims and documents.
  await openFromMenu(page, 'Sample');
  await expect(page.getByRole('tab', { name: 'Library' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.statusbar')).toContainText('5 documents · 15 claims');
  expect(await exportCount(page)).toMatch(/^15 excerpts from 5 documents/);
  await expect(other.locator('.project-menu-button')).toContainText('Sample');
  await expect(other.locator('.statusbar')).toContainText('5 documents · 15 claims');
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);

  await page.getByRole('tab', { name: 'Library' }).click();
  const again = await projectMenu(page);
  await expect(again.getByRole('group', { name: 'Recent projects' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'project-menu.png') });
  await again
    .getByRole('group', { name: 'Recent projects' })
    .getByRole('menuitem', { name: /Ports study/ })
    .click();
  await expect(page.locator('.project-menu-button')).toContainText('Ports study');
  await expect(page.locator('.statusbar')).toContainText('1 documents · 1 claims');
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(1);
  expect(await exportCount(page)).toMatch(/^1 excerpt from 1 document/);
  await expect(other.locator('.statusbar')).toContainText('1 documents · 1 claims');

  // The analyst's name went into the project's claim as stored.
  const file = path.join(served.dataDir, 'Ports study.dossier');
  expect(served.session.project?.path).toBe(file);
  const row = served.session.project?.db.prepare('SELECT analyst FROM claims').get() as { analyst: string };
  expect(row.analyst).toBe('Łucja Analityk');
  await other.close();
  expect(errors, 'uncaught errors in the page').toEqual([]);
});

/** axe-core's serious and critical findings on the page as it is now. */
async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a hostile project name gets a clear error and changes nothing; the menu and dialogs pass axe', async ({
  page,
  served,
}) => {
  test.setTimeout(120_000);
  await page.goto(served.server.url);
  const prompt = page.getByRole('dialog', { name: 'Who is analysing?' });
  await expect(prompt).toBeVisible();
  expect(await serious(page), 'analyst prompt').toEqual([]);
  await prompt.getByLabel('Your name').fill('Ann');
  await prompt.getByRole('button', { name: 'Start' }).click();
  const menu = await projectMenu(page);
  expect(await serious(page), 'project menu').toEqual([]);
  // ↓ moves through the items; Escape closes the menu.
  await menu.getByRole('menuitem', { name: 'New project…' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Open…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await (await projectMenu(page)).getByRole('menuitem', { name: 'New project…' }).click();
  const create = page.getByRole('dialog', { name: 'New project' });
  await create.getByLabel('Project name').fill('../escape');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create.getByRole('alert')).toContainText('path separator');
  await expect(create).toBeVisible();
  expect(await serious(page), 'new project dialog').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(create).toBeHidden();
  await expect(page.locator('.project-menu-button')).toContainText('Sample');
  expect(fs.readdirSync(path.dirname(served.dataDir)).filter((f) => f.startsWith('escape'))).toEqual([]);
});

test('the project menu opens Merge project… and Save a copy for an analyst…', async ({ page, served }) => {
  await page.goto(served.server.url);
  const prompt = page.getByRole('dialog', { name: 'Who is analysing?' });
  await prompt.getByLabel('Your name').fill('Ann');
  await prompt.getByRole('button', { name: 'Start' }).click();
  await (await projectMenu(page)).getByRole('menuitem', { name: 'Merge project…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge project' });
  await expect(merge).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(merge).toBeHidden();
  await (await projectMenu(page)).getByRole('menuitem', { name: 'Save a copy for an analyst…' }).click();
  await expect(page.getByRole('dialog', { name: /copy for an analyst/i })).toBeVisible();
});
