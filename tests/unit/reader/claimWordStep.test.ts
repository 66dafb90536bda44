import { describe, expect, it } from 'vitest';
import { claimWordStep } from '../../../renderer/src/views/reader/claimWordStep';
import { anchorAt } from '../../../shared/text';

/** The regexes the step used to be: the reference for what each move selects. */
function oldStep(
  claim: { start: number; end: number; quote: string; prefix: string; suffix: string },
  edge: 'start' | 'end',
  dir: -1 | 1,
): { start: number; end: number } | null {
  const WORD = /[\p{L}\p{N}\p{M}'’_-]+/u.source;
  const GAP = /[^\p{L}\p{N}\p{M}'’_-]*/u.source;
  const { start, end, quote, prefix, suffix } = claim;
  let m: RegExpMatchArray | null;
  if (edge === 'end' && dir === 1) {
    m = suffix.match(new RegExp(`^${GAP}${WORD}`, 'u'));
    return m ? { start, end: end + m[0].length } : null;
  }
  if (edge === 'end') {
    m = quote.match(new RegExp(`${GAP}${WORD}${GAP}$`, 'u'));
    return m && m[0].length < quote.length ? { start, end: end - m[0].length } : null;
  }
  if (dir === -1) {
    m = prefix.match(new RegExp(`${WORD}${GAP}$`, 'u'));
    return m ? { start: start - m[0].length, end } : null;
  }
  m = quote.match(new RegExp(`^${GAP}${WORD}${GAP}`, 'u'));
  return m && m[0].length < quote.length ? { start: start + m[0].length, end } : null;
}

const TEXT = 'Ministers met in Brussels — a well-known, long-awaited talk; they didn’t agree.';
const claimOf = (quote: string): ReturnType<typeof anchorAt> => {
  const start = TEXT.indexOf(quote);
  return anchorAt(TEXT, start, start + quote.length);
};
const moved = (quote: string, edge: 'start' | 'end', dir: -1 | 1): string | null => {
  const r = claimWordStep(claimOf(quote), edge, dir);
  return r ? TEXT.slice(r.start, r.end) : null;
};

describe('claim editor: moving an end by a word', () => {
  it('grows and shrinks by whole words, hyphens and apostrophes inside a word', () => {
    expect(moved('in Brussels', 'end', 1)).toBe('in Brussels — a');
    expect(moved('in Brussels — a', 'end', -1)).toBe('in Brussels');
    expect(moved('a well-known', 'end', -1)).toBe('a');
    expect(moved('a well-known', 'start', 1)).toBe('well-known');
    expect(moved('well-known', 'start', -1)).toBe('a well-known');
    expect(moved('they didn’t', 'end', 1)).toBe('they didn’t agree');
    expect(moved('didn’t agree', 'start', 1)).toBe('agree');
  });

  it('does not move when nothing would be left or the context has no word', () => {
    expect(moved('Brussels', 'end', -1)).toBeNull();
    expect(moved('Brussels', 'start', 1)).toBeNull();
    expect(moved('Ministers', 'start', -1)).toBeNull();
    expect(moved('agree.', 'end', 1)).toBeNull();
  });

  it('agrees with the old regexes on generated quotes, prefixes and suffixes', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const chars = ['a', 'é', '1', '-', '’', '_', ' ', ',', '—', '😀', '𝐀', '\u0301', '\n'];
    const text = (most: number): string =>
      Array.from(
        { length: Math.floor(next() * (most + 1)) },
        () => chars[Math.floor(next() * chars.length)],
      ).join('');
    let moves = 0;
    for (let n = 0; n < 3000; n++) {
      const quote = text(8) || 'a';
      const claim = { start: 40, end: 40 + quote.length, quote, prefix: text(6), suffix: text(6) };
      for (const [edge, dir] of [
        ['start', -1],
        ['start', 1],
        ['end', -1],
        ['end', 1],
      ] as const) {
        const expected = oldStep(claim, edge, dir);
        if (expected) moves++;
        expect(claimWordStep(claim, edge, dir), `${edge} ${dir} ${JSON.stringify(claim)}`).toEqual(expected);
      }
    }
    expect(moves).toBeGreaterThan(3000);
  });

  // The old end-anchored regex retried from every start: 2.5 s for a 40,000-character word, about 25 minutes
  // for this one. The scan crosses it once.
  it('shrinks a quote that is one very long word followed by more text in one pass', () => {
    const word = 'x'.repeat(1_000_000);
    const quote = `${word} then more`;
    const claim = { start: 10, end: 10 + quote.length, quote, prefix: 'see ', suffix: ' here' };
    expect(claimWordStep(claim, 'end', -1)).toEqual({ start: 10, end: 10 + word.length + ' then'.length });
    expect(claimWordStep(claim, 'start', 1)).toEqual({ start: 10 + word.length + 1, end: claim.end });
    const one = { ...claim, quote: word, end: 10 + word.length };
    expect(claimWordStep(one, 'end', -1)).toBeNull();
  });
});
