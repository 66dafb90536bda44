import { documentId, dragSelect, expect, openDocument, storedClaims, tagWith, test } from './fixtures';

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';

test('the rendered text is exactly the stored text', async ({ app: page, dossier }) => {
  await openDocument(page, SUMMIT);
  const stored = (
    dossier.project.db
      .prepare('SELECT text FROM documents WHERE id = ?')
      .get(documentId(dossier.project, SUMMIT)) as {
      text: string;
    }
  ).text;
  expect(await page.locator('.doc-text').evaluate((el) => el.textContent)).toBe(stored);
  // The sample's four claims are highlighted, and their cards listed in text order.
  await expect(page.getByRole('article', { name: /^Claim \d+$/ })).toHaveCount(4);
  await expect(page.locator('.doc-text [data-claims]').first()).toHaveText(/^Training programmes/);
});

test('select a passage with the mouse, tag it, see it, reload, still there', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const before = storedClaims(dossier.project, docId).length;

  // Start mid-word ("efence") and end mid-word ("Allia"): the claim snaps to whole words.
  await dragSelect(page, 'efence planning with', 'Allia');
  await tagWith(page, 'High-level dialogue', 'Planning standards.');

  const card = page
    .getByRole('article', { name: /^Claim \d+$/ })
    .filter({ hasText: 'defence planning with' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('High-level dialogue');
  await expect(card).toContainText('Planning standards.');
  await expect(card.locator('.quote')).toHaveText('defence planning with Alliance');
  await expect(page.locator('.doc-text .hl-selected').first()).toHaveText(/defence planning with Alliance/);
  await expect(page.getByRole('status').first()).toContainText('Claim saved');

  // In the store, offsets and quote agree with the document's text.
  const claims = storedClaims(dossier.project, docId);
  expect(claims).toHaveLength(before + 1);
  const added = claims.find((c) => c.quote === 'defence planning with Alliance');
  expect(added).toBeDefined();
  const text = (
    dossier.project.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }
  ).text;
  expect(text.slice(added!.start, added!.end)).toBe(added!.quote);
  expect(added!.note).toBe('Planning standards.');

  await page.reload();
  await expect(page.locator('.doc-text')).toBeVisible();
  const again = page.getByRole('article', { name: `Claim ${added!.id}` });
  await expect(again).toContainText('defence planning with Alliance');
  await expect(page.locator(`.doc-text [data-claims~="${added!.id}"]`)).toHaveText(
    'defence planning with Alliance',
  );
});

test('Alt while selecting keeps the exact characters; digits pick domains; two domains on one claim', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  await page.keyboard.down('Alt');
  await dragSelect(page, 'eting, chaired', 'Secretary Gen');
  await page.keyboard.up('Alt');
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  await expect(popover).toContainText('exact');
  await page.keyboard.press('1');
  await page.keyboard.press('5');
  await expect(popover.getByRole('option', { selected: true })).toHaveCount(2);
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  const added = storedClaims(dossier.project, docId).find((c) => c.quote.startsWith('eting'));
  expect(added?.quote).toBe('eting, chaired by the Secretary Gen');
  const card = page.getByRole('article', { name: `Claim ${added!.id}` });
  await expect(card).toContainText('High-level dialogue');
  await expect(card).toContainText('Intelligence cooperation');
});

test('Escape closes the popover and nothing is saved', async ({ app: page, dossier }) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const before = storedClaims(dossier.project, docId).length;
  await dragSelect(page, 'steady work', 'institutions');
  await expect(page.getByRole('dialog', { name: 'Tag the selection' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Tag the selection' })).toBeHidden();
  expect(storedClaims(dossier.project, docId)).toHaveLength(before);
});

test('delete a claim, undo it, and the highlight follows', async ({ app: page, dossier }) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const target = storedClaims(dossier.project, docId).find((c) => c.quote.startsWith('The communiqué'))!;
  const card = page.getByRole('article', { name: `Claim ${target.id}` });
  await card.getByRole('button', { name: 'Delete claim' }).click();
  await expect(card).toBeHidden();
  await expect(page.locator(`.doc-text [data-claims~="${target.id}"]`)).toHaveCount(0);
  expect(storedClaims(dossier.project, docId).some((c) => c.id === target.id)).toBe(false);

  await page.reload();
  await expect(page.locator('.doc-text')).toBeVisible();
  await expect(page.getByRole('article', { name: /^Claim \d+$/ })).toHaveCount(3);

  // Undo works within the session: delete another, then Ctrl+Z brings it back (as a new claim, same place).
  const other = storedClaims(dossier.project, docId)[0];
  await page
    .getByRole('article', { name: `Claim ${other.id}` })
    .getByRole('button', { name: 'Delete claim' })
    .click();
  await expect(page.getByRole('article', { name: /^Claim \d+$/ })).toHaveCount(2);
  await page.locator('.doc-meta').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('article', { name: /^Claim \d+$/ })).toHaveCount(3);
  expect(storedClaims(dossier.project, docId).map((c) => c.quote)).toContain(other.quote);
});

test('clicking a highlight selects its card; clicking a card selects its highlight; codebook filters', async ({
  app: page,
}) => {
  await openDocument(page, SUMMIT);
  await page.locator('.doc-text [data-claims]').filter({ hasText: 'joint working group' }).click();
  const selected = page.locator('.claim-card.selected');
  await expect(selected).toHaveCount(1);
  await expect(selected).toContainText('Joint planning and capability development');

  await page.locator('.claim-card').filter({ hasText: 'irreversible path' }).click();
  await expect(page.locator('.doc-text .hl-selected').first()).toContainText('The communiqué speaks');

  // The codebook filters the Reader to one domain.
  await page
    .getByRole('list', { name: 'Codebook' })
    .getByRole('button', { name: /Intelligence cooperation/ })
    .click();
  await expect(page.locator('.claim-card')).toHaveCount(1);
  await expect(page.locator('.claim-card')).toContainText('situational awareness');
  await expect(page.locator('.doc-text [data-claims]')).toHaveCount(1);
  await page.getByRole('button', { name: /show all/ }).click();
  await expect(page.locator('.claim-card')).toHaveCount(4);
});

test('j and k step through the claims', async ({ app: page }) => {
  await openDocument(page, SUMMIT);
  await page.locator('.doc-meta').click();
  await page.keyboard.press('j');
  await expect(page.locator('.claim-card.selected')).toContainText('Training programmes');
  await page.keyboard.press('j');
  await expect(page.locator('.claim-card.selected')).toContainText('joint working group');
  await page.keyboard.press('k');
  await expect(page.locator('.claim-card.selected')).toContainText('Training programmes');
});

test("the highlights come from the claims' spans before the full claims arrive; the cards follow", async ({
  app: page,
  dossier,
}) => {
  // Hold the full claims back: the spans alone must paint the highlights, and the column say it is loading.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/listClaims', async (route) => {
    await held;
    await route.continue();
  });
  await openDocument(page, SUMMIT);
  const ids = storedClaims(dossier.project, documentId(dossier.project, SUMMIT)).map((c) => c.id);
  for (const id of ids) await expect(page.locator(`.doc-text [data-claims~="${id}"]`).first()).toBeVisible();
  await expect(page.locator('.claims-column')).toContainText('Loading the claims…');
  await expect(page.getByRole('article', { name: /^Claim \d+$/ })).toHaveCount(0);
  release();
  await expect(page.getByRole('article', { name: /^Claim \d+$/ })).toHaveCount(ids.length);
  await expect(page.locator('.claims-column')).not.toContainText('Loading the claims…');
});

test('the text is shown once, with its highlights: it waits a moment for their spans, but not for long', async ({
  app: page,
}) => {
  const documents = page.getByRole('listbox', { name: 'Documents' });
  // From the moment the document is opened: does the text first appear with its highlights?
  const firstTextHasHighlights = (): Promise<boolean> =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const check = (): void => {
            if (document.querySelector('.doc-text p [data-start]'))
              resolve(document.querySelector('.doc-text [data-claims]') !== null);
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
  // The spans come 100 ms after the document, the full claims (which would paint the highlights too) later still.
  let served: () => void = () => undefined;
  const documentServed = new Promise<void>((r) => (served = r));
  let releaseClaims: () => void = () => undefined;
  const claimsHeld = new Promise<void>((r) => (releaseClaims = r));
  await page.route('**/api/getDocument', async (route) => {
    await route.fulfill({ response: await route.fetch() });
    served();
  });
  await page.route('**/api/listClaimSpans', async (route) => {
    await documentServed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await route.continue();
  });
  await page.route('**/api/listClaims', async (route) => {
    await claimsHeld;
    await route.continue();
  });
  const first = firstTextHasHighlights();
  await documents.getByRole('option', { name: SUMMIT }).click();
  expect(await first).toBe(true);
  releaseClaims();

  // Spans (and claims) that are slow to come: the text is shown without them, and they follow.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/api\/(listClaimSpans|listClaims)$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('tab', { name: 'Library' }).click();
  await documents.getByRole('option', { name: SUMMIT }).click();
  await expect(page.locator('.doc-text')).toContainText('joint working group');
  await expect(page.locator('.doc-text [data-claims]')).toHaveCount(0);
  release();
  await expect(page.locator('.doc-text [data-claims]').first()).toBeVisible();
});
