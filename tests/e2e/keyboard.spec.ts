import type { Locator, Page } from '@playwright/test';
import type { Project } from '../../electron/core/project';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT,
  documentId,
  expect,
  openDocument,
  seedLongDocument,
  storedClaims,
  test,
} from './fixtures';

// Keyboard-first tagging: the reading caret, the tag popover's keys and its placement, overlays and focus.
const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';
const SENTENCE =
  'On intelligence, ministers agreed to widen the exchange of situational awareness data with Kyiv, including early warning of missile and drone launches.';

const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}` : '';
  });

/** Presses Tab until `target` has focus (at most `limit` times): the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const documentText = (project: Project, docId: number): string =>
  (project.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }).text;

/** A click on `phrase` (the caret goes there), S for its sentence, T: the tag popover. */
async function tagSentenceAt(page: Page, phrase: string): Promise<Locator> {
  await page.mouse.click(...(await pointAt(page, phrase)));
  await page.keyboard.press('s');
  await page.keyboard.press('t');
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  await expect(popover).toBeVisible();
  return popover;
}

const caretOffset = async (page: Page): Promise<number> =>
  Number(await page.getByTestId('reading-caret').getAttribute('data-offset'));

test('keyboard only: open a document, find a phrase, Esc, S, T, filter, its digit, Enter: the claim is that sentence', async ({
  app: page,
  dossier,
}) => {
  const docId = documentId(dossier.project, SUMMIT);
  const text = documentText(dossier.project, docId);
  // The document list is one Tab stop: arrows move in it, Enter opens.
  const list = page.getByRole('listbox', { name: 'Documents' });
  await tabTo(page, list);
  const titles = await list.getByRole('option').locator('.name').allTextContents();
  for (let i = 0; i < titles.indexOf(SUMMIT); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.doc-text')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(list).not.toBeFocused();

  await page.keyboard.press('Control+f');
  await expect(page.getByRole('textbox', { name: 'Find in document' })).toBeFocused();
  await page.keyboard.type('widen the exchange');
  await expect(page.getByTestId('find-counter')).toHaveText('1 / 1');
  // The find bar sits above the text's pane: it covers no line of it.
  const bar = (await page.getByRole('search', { name: 'Find in document' }).boundingBox())!;
  expect(bar.y + bar.height).toBeLessThanOrEqual(
    (await page.locator('.reader-scroll').boundingBox())!.y + 0.5,
  );
  await page.keyboard.press('Escape');
  // The caret is at the hit, visible, in the focused text.
  await expect(page.locator('.reader-scroll')).toBeFocused();
  await expect(page.getByTestId('reading-caret')).toBeVisible();
  expect(await caretOffset(page)).toBe(text.indexOf('widen the exchange'));

  await page.keyboard.press('s');
  await expect(page.getByTestId('caret-announce')).toContainText(SENTENCE);
  await page.keyboard.press('t');
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  await expect(popover).toBeVisible();
  await expect(popover.getByLabel('Filter domains')).toBeFocused();
  await page.keyboard.type('intell');
  await expect(popover.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('1');
  await expect(popover.getByRole('option', { name: 'Intelligence cooperation' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();

  const added = storedClaims(dossier.project, docId).find((c) => c.quote === SENTENCE);
  expect(added, 'a claim whose quote is exactly the sentence').toBeDefined();
  expect(text.slice(added!.start, added!.end)).toBe(SENTENCE);
  await expect(page.getByRole('article', { name: `Claim ${added!.id}` })).toContainText(
    'Intelligence cooperation',
  );
  // Focus is back in the text, and S again then S takes two sentences.
  await expect(page.locator('.reader-scroll')).toBeFocused();
});

test('the caret: Tab puts it at the first paragraph on screen, a click where it was, arrows move it, Shift extends', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const text = documentText(dossier.project, docId);
  const scroller = page.locator('.reader-scroll');
  await page.getByRole('searchbox', { name: 'Filter documents' }).focus();
  await tabTo(page, scroller);
  expect(await caretOffset(page)).toBe(text.indexOf('Allies Pledge'));
  // Ctrl+Right: to the end of the word; Shift+Ctrl+Right twice then Shift+Left: a selection, read out.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const line = await caretOffset(page);
  // Two lines down from the heading: into the first paragraph (the heading may take two lines).
  expect(line).toBeGreaterThanOrEqual(text.indexOf('Defence ministers'));
  await page.keyboard.press('ArrowDown');
  expect(await caretOffset(page)).toBeGreaterThan(line + 40);
  const para = text.indexOf('Several ministers');
  await page.mouse.click(...(await pointAt(page, 'Several ministers')));
  expect(await caretOffset(page)).toBe(para + 1);
  await page.keyboard.press('ArrowLeft');
  expect(await caretOffset(page)).toBe(para);
  await page.keyboard.press('Control+ArrowRight');
  expect(await caretOffset(page)).toBe(para + 'Several'.length);
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByTestId('caret-announce')).toHaveText('Selected 9 characters: minister');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('caret-announce')).toHaveText('Selection cleared');
  // P takes the paragraph; a second S after S adds the next sentence.
  await page.keyboard.press('p');
  const paragraph = text.slice(para, text.indexOf('run itself.') + 'run itself.'.length);
  await expect(page.getByTestId('caret-announce')).toContainText(`Selected ${paragraph.length} characters`);
  await page.keyboard.press('Escape');
  await page.mouse.click(...(await pointAt(page, 'Ministers also')));
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await expect(page.getByTestId('caret-announce')).toContainText(
    'with Alliance standards. A joint working group',
  );
  await expect(page.getByTestId('caret-announce')).toContainText('incompatible systems.');
});

/** The screen point inside the first character of `phrase` in the rendered text. */
async function pointAt(page: Page, phrase: string): Promise<[number, number]> {
  return page.locator('.doc-text').evaluate((root, p) => {
    for (const el of root.querySelectorAll<HTMLElement>('[data-start]')) {
      const node = el.firstChild;
      if (node?.nodeType !== Node.TEXT_NODE) continue;
      const at = (node as Text).data.indexOf(p);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + 1);
      const box = r.getBoundingClientRect();
      return [box.left + box.width * 0.75, box.top + box.height / 2] as [number, number];
    }
    throw new Error(`"${p}" is not rendered`);
  }, phrase);
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`the tag popover fits the window for a selection at the top, middle and bottom (${size.width}×${size.height})`, async ({
    app: page,
  }) => {
    await page.setViewportSize(size);
    await openDocument(page, SUMMIT);
    const scroller = page.locator('.reader-scroll');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    for (const at of [0.12, 0.5, 0.9]) {
      // A click on the line at that height of the pane, S for its sentence, T.
      const pane = (await scroller.boundingBox())!;
      const text = (await page.locator('.doc-text').boundingBox())!;
      await page.mouse.click(text.x + text.width * 0.4, pane.y + pane.height * at);
      await page.keyboard.press('s');
      await page.keyboard.press('t');
      await expect(popover).toBeVisible();
      const box = (await popover.boundingBox())!;
      const save = (await popover.getByRole('button', { name: 'Save claim' }).boundingBox())!;
      const where = `selection at ${at} of the pane`;
      expect(box.y, where).toBeGreaterThanOrEqual(0);
      expect(box.x, where).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, where).toBeLessThanOrEqual(size.height);
      expect(box.x + box.width, where).toBeLessThanOrEqual(size.width);
      expect(save.y + save.height, where).toBeLessThanOrEqual(size.height);
      // The list keeps at least three domains in sight.
      expect((await popover.getByRole('listbox').boundingBox())!.height, where).toBeGreaterThanOrEqual(70);
      await page.keyboard.press('Escape');
      await expect(popover).toBeHidden();
      await page.keyboard.press('Escape');
    }
  });
}

test('Tab in the popover: filter → domains → note → Save → Cancel and round; the note keeps its spaces', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const popover = await tagSentenceAt(page, 'The question of membership');
  await expect(popover.getByLabel('Filter domains')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(popover.getByRole('listbox', { name: 'Domains' })).toBeFocused();
  // In the list: ↓ moves, Space ticks.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(' ');
  await expect(popover.getByRole('option', { selected: true })).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(popover.getByLabel('Note')).toBeFocused();
  const scrolled = await page.locator('.reader-scroll').evaluate((el) => el.scrollTop);
  await page.keyboard.type('not settled yet');
  expect(await page.locator('.reader-scroll').evaluate((el) => el.scrollTop)).toBe(scrolled);
  await page.keyboard.press('Tab');
  await expect(popover.getByRole('button', { name: 'Save claim' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(popover.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(popover.getByLabel('Filter domains')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(popover.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await popover.getByLabel('Note').focus();
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  const added = storedClaims(dossier.project, docId).find(
    (c) => c.quote === 'The question of membership was raised but not settled.',
  );
  expect(added?.note).toBe('not settled yet');
});

test('Escape closes every overlay and focus goes back where it was; focus stays inside while one is open', async ({
  app: page,
}) => {
  await openDocument(page, SUMMIT);
  // The shortcuts list: opened from its button, Tab cycles inside, Esc closes, focus back on the button.
  const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await help.focus();
  await page.keyboard.press('Enter');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('Select the sentence at the caret');
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await shortcuts.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expect(help).toBeFocused();

  const gear = page.getByRole('button', { name: 'Settings' });
  await gear.click();
  await expect(page.getByLabel('Analyst name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden();
  await expect(gear).toBeFocused();

  const autocodeButton = page.getByRole('button', { name: 'Autocode' });
  await autocodeButton.click();
  const autocode = page.getByRole('dialog', { name: 'Autocode' });
  await expect(autocode.getByLabel('Pattern')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(autocode).toBeHidden();
  await expect(autocodeButton).toBeFocused();
  // It belongs to the view it was opened in: switching views closes it.
  await autocodeButton.click();
  await expect(autocode).toBeVisible();
  await page.getByRole('tab', { name: 'Grid' }).click();
  await expect(autocode).toBeHidden();
  await page.getByRole('tab', { name: 'Reader' }).click();

  const card = page.locator('.claim-card').first();
  await card.click();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('form', { name: 'Edit claim' });
  await expect(editor.getByLabel('Filter domains')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  await page.mouse.click(...(await pointAt(page, 'Ministers also')));
  await page.keyboard.press('t');
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  await expect(popover).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(page.locator('.reader-scroll')).toBeFocused();
});

test('the codebook’s actions from the keyboard (Shift+F10) and by right-click, as a menu', async ({
  app: page,
  dossier,
}) => {
  const name = page
    .getByRole('list', { name: 'Codebook' })
    .getByRole('button', { name: /^Military exercises/ });
  await name.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for Military exercises' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Colour…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(name).toBeFocused();
  // The ⋮ button is a Tab stop once the row has focus.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Actions for Military exercises' })).toBeFocused();

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const palette = page.getByRole('group', { name: 'Colour' });
  await expect(palette).toBeVisible();
  await page.keyboard.press('Tab');
  // A swatch's title is its colour, then which domains use it ("#117733 · used by …").
  const colour = (await page.evaluate(() => document.activeElement?.getAttribute('title')))!.split(' ')[0];
  await page.keyboard.press('Enter');
  await expect
    .poll(() =>
      (
        dossier.project.db.prepare("SELECT color FROM domains WHERE name = 'Military exercises'").get() as {
          color: string;
        }
      ).color.toLowerCase(),
    )
    .toBe(colour.toLowerCase());

  // A right-click opens the same menu at the pointer.
  const box = (await name.boundingBox())!;
  await page.mouse.click(box.x + 40, box.y + box.height / 2, { button: 'right' });
  await expect(menu).toBeVisible();
  const at = (await menu.boundingBox())!;
  expect(Math.abs(at.x - (box.x + 40))).toBeLessThan(12);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  expect(await focused(page)).not.toBe('');
});

test('browser Back while tagging keeps the claim: the popover opens again with its domains and note', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const popover = await tagSentenceAt(page, 'The question of membership');
  await page.keyboard.press('2');
  await popover.getByLabel('Note').fill('June meeting');
  await page.goBack();
  await expect(popover).toBeHidden();
  // The Library's own status line ("Select all N documents") is on the page too: find the app's message by its text.
  await expect(
    page.getByRole('status').filter({ hasText: 'The claim you were tagging is kept' }),
  ).toBeVisible();
  await page.goForward();
  await expect(popover).toBeVisible();
  await expect(popover.getByLabel('Note')).toHaveValue('June meeting');
  await expect(popover.getByRole('option', { selected: true })).toHaveCount(1);
  await popover.getByRole('button', { name: 'Save claim' }).click();
  await expect(popover).toBeHidden();
  const added = storedClaims(dossier.project, docId).find((c) =>
    c.quote.startsWith('The question of membership'),
  );
  expect(added?.note).toBe('June meeting');
});

// DOSSIER_README_SCREENSHOT=1 refreshes the README's pictures of the caret, a keyboard selection and the popover.
for (const size of [
  { width: 1440, height: 900, suffix: '' },
  { width: 1280, height: 720, suffix: '-1280' },
]) {
  test(`screenshots: the caret, a keyboard selection, the popover near the bottom edge (${size.width}×${size.height})`, async ({
    app: page,
  }) => {
    await page.setViewportSize(size);
    // No blinking: the caret is in every picture.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openDocument(page, SUMMIT);
    const out = path.join(REPO_ROOT, 'test-results', 'screenshots');
    fs.mkdirSync(out, { recursive: true });
    const shot = async (name: string): Promise<void> => {
      const file = path.join(out, `${name}${size.suffix}.png`);
      await page.screenshot({ path: file });
      if (process.env.DOSSIER_README_SCREENSHOT)
        fs.copyFileSync(file, path.join(REPO_ROOT, 'docs', 'screenshots', `${name}${size.suffix}.png`));
    };
    await page.mouse.click(...(await pointAt(page, 'Several ministers')));
    await page.keyboard.press('Control+ArrowRight');
    await expect(page.getByTestId('reading-caret')).toBeVisible();
    await shot('reader-caret');
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    await expect(page.getByTestId('caret-announce')).toContainText('Selected');
    await shot('reader-keyboard-selection');
    await page.keyboard.press('Escape');
    const pane = (await page.locator('.reader-scroll').boundingBox())!;
    const textBox = (await page.locator('.doc-text').boundingBox())!;
    await page.mouse.click(textBox.x + textBox.width * 0.3, pane.y + pane.height * 0.93);
    await page.keyboard.press('s');
    await page.keyboard.press('t');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    await expect(popover).toBeVisible();
    await page.keyboard.type('co');
    await shot('tag-popover-bottom');
    const box = (await popover.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
  });
}

test('the selected claim card is never under the claims column’s sticky head (two lines with a long filter)', async ({
  app: page,
  dossier,
}) => {
  await seedLongDocument(dossier.project, { title: 'Long one', chars: 60_000, claims: 300 });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.reload();
  await openDocument(page, 'Long one');
  await page
    .getByRole('list', { name: 'Codebook' })
    .getByRole('button', { name: /^Joint planning/ })
    .click();
  await page.locator('.doc-meta').click();
  const gap = (): Promise<number> =>
    page.evaluate(() => {
      const card = document.querySelector('.claim-card.selected')?.getBoundingClientRect();
      const head = document.querySelector('.claims-column .column-head')!.getBoundingClientRect();
      return card ? card.top - head.bottom : -999;
    });
  for (const key of ['j', 'j', 'j', 'j', 'j', 'j', 'k', 'k', 'k', 'k', 'k']) {
    await page.keyboard.press(key);
    await expect.poll(gap, `after ${key}`).toBeGreaterThanOrEqual(-1);
  }
});
