import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { call } from './grids-data';
import { REPO_ROOT, documentId, dragSelect, expect, openDocument, storedClaims, test } from './fixtures';

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';

test('digits 1–9 follow the codebook order; the domains used last are a group above with the same digits; a filter numbers its matches', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  const codebook = popover.getByRole('group', { name: 'Codebook' }).getByRole('option');
  const usedLast = popover.getByRole('group', { name: 'Used last' }).getByRole('option');
  const sidebarOrder = await page.locator('.cb-tree .cb-name .name').allTextContents();
  const digitOf = (name: string) => codebook.filter({ hasText: name }).getAttribute('aria-keyshortcuts');

  await dragSelect(page, 'steady work', 'institutions');
  await expect(codebook.locator('.name')).toHaveText(sidebarOrder);
  await expect(usedLast).toHaveCount(0);
  const attaches = (await digitOf('Defence attachés'))!;
  const exercises = (await digitOf('Military exercises'))!;
  expect(Number(attaches)).toBe(sidebarOrder.indexOf('Defence attachés') + 1);
  await page.keyboard.press(attaches);
  await page.keyboard.press(exercises);
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();

  // Used together: a group of their own above the codebook, which keeps its order and its digits.
  await dragSelect(page, 'joint working group', 'capability needs');
  await expect(usedLast.locator('.name')).toHaveText(['Defence attachés', 'Military exercises']);
  await expect(usedLast.nth(1)).toHaveAttribute('aria-keyshortcuts', exercises);
  await expect(codebook.locator('.name')).toHaveText(sidebarOrder);
  await page.keyboard.press(exercises);
  await expect(usedLast.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(codebook.filter({ hasText: 'Military exercises' })).toHaveAttribute('aria-selected', 'true');
  // While a filter is typed, the digits number its matches and the ticked domains stay in sight as chips.
  await page.keyboard.type('legal');
  await expect(popover.getByRole('option').locator('.name')).toHaveText([
    'Legal and legislative cooperation',
  ]);
  await expect(popover.getByRole('list', { name: 'Ticked domains' })).toHaveText('Military exercises');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  const added = storedClaims(dossier.project, docId).find((c) => c.quote.startsWith('joint working group'));
  expect(added).toBeDefined();
  const card = page.getByRole('article', { name: `Claim ${added!.id}` });
  await expect(card).toContainText('Military exercises');
  await expect(card).toContainText('Legal and legislative cooperation');
  await expect(card).not.toContainText('Defence attachés');

  // After a reload the group follows recency, the digits do not move.
  await page.reload();
  await dragSelect(page, 'timetable could be set', 'war continues');
  await expect(usedLast.locator('.name')).toHaveText([
    'Military exercises',
    'Legal and legislative cooperation',
    'Defence attachés',
  ]);
  await expect(codebook.locator('.name')).toHaveText(sidebarOrder);
  expect(await digitOf('Defence attachés')).toBe(attaches);
});

/** The screen point in the middle of the first occurrence of `word` in the rendered text. */
async function pointOf(page: Page, word: string): Promise<{ x: number; y: number }> {
  return page.locator('.doc-text').evaluate((root, w) => {
    for (const el of root.querySelectorAll<HTMLElement>('[data-start]')) {
      const node = el.firstChild;
      if (node?.nodeType !== Node.TEXT_NODE) continue;
      const at = (node as Text).data.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`"${w}" is not on screen`);
  }, word);
}

async function dragTo(page: Page, handle: Locator, to: { x: number; y: number }, alt = false): Promise<void> {
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

test('drag the ends of a claim: it snaps to words (Alt: exact), saves at once, undoes in one step', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const claim = storedClaims(dossier.project, docId).find((c) =>
    c.quote.startsWith('A joint working group'),
  )!;
  const text = (
    dossier.project.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }
  ).text;
  await page.getByRole('article', { name: `Claim ${claim.id}` }).click();
  const endHandle = page.getByRole('slider', { name: 'Drag to move the end of the claim' });
  const startHandle = page.getByRole('slider', { name: 'Drag to move the start of the claim' });
  await expect(endHandle).toBeVisible();
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'claim-handles.png') });

  // The end, dropped in the middle of "purchases", takes the whole word.
  await dragTo(page, endHandle, await pointOf(page, 'purchases'));
  const grown = 'planning targets, so that future purchases';
  await expect
    .poll(() => storedClaims(dossier.project, docId).find((c) => c.id === claim.id)!.quote)
    .toMatch(new RegExp(`${grown}$`));
  let stored = storedClaims(dossier.project, docId).find((c) => c.id === claim.id)!;
  expect(stored.start).toBe(claim.start);
  expect(text.slice(stored.start, stored.end)).toBe(stored.quote);
  await expect(page.locator(`.doc-text [data-claims~="${claim.id}"]`).last()).toContainText('purchases');

  // The start, with Alt, lands exactly where dropped: inside "joint".
  const joint = await pointOf(page, 'joint working');
  await dragTo(page, startHandle, { x: joint.x - 18, y: joint.y }, true);
  await expect
    .poll(() => storedClaims(dossier.project, docId).find((c) => c.id === claim.id)!.start)
    .toBeGreaterThan(claim.start);
  stored = storedClaims(dossier.project, docId).find((c) => c.id === claim.id)!;
  expect(stored.quote).not.toMatch(/^A /);
  expect(text.slice(stored.start, stored.end)).toBe(stored.quote);

  // Each drag is one undoable edit; two quick presses undo both (presses queue, none is dropped), even when the
  // store answers slowly.
  await page.route('**/api/undo', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.locator('.reader-page h1, .doc-meta').first().click();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect
    .poll(() => {
      const now = storedClaims(dossier.project, docId).find((c) => c.id === claim.id)!;
      return [now.start, now.quote];
    })
    .toEqual([claim.start, claim.quote]);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect
    .poll(() => storedClaims(dossier.project, docId).find((c) => c.id === claim.id)!.quote)
    .toMatch(new RegExp(`${grown}$`));
});

test('nested claims are each clickable in the text: the inner one first, again for the outer, outside it the outer', async ({
  app: page,
  dossier,
}) => {
  const docId = documentId(dossier.project, SUMMIT);
  const text = (
    dossier.project.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }
  ).text;
  const outerQuote = 'the steady work of building Ukrainian institutions';
  const innerQuote = 'building Ukrainian';
  const o = text.indexOf(outerQuote);
  const i = text.indexOf(innerQuote, o);
  const outer = await call<{ id: number }>(page, 'createClaim', {
    docId,
    start: o,
    end: o + outerQuote.length,
    domainIds: [1],
  });
  const inner = await call<{ id: number }>(page, 'createClaim', {
    docId,
    start: i,
    end: i + innerQuote.length,
    domainIds: [5],
  });
  await openDocument(page, SUMMIT);
  const current = page.locator('.claim-card[aria-current="true"]');
  const shared = await pointOf(page, 'building');
  await page.mouse.click(shared.x, shared.y);
  await expect(current).toHaveAttribute('aria-label', `Claim ${inner.id}`);
  await page.mouse.click(shared.x, shared.y);
  await expect(current).toHaveAttribute('aria-label', `Claim ${outer.id}`);
  const onlyOuter = await pointOf(page, 'steady work');
  await page.mouse.click(onlyOuter.x, onlyOuter.y);
  await expect(current).toHaveAttribute('aria-label', `Claim ${outer.id}`);
  await page.mouse.click(shared.x, shared.y);
  await expect(current).toHaveAttribute('aria-label', `Claim ${inner.id}`);
  await expect(page.locator(`.doc-text [data-claims~="${inner.id}"]`).first()).toHaveClass(/hl-selected/);
});
