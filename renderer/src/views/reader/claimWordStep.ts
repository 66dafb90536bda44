import type { Claim } from '../../../../shared/api';
import { splitsSurrogatePair } from '../../../../shared/text';

// Moving one end of a claim by a word, from the claim's own quote and context. A "word" is a run of letters,
// digits, marks, apostrophes, underscores and hyphens, so "well-known" and "don't" are one word each; that is why
// this is not Intl.Segmenter (textUnits.ts), whose words stop at a hyphen. Each step is a scan over runs of word
// and non-word characters from one end: linear in the text it crosses. (It used to be a regex anchored at the end
// of the quote, which is retried from every start position: quadratic on a quote that is one long "word" such as
// a pasted URL or hash followed by more text, 2.5 s for 40,000 characters, on the thread that answers the UI.)

const WORD_CHAR = /^[\p{L}\p{N}\p{M}'’_-]$/u;

/** The end of the run of word (or non-word) characters that starts at `i`. */
function runForward(s: string, i: number, word: boolean): number {
  while (i < s.length) {
    const size = splitsSurrogatePair(s, i + 1) ? 2 : 1;
    if (WORD_CHAR.test(s.slice(i, i + size)) !== word) break;
    i += size;
  }
  return i;
}

/** The start of the run of word (or non-word) characters that ends at `i`. */
function runBack(s: string, i: number, word: boolean): number {
  while (i > 0) {
    const size = splitsSurrogatePair(s, i - 1) ? 2 : 1;
    if (WORD_CHAR.test(s.slice(i - size, i)) !== word) break;
    i -= size;
  }
  return i;
}

/**
 * The claim's range moved by one word at one end: null when it cannot move (nothing left, or the context runs
 * out). Growing takes the gap and the next word; shrinking drops the outermost word and the gap inside it.
 */
export function claimWordStep(
  claim: Pick<Claim, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>,
  edge: 'start' | 'end',
  dir: -1 | 1,
): { start: number; end: number } | null {
  const { start, end, quote, prefix, suffix } = claim;
  if (edge === 'end' && dir === 1) {
    const word = runForward(suffix, 0, false);
    const after = runForward(suffix, word, true);
    return after > word ? { start, end: end + after } : null;
  }
  if (edge === 'end') {
    const wordEnd = runBack(quote, quote.length, false);
    const wordStart = runBack(quote, wordEnd, true);
    const kept = runBack(quote, wordStart, false);
    return wordStart < wordEnd && kept > 0 ? { start, end: end - (quote.length - kept) } : null;
  }
  if (dir === -1) {
    const wordEnd = runBack(prefix, prefix.length, false);
    const wordStart = runBack(prefix, wordEnd, true);
    return wordStart < wordEnd ? { start: start - (prefix.length - wordStart), end } : null;
  }
  const wordStart = runForward(quote, 0, false);
  const wordEnd = runForward(quote, wordStart, true);
  const dropped = runForward(quote, wordEnd, false);
  return wordEnd > wordStart && dropped < quote.length ? { start: start + dropped, end } : null;
}
