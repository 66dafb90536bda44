import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../../shared/text';

// The definition, written plainly; wordCount is a faster loop that must agree with it.
const reference = (text: string): number => text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0;

describe('wordCount', () => {
  it('counts words as analysts expect', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount("NATO's co-operation — 2025, 12.5 % of GDP")).toBe(7);
    expect(wordCount('Défense  naïve\tcafé\n')).toBe(3);
    expect(wordCount('中文 😀 𝔸bc -- ’')).toBe(2);
  });

  it('agrees with the regular-expression definition on random text', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      '9',
      ' ',
      '\n',
      "'",
      '-',
      '’',
      'é',
      'e\u0301',
      '😀',
      '𝔸',
      '中',
      '.',
      '—',
      '\u0301',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (xs) => {
        const text = xs.join('');
        expect(wordCount(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
