// What the Reader does while a long, densely tagged document scrolls: blocks mounting are sized from the
// ResizeObserver's entries and their margin stripes placed from the same layout, never by reading rectangles
// at once (each such read forces a layout of the blocks just mounted); finding what is on screen reads a few
// line boxes, not every text node of the blocks kept above the view.
import type { Page } from '@playwright/test';
import { expect, seedLongDocument, test } from './fixtures';

async function openLong(page: Page, url: string, docId: number): Promise<void> {
  await page.goto(`${new URL(url).origin}/#/reader/${docId}`);
  await expect(page.locator('.doc-text [data-start]').first()).toBeAttached();
}

/**
 * Counts, in the page, the rectangle reads of blocks and highlights made outside a ResizeObserver's callback
 * (there, layout is already done: a read costs nothing), and the line boxes read of text above the view.
 */
const COUNTERS = `(() => {
  const counts = { elements: 0, above: 0, ranges: 0 };
  window.__rectCounts = counts;
  let delivering = 0;
  const Observer = window.ResizeObserver;
  window.ResizeObserver = class extends Observer {
    constructor(callback) {
      super((entries, observer) => {
        delivering++;
        try {
          callback(entries, observer);
        } finally {
          delivering--;
        }
      });
    }
  };
  const element = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function () {
    if (!delivering && this.matches('.doc-text .block, .doc-text [data-claims]')) counts.elements++;
    return element.call(this);
  };
  const range = Range.prototype.getBoundingClientRect;
  Range.prototype.getBoundingClientRect = function () {
    const r = range.call(this);
    const box = document.querySelector('.reader-scroll')?.getBoundingClientRect();
    if (box && this.startContainer.nodeType === Node.TEXT_NODE && this.commonAncestorContainer === this.startContainer) {
      counts.ranges++;
      if (r.height > 0 && r.bottom < box.top - 200) counts.above++;
    }
    return r;
  };
})()`;

type Counts = { elements: number; above: number; ranges: number };

/** Scrolls `steps` frames of 40 px, then waits for the view to settle; returns the counts over the scroll. */
async function scrollCounting(page: Page, steps: number): Promise<Counts> {
  return page.evaluate(async (n) => {
    const w = window as unknown as { __rectCounts: Counts };
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!;
    const before = { ...w.__rectCounts };
    for (let i = 0; i < n; i++) {
      scroller.scrollTop += 40;
      await new Promise((r) => requestAnimationFrame(r));
    }
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    const c = w.__rectCounts;
    return {
      elements: c.elements - before.elements,
      above: c.above - before.above,
      ranges: c.ranges - before.ranges,
    };
  }, steps);
}

test('scrolling a dense long document: blocks and stripes are measured from the layout already done, and only a few line boxes above the view are read', async ({
  app: page,
  dossier,
}) => {
  const { docId } = await seedLongDocument(dossier.project, {
    title: 'A dense report',
    chars: 120_000,
    claims: 2_000,
  });
  await page.addInitScript(COUNTERS);
  await openLong(page, dossier.server.url, docId);
  // The counters are installed as the page loads (the observers are made as the Reader mounts).
  await page.reload();
  await expect(page.locator('.doc-text [data-start]').first()).toBeAttached();
  const blocksBefore = await page
    .locator('.doc-text .block')
    .evaluateAll((els) => els.map((e) => e.dataset.index));
  const counts = await scrollCounting(page, 120);

  // New blocks came into the DOM with their stripes, each beside its claim's highlight.
  const blocksAfter = await page
    .locator('.doc-text .block')
    .evaluateAll((els) => els.map((e) => e.dataset.index));
  expect(blocksAfter.filter((i) => !blocksBefore.includes(i)).length).toBeGreaterThan(10);
  const aligned = await page.evaluate(() => {
    const out: boolean[] = [];
    const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    for (const stripe of document.querySelectorAll<HTMLElement>('.doc-text [data-stripe]')) {
      const block = stripe.closest('.block')!;
      const s = stripe.getBoundingClientRect();
      if (s.bottom < box.top || s.top > box.bottom) continue;
      const marks = [...block.querySelectorAll<HTMLElement>('[data-claims]')].filter((m) =>
        m.dataset.claims!.split(' ').includes(stripe.dataset.stripe!),
      );
      if (!marks.length) continue;
      const top = Math.min(...marks.map((m) => m.getBoundingClientRect().top));
      const bottom = Math.max(...marks.map((m) => m.getBoundingClientRect().bottom));
      out.push(Math.abs(s.top - top) < 1.5 && Math.abs(s.bottom - Math.max(bottom, top + 4)) < 1.5);
    }
    return out;
  });
  expect(aligned.length).toBeGreaterThan(5);
  expect(aligned.every(Boolean)).toBe(true);

  // No block or highlight was measured by a direct rectangle read while scrolling.
  expect(counts.elements).toBe(0);
  // Finding what is on screen: a handful of reads above the view per frame, not the kept blocks' every node.
  expect(counts.ranges).toBeGreaterThan(0);
  expect(counts.above / 120).toBeLessThan(15);
});
