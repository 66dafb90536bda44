import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { documentId, expect, openDocument, REPO_ROOT, storedClaims, test } from './fixtures';
import type { Project } from '../../electron/core/project';

// Memos in web mode (issue 13): one written in the Memos view, linked to a claim, found by search and shown in the
// Reader above its document's text; one started from a claim's card; Markdown previewed without letting its HTML run.

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';

function storedMemos(project: Project) {
  return project.db
    .prepare('SELECT id, title, text, document_id AS docId, claim_id AS claimId FROM memos ORDER BY id')
    .all() as { id: number; title: string; text: string; docId: number | null; claimId: number | null }[];
}

/** How the claim picker and the memo's chip shorten a quote. */
const short = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

async function openMemos(page: Page) {
  // g then m, as for every view.
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page.getByRole('heading', { name: 'Memos' })).toBeVisible();
}

test('write a memo, link it to a claim, find it by search and see it in the Reader', async ({
  app: page,
  dossier,
}) => {
  test.setTimeout(120_000);
  const docId = documentId(dossier.project, SUMMIT);
  const claim = storedClaims(dossier.project, docId)[0];
  await openMemos(page);
  await expect(page.getByText(/No memos yet/)).toBeVisible();

  await page.getByRole('button', { name: 'New memo' }).click();
  const editor = page.getByRole('form', { name: 'New memo' });
  await expect(editor.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Training pledges');
  await editor
    .getByLabel('Text (Markdown)')
    .fill('# Why it matters\n\nThe **interoperability** angle.\n\n<img src=x onerror="window.pwned=1">');
  await editor.getByLabel('Document').selectOption({ label: SUMMIT });
  // The claim is offered by its quote; chosen here by its id (the option's value).
  await editor.getByLabel('Claim').selectOption(String(claim.id));
  await expect(editor.getByLabel('Claim').locator('option:checked')).toHaveText(short(claim.quote));

  // The preview renders the Markdown, and shows the memo's HTML as text: it never runs.
  await editor.getByRole('button', { name: 'Preview' }).click();
  const preview = editor.getByRole('document', { name: 'Preview of the memo' });
  await expect(preview.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('interoperability');
  await expect(preview).toContainText('<img src=x onerror="window.pwned=1">');
  await expect(preview.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toHaveText('Memo “Training pledges” saved');
  const [memo] = storedMemos(dossier.project);
  expect(memo).toMatchObject({ title: 'Training pledges', docId, claimId: claim.id });
  const item = page.getByRole('listitem').filter({ hasText: 'Training pledges' });
  await expect(item).toContainText(SUMMIT);
  await expect(item).toContainText(claim.quote.slice(0, 30));
  await expect(page.getByRole('form', { name: 'Memo: Training pledges' })).toBeVisible();

  // Found by full-text search, the matched word marked.
  await page.getByRole('searchbox', { name: 'Search memos' }).fill('interoperab*');
  const hit = page.locator('.memo-item').filter({ hasText: 'Training pledges' });
  await expect(hit.locator('mark')).toHaveText('interoperability');
  await page.getByRole('searchbox', { name: 'Search memos' }).fill('nothingmatches');
  await expect(page.getByText('No memo matches “nothingmatches”.')).toBeVisible();

  // In the Reader, above the document's text; its link opens the memo.
  await page.getByRole('tab', { name: 'Library' }).click();
  await openDocument(page, SUMMIT);
  const stack = page.getByRole('complementary', { name: 'Memos on this document' });
  await expect(stack).toContainText('1 memo');
  await stack.getByRole('link', { name: 'Training pledges' }).click();
  await expect(page.getByRole('form', { name: 'Memo: Training pledges' })).toBeVisible();
  await expect(
    page.getByRole('form', { name: 'Memo: Training pledges' }).getByLabel('Text (Markdown)'),
  ).toHaveValue(/interoperability/);

  // A Markdown report includes the memo when asked to, and not otherwise.
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('radio', { name: 'Report (Markdown)', exact: true }).check();
  const report = async (): Promise<string> => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Report (Markdown)', exact: true }).click();
    return fs.readFileSync((await (await downloading).path()) as string, 'utf8');
  };
  expect(await report()).not.toContain('## Memos');
  await page.getByRole('checkbox', { name: 'Include memos' }).check();
  const md = await report();
  expect(md).toContain('### Training pledges');
  expect(md).toContain('#### Why it matters');
});

test('a claim card starts a memo on its claim; the panel is keyboard-usable and axe-clean', async ({
  app: page,
  dossier,
}) => {
  test.setTimeout(120_000);
  const docId = documentId(dossier.project, SUMMIT);
  const claim = storedClaims(dossier.project, docId)[0];
  await openDocument(page, SUMMIT);
  await page
    .getByRole('article', { name: `Claim ${claim.id}` })
    .getByRole('button', { name: 'Add memo' })
    .click();
  const editor = page.getByRole('form', { name: 'New memo' });
  await expect(editor.getByLabel('Claim')).toHaveValue(String(claim.id));
  await expect(editor.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Question for the interview');
  // From the title, Tab goes to the text.
  await page.keyboard.press('Tab');
  await expect(editor.getByLabel('Text (Markdown)')).toBeFocused();
  await page.keyboard.type('Ask who *proposed* it.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toHaveText('Memo “Question for the interview” saved');
  expect(storedMemos(dossier.project)).toMatchObject([
    { title: 'Question for the interview', text: 'Ask who *proposed* it.', docId, claimId: claim.id },
  ]);

  const axe = await new AxeBuilder({ page }).include('.memos-view').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'memos.png') });

  // Undo (the top bar's, as for any edit) takes the memo away again.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.locator('.memo-item')).toHaveCount(0);
  expect(storedMemos(dossier.project)).toEqual([]);
});
