import type { PageSpan } from '../../../shared/api';

/** The page (1-based) of a PDF that holds an offset, or null for unpaginated documents. */
export function pageAt(pages: readonly PageSpan[], offset: number): number | null {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pages[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p.page;
  }
  return null;
}

// Paragraph numbers come from the one rule the Reader uses too (shared/paragraphs.ts): a list item, a table cell
// and a heading are each a paragraph of their own.
export { paragraphNumberAt as paragraphAt, paragraphStarts } from '../../../shared/paragraphs';
