import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import type { Project } from '../../electron/core/project';
import { REPO_ROOT, expect, openDocument, test } from './fixtures';

// Issue 14, import metadata and citations, claim cards: what an analyst sees of titles, bylines, dates, ¶
// numbers, the import summary and long notes. Real saved pages from ../shared where it is present.

// Imports of real pages on a shared, loaded machine take their time.
test.describe.configure({ timeout: 120_000 });

type Dispatch = typeof import('../../electron/core/api/dispatch');
const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
const HTML = path.join(SHARED, 'fixtures', 'html');
const BBC = path.join(SHARED, 'corpora', 'bbc-news');
const hasShared = fs.existsSync(HTML) && fs.existsSync(BBC);

async function call(project: Project, method: string, input: unknown): Promise<unknown> {
  const { callMethod } = (await tsImport('../../electron/core/api/dispatch.ts', import.meta.url)) as Dispatch;
  const r = await callMethod(project, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const MASTHEAD =
  'Small Wars Journal\n\nThe Quiet Work of Defence Attachés in Kyiv\n\nBy Jane Doe and John Roe\n\n' +
  'Attachés arrange visits, carry messages between general staffs and explain the needs of the front to ministries at home, every week of the year.\n';

/** Saved pages and BBC files under the names a scraper gives them (hashes and numbers). */
function seedFiles(): { name: string; mimeType: string; buffer: Buffer }[] {
  const files = [{ name: '001_98c57f5f27d9cc4e.txt', mimeType: 'text/plain', buffer: Buffer.from(MASTHEAD) }];
  if (!hasShared) return files;
  ['bbc-1', 'nytimes-1', 'title-en-dash', 'wapo-2', 'breitbart', 'lemonde-1'].forEach((dir, i) =>
    files.push({
      name: `00${i + 2}_${(0x5f27d9cc4e + i).toString(16)}.html`,
      mimeType: 'text/html',
      buffer: fs.readFileSync(path.join(HTML, dir, 'source.html')),
    }),
  );
  files.push({
    name: '001.txt',
    mimeType: 'text/plain',
    buffer: fs.readFileSync(path.join(BBC, 'business', '001.txt')),
  });
  return files;
}

async function shots(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: test.info().outputPath(`${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('imported files are titled as an analyst recognises them; importing them again says nothing is new', async ({
  app: page,
}) => {
  if (!hasShared) console.warn(`${SHARED} is absent: only the generated masthead file is imported`);
  const files = seedFiles();
  await page.getByTestId('import-input').setInputFiles(files);
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText(`${files.length} imported`);
  const titles = [
    'The Quiet Work of Defence Attachés in Kyiv',
    ...(hasShared
      ? [
          "Obama admits US gun laws are his 'biggest frustration'",
          'United States to Lift Sudan Sanctions',
          'Lorem ipsum dolor sit amet',
          'Where do strained U.S.-Israeli relations go after Netanyahu’s victory?',
          'Ad sales boost Time Warner profit',
        ]
      : []),
  ];
  for (const t of titles) await expect(page.getByRole('gridcell', { name: t, exact: true })).toBeVisible();
  await expect(
    page.getByRole('gridcell', { name: /98c57f5f27d9cc4e|^Small Wars Journal$|^001$/ }),
  ).toHaveCount(0);
  // The byline without its "By", names separated; no cut dates.
  if (hasShared)
    await expect(page.getByRole('gridcell', { name: 'Steven Mufson', exact: true })).toBeVisible();
  const date = page.locator('.ag-cell[col-id="published"]').filter({ hasText: /\d{4}/ }).first();
  await expect(date).toBeVisible();
  const cut = await date.evaluate((el) => {
    const value = el.querySelector('.ag-cell-value') ?? el;
    return value.scrollWidth > value.clientWidth + 1;
  });
  expect(cut, 'a date is cut in its column').toBe(false);
  await shots(page, 'library-titles');

  // The same files again: not a green "0 imported", and each skip names the document it matches.
  await page.getByTestId('import-input').setInputFiles(files);
  await expect(report).toContainText(`Nothing new: ${files.length} files already in the project`);
  await expect(report).toHaveClass(/nothing-new/);
  await report.getByText('Details, file by file').click();
  await expect(report.locator('li').filter({ hasText: '001_98c57f5f27d9cc4e.txt' })).toContainText(
    'already in the project as “The Quiet Work of Defence Attachés in Kyiv”',
  );
  await report.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('import-nothing-new.png') });
});

test('a title is corrected in the Library and in the Reader, and Undo brings it back', async ({
  app: page,
}) => {
  await page.getByTestId('import-input').setInputFiles({
    name: 'scan0042.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(MASTHEAD),
  });
  const old = 'The Quiet Work of Defence Attachés in Kyiv';
  await page.getByRole('gridcell', { name: old, exact: true }).click();
  await page.getByRole('button', { name: 'Rename…' }).click();
  const editor = page.locator('.ag-cell-inline-editing input');
  await expect(editor).toBeFocused();
  await editor.fill('Defence attachés in Kyiv (SWJ)');
  await editor.press('Enter');
  const docs = page.getByRole('listbox', { name: 'Documents' });
  await expect(docs.getByRole('option', { name: /Defence attachés in Kyiv \(SWJ\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(docs.getByRole('option', { name: new RegExp(old) })).toBeVisible();

  await openDocument(page, new RegExp(old));
  await page.getByRole('button', { name: 'Rename the document' }).click();
  const input = page.getByRole('textbox', { name: 'Document title' });
  await input.fill('Attachés at work');
  await input.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Attachés at work/ })).toBeVisible();
  await expect(docs.getByRole('option', { name: /Attachés at work/ })).toBeVisible();
  // The info line starts with what the document has, never with a stray "·".
  await expect(page.locator('.doc-meta')).not.toHaveText(/^\s*·/);
});

test('each list item is its own ¶ in the Reader and in an export', async ({ app: page, dossier }) => {
  const text =
    'Ministers agreed three commitments:\n• training for officers\n• shared planning of capabilities\n• early warning of launches\n\nThe ministers meet again in the autumn.\n';
  await page.getByTestId('import-input').setInputFiles({
    name: 'commitments.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText('1 imported');
  const db = dossier.project.db;
  const docId = db.prepare("SELECT id FROM documents WHERE original_name = 'commitments.txt'").pluck().get();
  const domainId = db.prepare('SELECT id FROM domains ORDER BY id LIMIT 1').pluck().get();
  for (const quote of ['training for officers', 'shared planning', 'early warning'])
    await call(dossier.project, 'tagQuote', { docId, quote, domainIds: [domainId] });
  await openDocument(page, /^commitments/);
  const cards = page.locator('.claim-card');
  await expect(cards).toHaveCount(3);
  await expect(cards.locator('.claim-paragraph')).toHaveText(['¶ 2 ·', '¶ 3 ·', '¶ 4 ·']);
  const md = (await call(dossier.project, 'exportExcerpts', { format: 'md', docIds: [docId] })) as {
    base64: string;
  };
  const report = Buffer.from(md.base64, 'base64').toString('utf8');
  expect([...report.matchAll(/¶ (\d+)/g)].map((m) => m[1]).sort()).toEqual(['2', '3', '4']);
});

test('a long note is clamped in its card and expands from the keyboard', async ({ app: page, dossier }) => {
  const db = dossier.project.db;
  const claim = db.prepare('SELECT id, document_id AS docId FROM claims ORDER BY id LIMIT 1').get() as {
    id: number;
    docId: number;
  };
  const note = 'A long reading of this passage. '.repeat(185); // ~5,900 characters
  await call(dossier.project, 'updateClaim', { id: claim.id, note });
  const title = db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(claim.docId) as string;
  await openDocument(page, title);
  const card = page.locator(`.claim-card[data-claim-id="${claim.id}"]`);
  await expect(card).toBeVisible();
  const clamped = (await card.boundingBox())!.height;
  expect(clamped).toBeLessThan(320);
  const more = card.getByRole('button', { name: 'Show more' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  expect((await card.boundingBox())!.height).toBeGreaterThan(clamped * 3);
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: 'Show more' })).toBeVisible();
  await shots(page, 'reader-clamped-note');
});
