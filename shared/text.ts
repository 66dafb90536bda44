// Pure text helpers shared by the core and the renderer. Offsets inside Dossier are JavaScript string
// indices (UTF-16 code units), so `text.slice(start, end) === quote` holds exactly; exports convert to
// Unicode code points at the boundary with the functions below.

/** Canonical form of every stored document text: NFC, and `\n` as the only line break. */
export function canonicalText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** How many values of a sorted array are below `x` (binary search). */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One text's code points: its length in them, and UTF-16 offsets to and from code-point offsets. */
export interface CodePoints {
  length: number;
  /** The code-point offset of a UTF-16 offset; one that cuts a surrogate pair counts the pair's high half. */
  fromUtf16(utf16Offset: number): number;
  /** The UTF-16 offset of a code-point offset (not checked against the text's length). */
  toUtf16(cpOffset: number): number;
}

const IDENTITY: Omit<CodePoints, 'length'> = { fromUtf16: (o) => o, toUtf16: (cp) => cp };

/**
 * The one code-point conversion (exports, the CLI, REFI-QDA): one pass over the text, then each offset in
 * O(log n). Only surrogate pairs make the two counts differ, so a text without one maps to itself.
 */
export function codePoints(text: string): CodePoints {
  // UTF-16 index of the high half of each astral character, in order.
  const highs = [...text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)].map((m) => m.index);
  if (highs.length === 0) return { length: text.length, ...IDENTITY };
  // The k-th astral character starts at code point highs[k] - k.
  const cpStarts = highs.map((u, k) => u - k);
  return {
    length: text.length - highs.length,
    // A pair lies wholly before o when its high half is below o - 1.
    fromUtf16: (o) => o - countBelow(highs, o - 1),
    toUtf16: (cp) => cp + countBelow(cpStarts, cp),
  };
}

/** Number of Unicode code points in a string. */
export function codePointLength(text: string): number {
  return codePoints(text).length;
}

/** Converts a UTF-16 offset into a code-point offset. */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  return codePoints(text).fromUtf16(utf16Offset);
}

/** Converts a code-point offset into a UTF-16 offset; throws when it lies past the end of the text. */
export function fromCodePointOffset(text: string, cpOffset: number): number {
  const cp = codePoints(text);
  if (cpOffset > cp.length) throw new RangeError(`code-point offset ${cpOffset} is past the end of the text`);
  return cp.toUtf16(cpOffset);
}

/** True when the offset would split a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

export const CONTEXT_LENGTH = 32;

export interface TextAnchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/** Builds the quote/prefix/suffix anchor for a range, never cutting a surrogate pair in the context. */
export function anchorAt(text: string, start: number, end: number): TextAnchor {
  let pStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, pStart)) pStart -= 1;
  let sEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, sEnd)) sEnd += 1;
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(pStart, start),
    suffix: text.slice(end, sEnd),
  };
}

/** Finds the n-th (1-based) occurrence of a quote; returns -1 when there is none. */
export function findOccurrence(text: string, quote: string, occurrence = 1): number {
  if (!quote) return -1;
  let from = 0;
  for (let k = 1; ; k++) {
    const at = text.indexOf(quote, from);
    if (at < 0 || k === occurrence) return at;
    from = at + 1;
  }
}

/** Re-finds an anchor in a text: offsets first, then the quote with the closest matching context. */
export function relocateAnchor(text: string, anchor: TextAnchor): { start: number; end: number } | null {
  if (text.slice(anchor.start, anchor.end) === anchor.quote) return { start: anchor.start, end: anchor.end };
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(anchor.quote); at >= 0; at = text.indexOf(anchor.quote, at + 1)) {
    const pre = text.slice(Math.max(0, at - anchor.prefix.length), at);
    const suf = text.slice(at + anchor.quote.length, at + anchor.quote.length + anchor.suffix.length);
    const score =
      (pre === anchor.prefix ? 2 : 0) + (suf === anchor.suffix ? 2 : 0) - Math.abs(at - anchor.start) / 1e9;
    if (!best || score > best.score) best = { start: at, score };
  }
  return best ? { start: best.start, end: best.start + anchor.quote.length } : null;
}

const WORD = /[\p{L}\p{N}\p{M}'’-]/u;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD_INNER = /[\p{L}\p{N}\p{M}]/u;

/**
 * Counts words the way analysts expect: a run that starts with a letter or digit and goes on through letters,
 * digits, marks, apostrophes and hyphens. A character loop with an ASCII fast path: the regex version took a
 * third of the import time of plain-text corpora.
 */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let starts: boolean;
    let continues: boolean;
    if (c < 128) {
      starts = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      continues = starts || c === 39 || c === 45;
    } else {
      let ch = text[i];
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) ch = text.slice(i, ++i + 1);
      starts = LETTER_OR_DIGIT.test(ch);
      continues = starts || WORD_INNER.test(ch) || ch === '\u2019';
    }
    if (inWord) inWord = continues;
    else if (starts) {
      inWord = true;
      n++;
    }
  }
  return n;
}

/** Expands a range outward to whole words, and trims surrounding white space. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s === e) return { start, end };
  while (s > 0 && WORD.test(text[s - 1]) && WORD.test(text[s])) s--;
  while (e < text.length && WORD.test(text[e]) && WORD.test(text[e - 1])) e++;
  if (splitsSurrogatePair(text, s)) s--;
  if (splitsSurrogatePair(text, e)) e++;
  return { start: s, end: e };
}
