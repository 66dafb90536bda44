// Claims are stored with UTF-16 offsets; the agreement's unit is the character as a code point, so that an emoji
// or a character outside the Basic Multilingual Plane counts once, as in the grids' coverage. A text without any
// surrogate pair needs no conversion; otherwise one pass lists where its pairs end, and an offset's code point is
// the offset less the pairs before it (a binary search: no per-character table, no map of offsets).

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** A function from a UTF-16 offset of `text` (never inside a surrogate pair) to its code-point offset. */
export function codePointOffsets(text: string): (utf16: number) => number {
  if (!HIGH_SURROGATE.test(text)) return (x) => x;
  const lows: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) lows.push(i);
    }
  }
  const at = Int32Array.from(lows);
  return (x) => {
    // Pairs whose second unit lies before x.
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return x - lo;
  };
}
