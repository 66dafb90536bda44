import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT, dragSelect, expect, seedLongDocument, storedClaims, tagWith, test } from './fixtures';

const TITLE = 'A long report';
const CHARS = 200_000;

async function openLong(page: Page, url: string, docId: number, claimId?: number): Promise<void> {
  await page.goto(`${new URL(url).origin}/#/reader/${docId}${claimId ? `?claim=${claimId}` : ''}`);
  await expect(page.locator('.doc-text [data-start]').first()).toBeAttached();
}

const scroller = (page: Page) => page.locator('.reader-scroll');

/** In the page: true when the element's scroll position is the same two animation frames apart. */
const atRest = (el: Element): Promise<boolean> =>
  new Promise((resolve) => {
    const top = el.scrollTop;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(el.scrollTop === top)));
  });

/**
 * The claims some of whose highlighted text is laid out more than `margin` px inside the Reader's scroll box
 * (measured on the text's own line boxes), in the order their highlights come.
 */
function claimsOnScreen(page: Page, margin: number): Promise<number[]> {
  return page.evaluate((margin) => {
    const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    const ids = new Set<number>();
    const range = document.createRange();
    for (const el of document.querySelectorAll<HTMLElement>('.doc-text [data-claims]')) {
      range.selectNodeContents(el);
      const on = [...range.getClientRects()].some(
        (r) => r.height > 0 && r.bottom > box.top + margin && r.top < box.bottom - margin,
      );
      if (on) for (const id of el.dataset.claims!.split(' ')) ids.add(Number(id));
    }
    return [...ids];
  }, margin);
}

const cardIds = (page: Page, selector: string): Promise<number[]> =>
  page
    .locator(selector)
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('aria-label')!.replace(/\D/g, ''))));

/** The cards the column marks as on screen. */
const markedInView = (page: Page): Promise<number[]> => cardIds(page, '.claims-column .claim-card.in-view');
/** The cards the column has rendered (its virtual list keeps only some). */
const renderedCards = (page: Page): Promise<number[]> => cardIds(page, '.claims-column .claim-card');

test('a long document is virtualized: part of it in the DOM, the end reached by scrolling, tagging late in it is exact', async ({
  app: page,
  dossier,
}) => {
  const { docId, text, paragraphs } = await seedLongDocument(dossier.project, {
    title: TITLE,
    chars: CHARS,
    claims: 1_500,
  });
  await openLong(page, dossier.server.url, docId);
  await expect(page.locator('.doc-text')).toContainText('Paragraph 1.');

  // Only a few blocks are rendered: a small part of the text, and of the claims' cards.
  const rendered = await page.locator('.doc-text').evaluate((el) => el.textContent?.length ?? 0);
  expect(rendered).toBeGreaterThan(500);
  expect(rendered).toBeLessThan(text.length / 10);
  expect(await page.locator('.doc-text .block').count()).toBeLessThan(paragraphs.length / 5);
  await expect(page.locator('.claims-column .column-head .count')).toHaveText('1500');
  expect(await page.locator('.claims-column .claim-card').count()).toBeLessThan(60);

  // Every rendered piece's text is the stored text at its data-start.
  const pieces = await page
    .locator('.doc-text [data-start]')
    .evaluateAll((els) => els.map((el) => [Number((el as HTMLElement).dataset.start), el.textContent ?? '']));
  for (const [start, content] of pieces as [number, string][])
    expect(text.slice(start, start + content.length)).toBe(content);

  // Scrolling to the bottom shows the last paragraph.
  const last = paragraphs.length;
  const lastPara = page.locator('.doc-text p', { hasText: `Paragraph ${last}.` });
  // The scroll height grows as blocks are measured: scroll to the bottom again until the last paragraph shows.
  await expect(async () => {
    await scroller(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(lastPara).toBeInViewport({ timeout: 1_000 });
  }).toPass();
  await expect(page.locator('.doc-text')).not.toContainText('Paragraph 1.');
  expect(text.trimEnd().endsWith((await lastPara.textContent())!.trimEnd())).toBe(true);

  // Select in a late paragraph and tag: the stored claim's offsets are where that text is.
  const lateAt = paragraphs[last - 2];
  const words = text.slice(lateAt, paragraphs[last - 1]).split(' ');
  await dragSelect(page, `Paragraph ${last - 1}.`, `${words[4]} ${words[5]} ${words[6]}`);
  await tagWith(page, 'Defence attachés');
  const added = storedClaims(dossier.project, docId).find((c) => c.start === lateAt);
  expect(added).toBeDefined();
  expect(text.slice(added!.start, added!.end)).toBe(added!.quote);
  expect(added!.quote).toMatch(
    new RegExp(`^Paragraph ${last - 1}\\. ${words[2]} ${words[3]} ${words[4]} ${words[5]}`),
  );
  await expect(page.locator(`.doc-text [data-claims~="${added!.id}"]`).first()).toBeVisible();
  await expect(page.getByRole('article', { name: `Claim ${added!.id}` })).toBeVisible();
});

test('a link to a claim deep in a long document scrolls to it and flashes it', async ({
  app: page,
  dossier,
}) => {
  const { docId } = await seedLongDocument(dossier.project, { title: TITLE, chars: CHARS, claims: 1_500 });
  const claims = storedClaims(dossier.project, docId);
  const deep = claims[Math.floor(claims.length * 0.8)];
  await openLong(page, dossier.server.url, docId, deep.id);
  const highlight = page.locator(`.doc-text [data-claims~="${deep.id}"]`).first();
  await expect(highlight).toBeInViewport();
  await expect(highlight).toHaveClass(/flash/);
  await expect(highlight).toHaveClass(/hl-selected/);
  const card = page.getByRole('article', { name: `Claim ${deep.id}` });
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(card).toBeInViewport();
  await expect(page.locator('.doc-text')).not.toContainText('Paragraph 1.');
});

test('margin stripes: one per claim beside its text, side by side when claims overlap; clicking one selects the claim everywhere; hovering names the domains', async ({
  app: page,
  dossier,
}) => {
  const { docId } = await seedLongDocument(dossier.project, { title: TITLE, chars: CHARS, claims: 1_500 });
  await openLong(page, dossier.server.url, docId);
  const claims = storedClaims(dossier.project, docId);
  // The second and third claims overlap (every third starts inside the one before).
  const [a, b] = [claims[1], claims[2]];
  expect(b.start).toBeLessThan(a.end);
  const stripeA = page.locator(`.doc-text [data-stripe="${a.id}"]`);
  const stripeB = page.locator(`.doc-text [data-stripe="${b.id}"]`);
  await expect(stripeA).toBeVisible();
  await expect(stripeB).toBeVisible();
  const boxA = (await stripeA.boundingBox())!;
  const boxB = (await stripeB.boundingBox())!;
  expect(Math.abs(boxA.x - boxB.x)).toBeGreaterThanOrEqual(3);
  // Aligned with the claim's text: the stripe spans the highlight's lines.
  const hlA = page.locator(`.doc-text [data-claims~="${a.id}"]`);
  const first = (await hlA.first().boundingBox())!;
  const lastHl = (await hlA.last().boundingBox())!;
  expect(Math.abs(boxA.y - first.y)).toBeLessThan(3);
  expect(Math.abs(boxA.y + boxA.height - (lastHl.y + lastHl.height))).toBeLessThan(3);
  expect(boxA.x + boxA.width).toBeLessThan(first.x);

  // Hover names its domains.
  const domainOf = (id: number): string =>
    (
      dossier.project.db
        .prepare(
          'SELECT d.name FROM claim_domains cd JOIN domains d ON d.id = cd.domain_id WHERE cd.claim_id = ? ORDER BY d.name LIMIT 1',
        )
        .get(id) as { name: string }
    ).name;
  await expect(stripeA).toHaveAttribute('title', new RegExp(domainOf(a.id)));
  await expect(hlA.first()).toHaveAttribute('title', new RegExp(domainOf(a.id)));

  await stripeB.click();
  await expect(stripeB).toHaveClass(/selected/);
  await expect(page.getByRole('article', { name: `Claim ${b.id}` })).toHaveAttribute('aria-current', 'true');
  await expect(page.locator(`.doc-text [data-claims~="${b.id}"]`).first()).toHaveClass(/hl-selected/);
  await expect(stripeA).not.toHaveClass(/selected/);
  // Selecting from the card moves the selection in the text and the margin too.
  await page
    .getByRole('article', { name: `Claim ${a.id}` })
    .locator('.quote')
    .click();
  await expect(stripeA).toHaveClass(/selected/);
  await expect(stripeB).not.toHaveClass(/selected/);

  {
    await page
      .getByRole('article', { name: `Claim ${claims[7].id}` })
      .locator('.quote')
      .click();
    // The screenshot waits for the selected claim in view and the text at rest (no scroll between two frames).
    await expect(page.locator(`.doc-text [data-claims~="${claims[7].id}"]`).first()).toBeInViewport();
    await expect.poll(() => scroller(page).evaluate(atRest)).toBe(true);
    fs.mkdirSync(path.join(REPO_ROOT, 'test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'reader-long.png') });
  }
});

test('find in document: Ctrl+F, case and accents ignored, n / N, Enter and the arrows step through a long document, Esc closes', async ({
  app: page,
  dossier,
}) => {
  const { docId, text } = await seedLongDocument(dossier.project, {
    title: TITLE,
    chars: CHARS,
    claims: 300,
  });
  await openLong(page, dossier.server.url, docId);
  // "defense" finds "Défense" (and nothing else in this text).
  const expected = text.match(/Défense/g)!.length;
  expect(expected).toBeGreaterThan(20);
  await page.locator('.doc-meta').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search', { name: 'Find in document' });
  const input = find.getByRole('textbox', { name: 'Find in document' });
  await expect(input).toBeFocused();
  await input.fill('DEFENSE');
  const counter = page.getByTestId('find-counter');
  await expect(counter).toHaveText(`1 / ${expected}`);
  const current = (): Promise<{ text: string; top: number; inView: boolean } | null> =>
    page.evaluate(() => {
      const set = CSS.highlights.get('dossier-find-current') as Set<AbstractRange> | undefined;
      const range = set && ([...set][0] as Range | undefined);
      if (!range) return null;
      const r = range.getBoundingClientRect();
      const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
      return { text: range.toString(), top: r.top, inView: r.top >= box.top && r.bottom <= box.bottom };
    });
  await expect.poll(current).toMatchObject({ text: 'Défense', inView: true });

  await page.keyboard.press('Enter');
  await expect(counter).toHaveText(`2 / ${expected}`);
  await page.keyboard.press('Shift+Enter');
  await expect(counter).toHaveText(`1 / ${expected}`);
  // ↑ from the first wraps to the last, near the end of the document (not rendered until now).
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(counter).toHaveText(`${expected} / ${expected}`);
  await expect.poll(current).toMatchObject({ text: 'Défense', inView: true });
  const lastAt = text.lastIndexOf('Défense');
  const shownStart = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('dossier-find-current') as Set<AbstractRange>)][0] as Range;
    const host = range.startContainer.parentElement!.closest<HTMLElement>('[data-start]')!;
    return Number(host.dataset.start) + range.startOffset;
  });
  expect(shownStart).toBe(lastAt);
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(counter).toHaveText(`1 / ${expected}`);
  await expect.poll(current).toMatchObject({ inView: true });

  await input.fill('no such words here');
  await expect(counter).toHaveText('not found');
  await input.press('Escape');
  await expect(find).toHaveCount(0);
  expect(await page.evaluate(() => CSS.highlights.has('dossier-find-hit'))).toBe(false);
});

test('search hits in a long document: stepping to a hit far down renders and marks it', async ({
  app: page,
  dossier,
}) => {
  const { docId, text } = await seedLongDocument(dossier.project, {
    title: TITLE,
    chars: CHARS,
    claims: 300,
  });
  await openLong(page, dossier.server.url, docId);
  const box = page.getByRole('searchbox', { name: 'Search documents and claims' });
  await box.fill('interoperability');
  const results = page.getByRole('region', { name: 'Documents found' });
  await results.locator('.search-result').filter({ hasText: TITLE }).click();
  const counter = page.getByTestId('hit-counter');
  await expect(counter).toHaveText(/^1 \/ \d+$/);
  const total = Number((await counter.textContent())!.split(' / ')[1]);
  expect(total).toBe(text.match(/interoperability/gi)!.length);
  const current = (): Promise<{ start: number; inView: boolean } | null> =>
    page.evaluate(() => {
      const set = CSS.highlights.get('dossier-search-current') as Set<AbstractRange> | undefined;
      const range = set && ([...set][0] as Range | undefined);
      if (!range) return null;
      const host = range.startContainer.parentElement!.closest<HTMLElement>('[data-start]')!;
      const r = range.getBoundingClientRect();
      const b = document.querySelector('.reader-scroll')!.getBoundingClientRect();
      return {
        start: Number(host.dataset.start) + range.startOffset,
        inView: r.top >= b.top && r.bottom <= b.bottom,
      };
    });
  await page.getByRole('button', { name: 'Previous hit' }).click();
  await expect(counter).toHaveText(`${total} / ${total}`);
  await expect
    .poll(current)
    .toEqual({ start: text.toLowerCase().lastIndexOf('interoperability'), inView: true });
  await page.getByRole('button', { name: 'Next hit' }).click();
  await expect(counter).toHaveText(`1 / ${total}`);
  await expect.poll(current).toEqual({ start: text.toLowerCase().indexOf('interoperability'), inView: true });
});

test('the claims column follows the text: scrolled far down, the cards of the claims on screen come into view', async ({
  app: page,
  dossier,
}) => {
  const { docId } = await seedLongDocument(dossier.project, { title: TITLE, chars: CHARS, claims: 1_500 });
  await openLong(page, dossier.server.url, docId);
  const column = page.locator('.claims-column');
  const firstCard = await column.locator('.claim-card').first().getAttribute('aria-label');
  // A fast scroll, several steps a frame apart, to about two thirds of the text.
  await scroller(page).evaluate(async (el) => {
    for (let i = 1; i <= 10; i++) {
      el.scrollTop = (el.scrollHeight * 0.66 * i) / 10;
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  // The column, once the text is still, shows a card marked as on screen, and it is within the column's view.
  const shown = column.locator('.claim-card.in-view').first();
  await expect(shown).toBeVisible();
  await expect
    .poll(async () => {
      const [card, box] = await Promise.all([shown.boundingBox(), column.boundingBox()]);
      return !!card && !!box && card.y >= box.y && card.y < box.y + box.height;
    })
    .toBe(true);
  expect(await shown.getAttribute('aria-label')).not.toBe(firstCard);
  const id = Number((await shown.getAttribute('aria-label'))!.replace(/\D/g, ''));
  // …and some of that claim's highlighted text is on screen.
  expect(await claimsOnScreen(page, 0)).toContain(id);
});

test('the cards marked as on screen are exactly the claims whose text is on screen, however the text is scrolled', async ({
  app: page,
  dossier,
}) => {
  const { docId, text } = await seedLongDocument(dossier.project, {
    title: TITLE,
    chars: CHARS,
    claims: 1_500,
  });
  await openLong(page, dossier.server.url, docId);
  const agrees = async (how: string): Promise<void> => {
    await expect
      .poll(async () => {
        // A line cut by the edge may go either way: the Reader counts text 4 px or more inside the box.
        const [marked, surely, maybe, rendered] = await Promise.all([
          markedInView(page),
          claimsOnScreen(page, 8),
          claimsOnScreen(page, 0),
          renderedCards(page),
        ]);
        return {
          how,
          marked: marked.length > 0,
          wrong: marked.filter((id) => !maybe.includes(id)),
          // Only the cards the column has rendered can be marked.
          missed: surely.filter((id) => rendered.includes(id) && !marked.includes(id)),
        };
      })
      .toEqual({ how, marked: true, wrong: [], missed: [] });
  };
  await agrees('opened');

  // Fast steps, a frame apart, far down.
  await scroller(page).evaluate(async (el) => {
    for (let i = 1; i <= 12; i++) {
      el.scrollTop = (el.scrollHeight * 0.8 * i) / 12;
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  await agrees('fast steps down');

  // Straight to the end, then back up part of the way in one jump.
  await scroller(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await agrees('jump to the end');
  await scroller(page).evaluate((el) => (el.scrollTop = el.scrollHeight * 0.37));
  await agrees('jump back up');

  // The mouse wheel, a few notches.
  const box = (await scroller(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 700);
  await agrees('mouse wheel');

  // Find-next: each hit is brought on screen by the find bar, and the column follows.
  const hits = text.match(/Défense/g)!.length;
  await page.locator('.doc-meta').click({ force: true });
  await page.keyboard.press('Control+f');
  const input = page.getByRole('textbox', { name: 'Find in document' });
  await input.fill('Défense');
  const counter = page.getByTestId('find-counter');
  await expect(counter).toHaveText(`1 / ${hits}`);
  await agrees('first find hit');
  for (const n of [2, 3, 4]) {
    await input.press('Enter');
    await expect(counter).toHaveText(`${n} / ${hits}`);
    await agrees(`find hit ${n}`);
  }
  await page.getByRole('button', { name: 'Previous match' }).click();
  await page.getByRole('button', { name: 'Previous match' }).click();
  await page.getByRole('button', { name: 'Previous match' }).click();
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(counter).toHaveText(`${hits} / ${hits}`);
  await agrees('last find hit, wrapped from the first');
});
