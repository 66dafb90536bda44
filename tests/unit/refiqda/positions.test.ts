import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { READINGS, sourceText } from '../../../electron/core/refiqda/positions';
import { cleanBoundary } from '../../../electron/core/refiqda/readingChoice';
import { canonicalText } from '../../../shared/text';

// A position another tool writes is the length, in its unit, of the stored text before the place; mapping it must
// give the canonical offset of the same place. Texts mix CRLF and LF line ends, emoji, flags, a ZWJ family,
// composed and decomposed accents.
const PIECES = ['a', 'b ', ' ', '\r\n', '\n', '😀', '🇫🇷', '👨‍👩‍👧', 'é', 'e\u0301', '𝐇'];

/** Where the places between pieces are: the stored prefix and the canonical offset of each. */
function places(pieces: string[]): { stored: string; canonical: number }[] {
  return pieces.map((_, k) => {
    const stored = pieces.slice(0, k).join('');
    return { stored, canonical: canonicalText(stored).length };
  });
}

describe('mapping another tool’s positions onto the canonical text', () => {
  it('every reading maps the position of each place between pieces to that place', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }), (pieces) => {
        const raw = pieces.join('');
        const text = sourceText(raw);
        expect(text.canonical).toBe(canonicalText(raw));
        for (const r of READINGS)
          for (const p of places([...pieces, ''])) {
            const prefix = r.lineEnds === 'lf' ? p.stored.replace(/\r\n/g, '\n') : p.stored;
            const position = r.unit === 'utf16' ? prefix.length : [...prefix].length;
            expect(text.map(position, r, 'start')).toBe(p.canonical);
            expect(text.map(position, r, 'end')).toBe(p.canonical);
          }
        for (const r of READINGS) {
          expect(text.map(text.length(r) + 1, r, 'start')).toBeNull();
          expect(text.map(-1, r, 'start')).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a UTF-16 position between the two halves of an emoji', () => {
    const text = sourceText('a😀b');
    expect(text.map(2, { unit: 'utf16', lineEnds: 'crlf' }, 'start')).toBeNull();
    expect(text.map(3, { unit: 'utf16', lineEnds: 'crlf' }, 'start')).toBe(3);
    expect(text.map(2, { unit: 'codepoint', lineEnds: 'crlf' }, 'start')).toBe(3);
  });

  it('widens a range whose edge falls inside a character that NFC composes', () => {
    // "e" + combining acute becomes "é": an edge between them goes before it for a start, after it for an end.
    const text = sourceText('cafe\u0301 noir');
    const r = { unit: 'utf16', lineEnds: 'crlf' } as const;
    expect(text.canonical).toBe('café noir');
    expect(text.map(4, r, 'start')).toBe(3);
    expect(text.map(4, r, 'end')).toBe(4);
    expect(text.map(5, r, 'start')).toBe(4);
  });

  it('counts a position between CR and LF as before the line break', () => {
    const text = sourceText('ab\r\ncd');
    expect(text.map(3, { unit: 'utf16', lineEnds: 'crlf' }, 'end')).toBe(2);
    expect(text.map(4, { unit: 'utf16', lineEnds: 'crlf' }, 'start')).toBe(3);
    expect(text.map(3, { unit: 'utf16', lineEnds: 'lf' }, 'start')).toBe(3);
  });

  it('treats edges inside words and inside emoji sequences as not clean', () => {
    const t = 'the 𝐇𝐞𝐚𝐝 👍🏽 🇫🇷 👨‍👩‍👧 ok';
    expect(cleanBoundary(t, 0)).toBe(true);
    expect(cleanBoundary(t, 3)).toBe(true);
    expect(cleanBoundary(t, 2)).toBe(false);
    expect(cleanBoundary(t, t.indexOf('𝐞'))).toBe(false);
    expect(cleanBoundary(t, t.indexOf('🏽'))).toBe(false);
    expect(cleanBoundary(t, t.indexOf('🇫🇷') + 2)).toBe(false);
    expect(cleanBoundary(t, t.indexOf('\u200D'))).toBe(false);
    expect(cleanBoundary(t, t.indexOf(' ok'))).toBe(true);
  });
});
