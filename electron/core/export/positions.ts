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

/** Start offsets of the paragraphs of a text: runs of non-blank lines. */
export function paragraphStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /[^\n]*\n?/g;
  let inParagraph = false;
  for (let m = re.exec(text); m && m[0].length > 0; m = re.exec(text)) {
    const blank = m[0].trim() === '';
    if (!blank && !inParagraph) starts.push(m.index);
    inParagraph = !blank;
  }
  return starts;
}

/** The paragraph number (1-based) that holds an offset. */
export function paragraphAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      found = mid + 1;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return Math.max(1, found);
}
