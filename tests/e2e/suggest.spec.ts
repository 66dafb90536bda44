import { call } from './grids-data';
import { documentId, dragSelect, expect, openDocument, test } from './fixtures';

// Suggestions (issue 17): claims tagged in three documents teach the model a domain; the review drawer learns
// from them, suggestions are accepted and rejected one at a time, the Model tab's figures follow, and the tag
// popover marks the likely domain without moving the codebook's order.

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';
const DOMAIN = 'Military aid and support';
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

test('tagged claims give suggestions to review, the model panel counts them, the popover marks the domain', async ({
  app: page,
  dossier,
}) => {
  const db = dossier.project.db;
  const domainId = db.prepare('SELECT id FROM domains WHERE name = ?').pluck().get(DOMAIN) as number;
  const docs = db.prepare('SELECT id, text FROM documents ORDER BY id LIMIT 3').all() as {
    id: number;
    text: string;
  }[];
  await openDocument(page, SUMMIT);
  // Two long sentences of each of three documents tagged with the domain, through the API as the Reader would.
  for (const d of docs) {
    const long = [...segmenter.segment(d.text)].filter((s) => s.segment.trim().length > 40).slice(1, 3);
    for (const s of long) {
      const t = s.segment.trimEnd();
      await call(page, 'createClaim', {
        docId: d.id,
        start: s.index,
        end: s.index + t.length,
        domainIds: [domainId],
      });
    }
  }
  const before = db
    .prepare('SELECT count(*) FROM claim_domains WHERE domain_id = ?')
    .pluck()
    .get(domainId) as number;

  await page.getByRole('button', { name: 'Suggest claims' }).click();
  const drawer = page.getByRole('complementary', { name: 'Suggest claims' });
  await drawer.getByLabel('Scope').selectOption('corpus');
  await drawer.getByLabel('Minimum score').selectOption('0.1');
  const item = drawer.getByTestId('suggestion');
  await expect(item).toContainText(DOMAIN);
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

  // The Model tab: the domain's claims now include the accepted one, with cross-validated figures.
  await drawer.getByRole('tab', { name: 'Model' }).click();
  const row = drawer.getByTestId(`model-row-${domainId}`);
  await expect(row).toContainText(DOMAIN);
  await expect(row.locator('td').nth(1)).toHaveText(String(before + 1));
  await expect(row.locator('td').nth(2)).toHaveText(/%|–/);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

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
