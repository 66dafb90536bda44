// Claims are stored with UTF-16 offsets; the agreement's unit is the character as a code point, so that an emoji
// or a character outside the Basic Multilingual Plane counts once, as in the grids' coverage. Converting only the
// offsets where claims start and end costs one pass over a text that has any surrogate pair, and none otherwise.

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/**
 * Code-point offsets of the given UTF-16 offsets of one text (any order, repeats allowed), as a map from each
 * UTF-16 offset to its code-point offset.
 */
export function codePointOffsets(text: string, offsets: readonly number[]): (utf16: number) => number {
  if (!HIGH_SURROGATE.test(text)) return (x) => x;
  const sorted = Float64Array.from(new Set(offsets)).sort();
  const out = new Map<number, number>();
  let pairs = 0;
  let i = 0;
  for (const target of sorted) {
    // Count the low halves of surrogate pairs before `target`: each makes one code point of two units.
    for (; i < target; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
        const h = text.charCodeAt(i - 1);
        if (h >= 0xd800 && h <= 0xdbff) pairs++;
      }
    }
    out.set(target, target - pairs);
  }
  return (x) => {
    const v = out.get(x);
    if (v === undefined) throw new RangeError(`offset ${x} was not converted`);
    return v;
  };
}
