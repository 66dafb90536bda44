import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { TOOLS, toolQdpx, type ToolProject } from '../unit/refiqda/toolFiles';
import { dragSelect, expect, openDocument, test } from './fixtures';

// What an analyst sees after importing another tool's project: how positions were read and every line of what
// did not come in. And a grouping code from that tool can be seen in the tag popover but not applied.

const NVIVO_PROJECT: ToolProject = {
  docs: [
    {
      name: 'Interview Ana',
      text: 'Q: How was it? 😀\nA: The election 🗳️ was fair, said the 𝐇𝐞𝐚𝐝 of the commission.',
      passages: [
        { quote: 'election 🗳️ was fair', codes: ['Elections'], user: 'Maria', memo: 'fairness' },
        { quote: 'the 𝐇𝐞𝐚𝐝 of the commission', codes: ['Elections'], user: 'Maria' },
      ],
      variables: { Country: 'Chile' },
      cases: ['Ana'],
    },
  ],
  codes: ['Politics=#FF0000', 'Politics/Elections', 'Economy!'],
  users: ['Maria'],
  variables: { Country: 'Text' },
  extras: { sets: true, graphs: true, annotation: true, projectNote: true },
};

async function chooseFile(page: Page, button: string, name: string, buffer: Buffer): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await choosing).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('importing an NVivo project through the UI shows how positions were read and every line not imported', async ({
  app: page,
}) => {
  await page.getByRole('tab', { name: 'Export' }).click();
  await chooseFile(
    page,
    'Choose a .qdpx file…',
    'nvivo.qdpx',
    Buffer.from(toolQdpx(TOOLS.nvivoWindows, NVIVO_PROJECT)),
  );
  const report = page.getByRole('status', { name: '.qdpx import summary' });
  await expect(report).toContainText('2 coded passages');
  await expect(report).toContainText(
    'Positions: NVivo (origin "NVivo 12 Plus (Windows)"); checked against the text: UTF-16 code units',
  );
  const list = (title: string) =>
    report
      .locator('details')
      .filter({ has: page.locator('summary', { hasText: new RegExp(`^${title} \\(`) }) });
  const notImported = list('Not imported');
  // The project's journal (a note nothing points to) comes in as a memo, and the set as a document set: only the
  // set's code member is left out.
  await expect(report).toContainText('1 memo');
  await expect(report).toContainText('1 document set');
  await expect(notImported).not.toContainText('Project journal');
  for (const line of [
    "set Wave 1: 1 code in it is not imported (Dossier's sets group documents)",
    'graph Concept map: graphs are not imported (2 vertices, 1 edge)',
    'link leads to: links code "Politics" to code "Elections"',
    'note Annotation 1: attached to an uncoded passage in Interview Ana',
  ])
    await expect(notImported).toContainText(line);
  await expect(list('Problems')).toContainText(
    'selection Interview Ana: “election 🗳️ was fair”: the selection has no code',
  );
  await report.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('import-report.png'), fullPage: true });
});

test('a grouping domain is greyed out in the tag popover and cannot be ticked or saved', async ({
  app: page,
  dossier,
}) => {
  // Mark a domain of the sample project as another tool's grouping code, the way an import stores it.
  const db = new Database(dossier.project.path);
  const name = db.prepare('SELECT name FROM domains ORDER BY sort_order, id LIMIT 1').pluck().get() as string;
  db.prepare('UPDATE domains SET codable = 0 WHERE name = ?').run(name);
  db.close();
  await page.reload();
  const title = dossier.project.db
    .prepare('SELECT title FROM documents ORDER BY id LIMIT 1')
    .pluck()
    .get() as string;
  await openDocument(page, title);
  const text = dossier.project.db
    .prepare('SELECT text FROM documents ORDER BY id LIMIT 1')
    .pluck()
    .get() as string;
  const words = text.match(/\p{L}{6,}/gu) as string[];
  await dragSelect(page, words[0], words[1]);
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  const option = popover
    .getByRole('option')
    .filter({ has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) })
    .first();
  await expect(option).toHaveAttribute('aria-disabled', 'true');
  await option.click({ force: true });
  await expect(option).toHaveAttribute('aria-selected', 'false');
  await popover.getByLabel('Filter domains').fill(name);
  await expect(popover.getByRole('button', { name: 'Save claim' })).toBeDisabled();
});
