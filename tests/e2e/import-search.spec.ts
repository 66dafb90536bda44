import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, documentId } from './fixtures';
import type { Page } from '@playwright/test';

const SHOTS = process.env.DOSSIER_SHOTS ?? '/tmp/s3-shots';
fs.mkdirSync(SHOTS, { recursive: true });

type Payload = { name: string; mimeType: string; buffer: Buffer };

/** `n` distinct plain-text reports of about `kb` KB each, every one with its own serial in the title. */
function reports(n: number, kb: number): Payload[] {
  const filler =
    'Liaison officers reported steady progress on logistics, depots and rail transport across the region. ';
  return Array.from({ length: n }, (_, i) => {
    const body = `Field report ${i + 1}\n\n${filler.repeat(Math.ceil((kb * 1024) / filler.length))}\nSerial ${i + 1}.\n`;
    return {
      name: `report-${String(i + 1).padStart(4, '0')}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(body),
    };
  });
}

const BAD: Payload[] = [
  { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  {
    name: 'binary.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  },
  {
    name: 'kyiv-brief.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '# Kyiv logistics brief\n\nRail **transport** of fuel resumed on the western lines.\n',
    ),
  },
];

function storedCount(db: { prepare: (sql: string) => { get: () => unknown } }): number {
  return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('import many files: progress shows, failures are reported with their reasons, the Library refreshes', async ({
  app: page,
  dossier,
}) => {
  test.setTimeout(120_000);
  const files = [...reports(200, 30), ...BAD];
  // The core imports these in about a second; answer the progress polls slowly so that the running state
  // (files done / total, current file) stays on screen long enough to be checked.
  await page.route('**/api/importStatus', async (route) => {
    await new Promise((r) => setTimeout(r, 1_500));
    await route.continue();
  });
  await page.getByTestId('import-input').setInputFiles(files);

  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  // First the browser reads the files (the slow part in web mode), then the core imports them.
  await expect(panel).toContainText(/Importing [\d,]+ \/ 203 files/, { timeout: 30_000 });
  await expect(panel.locator('.import-current')).toContainText(
    /report-\d{4}\.txt|empty\.txt|binary\.txt|kyiv-brief\.md/,
  );
  await expect(page.getByTestId('import-status')).toContainText(/Importing [\d,]+ \/ 203 files · /);
  await shot(page, 'library-during-import');

  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('201 imported · 2 failed: 1 empty file, 1 binary data in a text file', {
    timeout: 30_000,
  });
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('import-status')).toBeHidden();
  await expect(page.locator('.statusbar .status')).toContainText('Import finished: 201 imported · 2 failed');

  // The per-file reasons are one click away.
  await expect(report.locator('li').first()).toBeHidden();
  await report.getByText('Details, file by file').click();
  await expect(report.locator('li').filter({ hasText: 'empty.txt' })).toContainText('empty file');
  await expect(report.locator('li').filter({ hasText: 'binary.txt' })).toContainText(
    'binary data in a text file',
  );
  await expect(report.locator('li').filter({ hasText: 'kyiv-brief.md' })).toContainText('imported');

  expect(storedCount(dossier.project.db)).toBe(206);
  await expect(page.locator('.view-head p')).toContainText('206 documents');
  await expect(page.locator('.docs-section .side-head .count')).toHaveText('206');
  await expect(page.locator('.statusbar')).toContainText('206 documents');
  await page.getByRole('searchbox', { name: 'Filter documents' }).fill('Kyiv logistics');
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveText([
    /Kyiv logistics brief/,
  ]);
  await shot(page, 'library-after-import');

  // The same files again: nothing is duplicated, everything is reported as skipped.
  await page.getByTestId('import-input').setInputFiles(files.slice(0, 3));
  await expect(report).toContainText('Nothing new: 3 files already in the project', { timeout: 15_000 });
  expect(storedCount(dossier.project.db)).toBe(206);
});

test('Cancel while the files are being read: nothing is imported, and the report says so', async ({
  app: page,
  dossier,
}) => {
  await page.getByTestId('import-input').setInputFiles(reports(1500, 4));
  const panel = page.getByRole('region', { name: 'Import progress' });
  await expect(panel).toContainText(/Reading [\d,]+ \/ 1,500 files/);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('Nothing was imported: cancelled before any file was sent');
  await expect(panel).toBeHidden();
  expect(storedCount(dossier.project.db)).toBe(5);
  await expect(page.getByRole('button', { name: 'Import files…' })).toBeEnabled();
  await expect(page.locator('.docs-section .side-head .count')).toHaveText('5');
});

test('an empty Library says how to import, and a file dropped onto it is imported', async ({
  app: page,
  dossier,
}) => {
  // Start from an empty project: the sample's documents (and their claims) removed in the store.
  dossier.project.db.exec('DELETE FROM claims; DELETE FROM documents;');
  await page.reload();
  const empty = page.locator('.library-empty');
  await expect(empty.getByRole('heading', { name: 'No documents yet' })).toBeVisible();
  await expect(empty).toContainText('Drop files or a whole folder here');
  await expect(empty).toContainText('Import a folder…');

  const dt = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(
      new File(['Drop test\n\nA note dropped onto the Library.\n'], 'dropped.txt', { type: 'text/plain' }),
    );
    return data;
  });
  await empty.dispatchEvent('dragover', { dataTransfer: dt });
  await expect(page.locator('.library')).toHaveClass(/dragging/);
  await empty.dispatchEvent('drop', { dataTransfer: dt });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText('1 imported');
  expect(storedCount(dossier.project.db)).toBe(1);
  await expect(page.getByRole('gridcell', { name: 'Drop test' })).toBeVisible();
  await expect(page.locator('.docs-section .side-head .count')).toHaveText('1');
});

test('a chosen folder is imported with its sub-folders; hidden and unsupported files are listed as skipped', async ({
  app: page,
  dossier,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-folder-'));
  const root = path.join(dir, 'Field notes 2025');
  fs.mkdirSync(path.join(root, 'Kraków visits'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'harbour survey.txt'),
    'Harbour survey\n\nCranes at the northern quay were idle.\n',
  );
  fs.writeFileSync(
    path.join(root, 'Kraków visits', 'depot tour.md'),
    '# Depot tour in Kraków\n\nThe depot stores **spare barrels**.\n',
  );
  fs.writeFileSync(path.join(root, '.hidden-draft.txt'), 'Not for import\n');
  fs.writeFileSync(path.join(root, 'map.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  try {
    await page.getByTestId('import-folder-input').setInputFiles(root);
    const report = page.getByRole('status', { name: 'Import report' });
    await expect(report).toContainText('2 imported · 2 skipped');
    await report.getByText('Details, file by file').click();
    await expect(report.locator('li').filter({ hasText: '.hidden-draft.txt' })).toContainText('hidden file');
    await expect(report.locator('li').filter({ hasText: 'map.png' })).toContainText(
      'unsupported file type ".png"',
    );
    await expect(report.locator('li').filter({ hasText: 'Kraków visits/depot tour.md' })).toContainText(
      'Depot tour in Kraków',
    );
    expect(storedCount(dossier.project.db)).toBe(7);
    await expect(page.getByRole('gridcell', { name: 'Harbour survey' })).toBeVisible();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('attributes: add typed columns, edit cells, the values persist after a reload', async ({
  app: page,
}) => {
  await page.getByRole('button', { name: '+ Attribute' }).click();
  await page.getByLabel('Attribute name').fill('country');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('button', { name: '+ Attribute' }).click();
  await page.getByLabel('Attribute name').fill('pages');
  await page.getByLabel('Attribute type').selectOption('number');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'country' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'pages' })).toBeVisible();

  const row = page.locator('.ag-row').filter({ hasText: 'The Ammunition Gap' });
  await row.locator('[col-id="attr:country"]').dblclick();
  await page.keyboard.type('Poland');
  await page.keyboard.press('Enter');
  await expect(page.locator('.statusbar .status')).toContainText('country saved ✓');
  await row.locator('[col-id="attr:pages"]').dblclick();
  await page.keyboard.type('14');
  await page.keyboard.press('Enter');
  await expect(page.locator('.statusbar .status')).toContainText('pages saved ✓');

  await page.reload();
  const again = page.locator('.ag-row').filter({ hasText: 'The Ammunition Gap' });
  await expect(again.locator('[col-id="attr:country"]')).toHaveText('Poland');
  await expect(again.locator('[col-id="attr:pages"]')).toHaveText('14');
  await shot(page, 'library-attributes');

  // The column filter narrows the Library to the documents with that value.
  await page.getByRole('columnheader', { name: 'country' }).hover();
  await page
    .getByRole('columnheader', { name: 'country' })
    .locator('.ag-header-cell-filter-button, .ag-header-icon')
    .first()
    .click();
  await page.locator('.ag-filter input').first().fill('Pol');
  await expect(page.locator('.ag-row')).toHaveCount(1);
});

test('search: snippets with marked terms, claims found too; a hit opens the Reader with every term marked', async ({
  app: page,
  dossier,
}) => {
  await page.locator('.view-head h1').click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search documents and claims' })).toBeFocused();
  await page.keyboard.type('training');

  const results = page.getByRole('region', { name: 'Search results' });
  const docs = results.getByRole('region', { name: 'Documents found' });
  await expect(docs.locator('.search-result')).toHaveCount(3);
  await expect(docs.locator('h3 .count')).toHaveText('3');
  for (const mark of await docs.locator('mark').allTextContents())
    expect(mark.toLowerCase()).toBe('training');
  const claims = results.getByRole('region', { name: 'Claims found' });
  await expect(claims.locator('.search-result')).toHaveCount(3);
  await expect(claims).toContainText('Military education and training');
  await shot(page, 'search-results');

  // A domain chip keeps only the documents with claims in that domain (and the claims in it).
  await results.getByText('Only documents with claims in…').click();
  await results.getByRole('button', { name: 'Military exercises' }).click();
  await expect(docs.locator('.search-result')).toHaveCount(1);
  await expect(docs.locator('.search-title')).toHaveText(
    'From Exercises to Missions: How Allies Train Alongside Ukraine',
  );
  await expect(claims.locator('.search-result')).toHaveCount(0);
  await results.getByRole('button', { name: 'Military exercises' }).click();
  await expect(docs.locator('.search-result')).toHaveCount(3);

  const title = 'From Exercises to Missions: How Allies Train Alongside Ukraine';
  const text = (
    dossier.project.db
      .prepare('SELECT text FROM documents WHERE id = ?')
      .get(documentId(dossier.project, title)) as {
      text: string;
    }
  ).text;
  const expected = text.match(/\btraining\b/gi)!.length;
  const hit = docs.locator('.search-result').filter({ hasText: title });
  await expect(hit.locator('.count')).toHaveText(`${expected} hits`);
  await hit.click();

  await expect(page).toHaveURL(/#\/reader\/\d+/);
  const counter = page.getByTestId('hit-counter');
  await expect(counter).toHaveText(`1 / ${expected}`);
  const marked = (): Promise<{ all: string[]; current: string[] }> =>
    page.evaluate(() => {
      const words = (name: string): string[] =>
        [...((CSS.highlights.get(name) as Set<AbstractRange> | undefined) ?? [])].map((r) =>
          (r as Range).toString(),
        );
      return { all: words('dossier-search-hit'), current: words('dossier-search-current') };
    });
  const first = await marked();
  expect(first.all).toHaveLength(expected);
  for (const w of first.all) expect(w.toLowerCase()).toBe('training');
  expect(first.current).toHaveLength(1);
  await shot(page, 'reader-with-hits');

  // Enter and Shift+Enter step; before the first hit, the previous ranked document opens at its last hit, and
  // next goes back on into this one (search-rank.spec.ts steps through every document).
  await page.locator('.doc-meta').click();
  await page.keyboard.press('Enter');
  await expect(counter).toHaveText(`2 / ${expected}`);
  await page.keyboard.press('Shift+Enter');
  await expect(counter).toHaveText(`1 / ${expected}`);
  await expect(page.getByTestId('hit-document')).toHaveText('document 2 of 3');
  await page.getByRole('button', { name: 'Previous hit' }).click();
  await expect(page.getByTestId('hit-document')).toHaveText('document 1 of 3');
  await expect(counter).toHaveText(/^(\d+) \/ \1$/);
  await page.getByRole('button', { name: 'Next hit' }).click();
  await expect(page.getByTestId('hit-document')).toHaveText('document 2 of 3');
  await expect(counter).toHaveText(`1 / ${expected}`);
  await page.getByRole('button', { name: 'Next hit' }).click();
  await expect(counter).toHaveText(`2 / ${expected}`);
  // The current hit moved to the second occurrence in the text.
  const secondAt =
    text.search(/\btraining\b/i) + 1 + text.slice(text.search(/\btraining\b/i) + 1).search(/\btraining\b/i);
  const currentStart = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('dossier-search-current') as Set<AbstractRange>)][0] as Range;
    const root = document.querySelector('.doc-text')!;
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return before.toString().length;
  });
  expect(currentStart).toBe(secondAt);

  await page.getByRole('button', { name: 'Close the search' }).click();
  await expect(page.getByRole('toolbar', { name: 'Search hits' })).toBeHidden();
  expect((await marked()).all).toHaveLength(0);
});

test('search: a claim hit opens the Reader at the claim; bad syntax says what is wrong', async ({
  app: page,
}) => {
  const box = page.getByRole('searchbox', { name: 'Search documents and claims' });
  await box.click();
  await box.fill('"military education"');
  const claims = page.getByRole('region', { name: 'Claims found' });
  await expect(claims.locator('.search-result')).toHaveCount(1);
  await claims.locator('.search-result').click();
  await expect(page).toHaveURL(/#\/reader\/\d+\?claim=\d+/);
  await expect(page.locator('.claim-card.selected')).toContainText('Military education and training');
  await box.fill('training AND (');
  await expect(page.getByRole('region', { name: 'Search results' }).getByRole('alert')).toBeVisible();
});
