import { expect, test } from './fixtures';

const SAMPLE_TITLES = [
  "Aligning the Law: Ukraine's Defence Legislation and the Road to Membership",
  'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting',
  'From Exercises to Missions: How Allies Train Alongside Ukraine',
  'Quiet Channels: Defence Attachés and the Daily Work of Cooperation',
  "The Ammunition Gap: Can Europe's Defence Industry Keep Up?",
];

test('the Library lists the five sample documents with their claim counts', async ({ app: page }) => {
  await expect(page.locator('.ag-row')).toHaveCount(5);
  for (const title of SAMPLE_TITLES) await expect(page.getByRole('gridcell', { name: title })).toBeVisible();
  const summit = page.locator('.ag-row').filter({ hasText: 'Allies Pledge' });
  await expect(summit.locator('[col-id="claims"]')).toHaveText('4');
  await expect(summit.locator('[col-id="source"]')).toHaveText('Atlantic Defence Review');
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  await expect(page.getByRole('list', { name: 'Codebook' }).getByRole('button')).toHaveCount(11);
});

test('double-click opens the Reader; Enter does too', async ({ app: page }) => {
  await page.getByRole('gridcell', { name: SAMPLE_TITLES[2] }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLES[2] })).toBeVisible();
  await expect(page).toHaveURL(/#\/reader\/\d+/);
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.getByRole('gridcell', { name: SAMPLE_TITLES[3] }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLES[3] })).toBeVisible();
});

test('import a .txt by upload: it appears in the Library and can be read', async ({ app: page, dossier }) => {
  const text = 'Baltic Air Policing Review\n\nAllied fighter jets have guarded Baltic airspace since 2004.\n';
  await page.getByTestId('import-input').setInputFiles({
    name: 'air-policing.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text, 'utf8'),
  });
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('1 imported');
  await report.getByText('Details, file by file').click();
  await expect(report).toContainText('Baltic Air Policing Review');
  await expect(page.locator('.ag-row')).toHaveCount(6);
  await expect(page.getByRole('gridcell', { name: 'Baltic Air Policing Review' })).toBeVisible();
  const stored = dossier.project.db
    .prepare('SELECT text FROM documents WHERE title = ?')
    .get('Baltic Air Policing Review') as { text: string } | undefined;
  expect(stored?.text).toContain('Allied fighter jets have guarded Baltic airspace since 2004.');

  // The same file again is skipped, and the report says why.
  await page.getByTestId('import-input').setInputFiles({
    name: 'air-policing.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text, 'utf8'),
  });
  await expect(report).toContainText('Nothing new: 1 file already in the project');
  await report.getByText('Details, file by file').click();
  await expect(report).toContainText('already in the project as “Baltic Air Policing Review”');
  await expect(page.locator('.ag-row')).toHaveCount(6);

  await page
    .getByRole('listbox', { name: 'Documents' })
    .getByRole('option', { name: /Baltic Air Policing/ })
    .click();
  await expect(page.locator('.doc-text')).toContainText('guarded Baltic airspace');
});

test('an empty file is not imported, and the report says so; the good file beside it is', async ({
  app: page,
}) => {
  await page.getByTestId('import-input').setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    {
      name: 'note.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Field note\n\nA short note on drills.\n'),
    },
  ]);
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText('1 imported · 1 failed: 1 empty file');
  await report.getByText('Details, file by file').click();
  await expect(report.locator('li').filter({ hasText: 'empty.txt' })).toContainText(/empty/i);
  await expect(page.locator('.statusbar .status')).toContainText('1 failed');
  await expect(page.locator('.ag-row')).toHaveCount(6);
});

test('keyboard: g then a letter switches views; ? lists the keys', async ({ app: page }) => {
  await page.locator('.view-head h1').click();
  await page.keyboard.press('g');
  await page.keyboard.press('g');
  await expect(page.getByRole('tab', { name: 'Grid' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('without the token, the app says how to get in', async ({ page, dossier }) => {
  const base = dossier.server.url.replace(/\?token=.*/, '');
  await page.goto(base);
  // The page loads (it holds no secret); its API calls are refused, and it says why.
  await expect(page.getByRole('alert')).toContainText(/open the URL that Dossier printed/i);
});

test('leaving the Library while its rows are on their way leaves no error behind', async ({ app: page }) => {
  await expect(page.locator('.ag-row')).toHaveCount(5);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.locator('.ag-root')).toHaveCount(0);
  // The Library's pages are held until the analyst has left it again.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  await page.route('**/api/pageDocuments', async (route) => {
    asked++;
    await held;
    await route.continue();
  });
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.locator('.ag-root')).toBeVisible();
  await expect.poll(() => asked).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.locator('.ag-root')).toHaveCount(0);
  const answered = page.waitForResponse('**/api/pageDocuments');
  release();
  await answered;
  // The rows arrive at a grid already gone, and the columns were to be fitted two frames later: wait three.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
      ),
  );
  await page.unroute('**/api/pageDocuments');
  // The fixture fails the test on any uncaught error in the page.
});

test('the Reader’s code is fetched while the Library sits idle, before any document is opened', async ({
  page,
  dossier,
}) => {
  const readerChunk = page.waitForRequest(/\/assets\/ReaderView-[^/]*\.js$/);
  await page.goto(dossier.server.url);
  await expect(page.locator('.ag-row')).toHaveCount(5);
  await readerChunk;
  expect(page.url()).not.toMatch(/#\/reader/);
});
