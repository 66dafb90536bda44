import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePoints, fromCodePointOffset, toCodePointOffset } from '../../../shared/text';

// Reference: code points by iterating the string (a lone surrogate is one code point, as in Array.from).
function reference(text: string): {
  length: number;
  fromUtf16(o: number): number;
  toUtf16(cp: number): number;
} {
  const chars = Array.from(text);
  const starts: number[] = [];
  let u = 0;
  for (const c of chars) {
    starts.push(u);
    u += c.length;
  }
  starts.push(u);
  return {
    length: chars.length,
    fromUtf16: (o) => Array.from(text.slice(0, o)).length,
    toUtf16: (cp) => starts[cp],
  };
}

// Texts mixing ASCII, BMP letters, emoji and lone surrogates (the hostile case).
const piece = fc.constantFrom('a', 'é', '\n', '😀', '𝄞', '\uD800', '\uDC00', '中');
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('code points (shared/text.ts, the one conversion)', () => {
  it('agrees with iterating the string, at every offset, lone surrogates included', () => {
    fc.assert(
      fc.property(text, (t) => {
        const ours = codePoints(t);
        const ref = reference(t);
        expect(ours.length).toBe(ref.length);
        for (let o = 0; o <= t.length; o++) expect(ours.fromUtf16(o)).toBe(ref.fromUtf16(o));
        for (let cp = 0; cp <= ref.length; cp++) expect(ours.toUtf16(cp)).toBe(ref.toUtf16(cp));
      }),
    );
  });

  it('a lone high surrogate before a letter is one code point, not two', () => {
    expect(fromCodePointOffset('\uD800a', 1)).toBe(1);
    expect(toCodePointOffset('\uD800a', 2)).toBe(2);
  });

  it('an offset past the end is refused', () => {
    expect(() => fromCodePointOffset('😀', 2)).toThrow(RangeError);
  });
});
