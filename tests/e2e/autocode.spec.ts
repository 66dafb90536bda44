import fs from 'node:fs';
import path from 'node:path';
import type { Project } from '../../electron/core/project';
import { REPO_ROOT, documentId, expect, openDocument, test } from './fixtures';

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';

function texts(project: Project): { id: number; text: string }[] {
  return project.db.prepare('SELECT id, text FROM documents').all() as { id: number; text: string }[];
}
function claimsQuoting(project: Project, re: RegExp): { id: number; domains: string }[] {
  return (
    project.db
      .prepare(
        `SELECT c.id, c.quote, group_concat(d.name) AS domains FROM claims c
         JOIN claim_domains cd ON cd.claim_id = c.id JOIN domains d ON d.id = cd.domain_id GROUP BY c.id`,
      )
      .all() as { id: number; quote: string; domains: string }[]
  ).filter((c) => re.test(c.quote));
}

test('autocode a word across the corpus: preview, untick two, tag the rest, undo in one step', async ({
  app: page,
  dossier,
}) => {
  const project = dossier.project;
  const expected = texts(project).reduce((n, d) => n + (d.text.match(/\bUkraine\b/gi)?.length ?? 0), 0);
  const docs = texts(project).filter((d) => /\bUkraine\b/i.test(d.text)).length;
  expect(expected).toBeGreaterThan(4);
  const domain = (
    project.db.prepare('SELECT name FROM domains ORDER BY sort_order LIMIT 1 OFFSET 2').get() as {
      name: string;
    }
  ).name;
  const exactlyUkraine = /^Ukraine$/i;
  expect(claimsQuoting(project, exactlyUkraine)).toHaveLength(0);

  await page.getByRole('button', { name: 'Autocode' }).click();
  const panel = page.getByRole('dialog', { name: 'Autocode' });
  await panel.getByLabel('Pattern').fill('Ukraine');
  await expect(panel.getByLabel('Whole corpus')).toBeChecked();
  // This test tags the word itself (autocode-context.spec.ts: sentences, the default).
  await panel.getByLabel('The hit only').check();
  await page.keyboard.press('Enter');
  await expect(panel.getByLabel('Hit count')).toHaveText(`${expected} hits in ${docs} documents`);
  const hits = panel.getByRole('list', { name: 'Hits' }).getByRole('checkbox');
  await expect(hits).toHaveCount(expected);
  await expect(panel.locator('.ac-hits mark').first()).toHaveText(/^Ukraine$/i);

  await hits.nth(0).uncheck();
  await hits.nth(3).uncheck();
  await panel.getByRole('list', { name: 'Autocode domains' }).getByLabel(domain).check();
  fs.mkdirSync(path.join(REPO_ROOT, 'test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'autocode.png') });
  await panel.getByRole('button', { name: `Tag ${expected - 2} hits` }).click();
  await expect(panel.getByRole('status')).toContainText(`${expected - 2} claims created`);

  const tagged = claimsQuoting(project, exactlyUkraine);
  expect(tagged).toHaveLength(expected - 2);
  for (const c of tagged) expect(c.domains).toBe(domain);

  // One undo removes them all.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.statusbar').getByRole('status')).toContainText('Undone');
  expect(claimsQuoting(project, exactlyUkraine)).toHaveLength(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => claimsQuoting(project, exactlyUkraine).length).toBe(expected - 2);
});

test('autocode a regular expression in the open document, then see the new claims in the Reader', async ({
  app: page,
  dossier,
}) => {
  const project = dossier.project;
  const docId = documentId(project, SUMMIT);
  const text = texts(project).find((d) => d.id === docId)!.text;
  const expected = text.match(/\bminist(er|ers|ry)\b/gi)!.length;
  expect(expected).toBeGreaterThan(1);
  await openDocument(page, SUMMIT);
  const cardsBefore = await page.locator('.claims-column .claim-card').count();

  await page.getByRole('button', { name: 'Autocode' }).click();
  const panel = page.getByRole('dialog', { name: 'Autocode' });
  // The whole corpus by default, this document one click away.
  await expect(panel.getByLabel('Whole corpus')).toBeChecked();
  await panel.getByLabel('This document').check();
  await panel.getByLabel('The hit only').check();
  await panel.getByLabel('Regular expression').check();
  await panel.getByLabel('Pattern').fill('minist(er|ers|ry)');
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByLabel('Hit count')).toHaveText(
    `${expected} ${expected === 1 ? 'hit' : 'hits'} in 1 document`,
  );

  // A bad pattern says so and loses nothing.
  await panel.getByLabel('Pattern').fill('minist(er');
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByRole('alert')).toBeVisible();

  await panel.getByLabel('Pattern').fill('minist(er|ers|ry)');
  await panel.getByRole('button', { name: 'Find' }).click();
  await expect(panel.getByLabel('Hit count')).toHaveText(new RegExp(`^${expected} hit`));
  const first = panel.getByRole('list', { name: 'Autocode domains' }).getByRole('checkbox').first();
  await first.check();
  await panel.getByRole('button', { name: new RegExp(`^Tag ${expected} hit`) }).click();
  await expect(panel.getByRole('status')).toContainText('created');
  await panel.getByRole('button', { name: 'Close autocode' }).click();
  await expect(page.locator('.claims-column .claim-card')).toHaveCount(cardsBefore + expected);
});
