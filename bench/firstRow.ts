import type { Browser, BrowserContext, Page } from '@playwright/test';

/**
 * A fresh 1440×900 context and page that records, as `window.__firstRow`, when the Library's first document row is
 * in the page (as the plain table's first page or as the grid's).
 */
export async function firstRowPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(() => {
    const w = window as unknown as { __firstRow?: number };
    new MutationObserver((_, o) => {
      if (document.querySelector('.plain-library tbody tr, .library .ag-row')) {
        w.__firstRow = performance.now();
        o.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return { context, page };
}
