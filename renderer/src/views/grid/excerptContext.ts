/** How much text an excerpt shows on each side of its quote, at most (in UTF-16 units, cut back to a word). */
export const CONTEXT_CHARS = 160;

/**
 * The text around a quote, within its paragraph: up to CONTEXT_CHARS before and after, cut at a word boundary,
 * with an ellipsis where it stops short of the paragraph's edge.
 */
export function excerptContext(
  text: string,
  start: number,
  end: number,
  chars = CONTEXT_CHARS,
): { before: string; after: string } {
  const paraStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const paraEnd = nl < 0 ? text.length : nl;
  let from = Math.max(paraStart, start - chars);
  let to = Math.min(paraEnd, end + chars);
  // Cut back to whole words (unless the word is the whole context) and never into a surrogate pair.
  if (from > paraStart) {
    const space = text.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < paraEnd) {
    const lastSpace = text.slice(end, to).search(/\s\S*$/);
    if (lastSpace >= 0) to = end + lastSpace;
  }
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from] ?? '')) from += 1;
  if (/[\uD800-\uDBFF]/.test(text[to - 1] ?? '')) to -= 1;
  const before = `${from > paraStart ? '…' : ''}${text.slice(from, start)}`;
  const after = `${text.slice(end, to)}${to < paraEnd ? '…' : ''}`;
  return { before, after };
}
