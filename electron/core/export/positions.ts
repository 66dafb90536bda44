import type { PageSpan } from '../../../shared/api';

/**
 * Converts UTF-16 offsets of one text into code-point offsets in O(1) amortised: texts without astral characters
 * map to themselves; others keep a count of surrogate pairs per block of 256 code units.
 */
export function codePointConverter(text: string): (utf16Offset: number) => number {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return (o) => o;
  const BLOCK = 256;
  const pairsBefore = new Uint32Array(Math.ceil(text.length / BLOCK) + 1);
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    if (i % BLOCK === 0) pairsBefore[i / BLOCK] = pairs;
    if (isPairAt(text, i)) pairs++;
  }
  pairsBefore[Math.ceil(text.length / BLOCK)] = pairs;
  return (o) => {
    const block = Math.floor(o / BLOCK);
    let n = pairsBefore[block];
    // A pair whose high half sits at o - 1 is cut by o: it does not count as before o.
    for (let i = block * BLOCK; i < o - 1; i++) if (isPairAt(text, i)) n++;
    return o - n;
  };
}

function isPairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

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
