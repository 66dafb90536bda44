import { expect, test } from './fixtures';
import { call } from './grids-data';

// The Library at scale (issue 16): a few thousand documents imported by the test through the API, then the grid
// (ag-grid's infinite row model) asks the core for rows as the analyst scrolls, sorts and filters in SQL, and
// "select all matching" hands the filter to an action that applies to every one of them.

const N = 3_000;
const pad = (i: number): string => String(i).padStart(4, '0');
/** Word counts vary; one document is by far the longest. */
const wordsOf = (i: number): number => (i === 1234 ? 400 : 3 + (i % 40));

interface Status {
  state: string;
  jobId: string;
  report: { imported: unknown[] };
}

test('a Library of 3,000 documents: rows come as it scrolls, sort and filter in the core, all matching selected', async ({
  app: page,
}) => {
  test.setTimeout(240_000);
  const files = Array.from({ length: N }, (_, i) => ({
    name: `scale-${pad(i)}.txt`,
    base64: Buffer.from(
      `Scale document ${pad(i)}\n\n${Array.from({ length: wordsOf(i) }, (_, k) => `w${i}x${k}`).join(' ')}.\n`,
    ).toString('base64'),
  }));
  const job = await call<Status>(page, 'startImport', { files });
  const done = await call<Status>(page, 'waitImport', { jobId: job.jobId });
  expect(done.report.imported).toHaveLength(N);
  const total = N + 5; // and the sample's five

  const pages: { offset: number; sort: unknown; desc: boolean }[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/pageDocuments')) pages.push(r.postDataJSON() as (typeof pages)[number]);
  });
  await page.reload();
  const grid = page.locator('.library .ag-root');
  const count = page.locator('.library-count');
  await expect(count).toContainText(`${total.toLocaleString('en')} documents`);
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  // Only the rows in view (and a block) are in the page, here and in the left column's list.
  expect(await grid.locator('.ag-row').count()).toBeLessThan(150);
  const options = page.getByRole('listbox', { name: 'Documents' }).getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-setsize', String(total));
  expect(await options.count()).toBeLessThan(100);

  // Scrolling to the end asks for the last block: the last row by title is the sample's "The Ammunition Gap".
  const viewport = page.locator('.library .ag-body-vertical-scroll-viewport');
  await viewport.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const last = grid.locator(`.ag-row[row-index="${total - 1}"]`);
  await expect(last).toContainText('The Ammunition Gap');
  expect(pages.some((p) => p.offset >= total - 100)).toBe(true);

  // Sorting by Words, then the other way: the core's order, from the top.
  await viewport.evaluate((el) => el.scrollTo(0, 0));
  const header = page.locator('.library .ag-header-cell[col-id="words"]');
  await header.click();
  const first = grid.locator('.ag-row[row-index="0"]');
  await expect(first.locator('[col-id="words"]')).toHaveText('6'); // 3 words of title + 3
  await header.click();
  await expect(first).toContainText('Scale document 1234');
  await expect(first.locator('[col-id="words"]')).toHaveText('403');
  expect(pages.some((p) => p.sort === 'words' && p.desc)).toBe(true);

  // The quick filter: documents 1200–1299.
  await page.getByRole('searchbox', { name: 'Filter the Library' }).fill('document 12');
  await expect(count).toContainText(`100 of ${total.toLocaleString('en')} documents`);
  await expect(first).toContainText('Scale document 1234');

  // Select all 100, leave one out, and make a set of the rest: the core resolves the filter.
  await page.getByRole('button', { name: 'Select all 100 matching documents' }).click();
  await expect(page.getByText('All 100 matching documents selected')).toBeVisible();
  await expect(first).toHaveClass(/all-selected/);
  await first.locator('[col-id="title"]').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByText('All 99 matching documents selected')).toBeVisible();
  await expect(first).not.toHaveClass(/all-selected/);
  await page.getByRole('button', { name: 'Add to set…' }).click();
  const panel = page.getByRole('form', { name: 'Add 99 selected documents to a set' });
  await panel.getByRole('textbox', { name: 'Name' }).fill('Twelves');
  await panel.getByRole('button', { name: 'Create set' }).click();
  await expect(page.getByText('Set “Twelves” created with 99 documents ✓')).toBeVisible();
  const sets = await call<{ name: string; docIds: number[] }[]>(page, 'listSets');
  const twelves = sets.find((s) => s.name === 'Twelves')!;
  expect(twelves.docIds).toHaveLength(99);
  const titles = await call<{ rows: { id: number; title: string }[] }>(page, 'listDocuments', {
    text: 'document 12',
    limit: 200,
  });
  const left = titles.rows.find((d) => d.title === 'Scale document 1234')!;
  expect(twelves.docIds).not.toContain(left.id);
  expect(new Set(twelves.docIds)).toEqual(new Set(titles.rows.filter((d) => d !== left).map((d) => d.id)));
});
