// Find in document: every occurrence of a query in the canonical text, ignoring case and diacritics ("defense"
// finds "Défense"). The text is folded once per document with a map from folded positions back to offsets, so
// that each hit is exact canonical offsets whatever the folding did to lengths.

import type { Offsets } from './textRanges';

export interface FoldedText {
  folded: string;
  /** Offset in the canonical text of the character each folded code unit came from. */
  origin: Int32Array;
  length: number;
}

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f === undefined) {
    f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    cache.set(ch, f);
  }
  return f;
}

export function foldText(text: string): FoldedText {
  const parts: string[] = [];
  const origin = new Int32Array(text.length * 3 + 1);
  let n = 0;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    // ASCII (nearly all of most documents) folds without a lookup.
    if (code < 128) {
      parts.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]);
      origin[n++] = i;
      i++;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const f = foldChar(ch);
    parts.push(f);
    for (let k = 0; k < f.length && n < origin.length - 1; k++) origin[n++] = i;
    i += ch.length;
  }
  origin[n] = text.length;
  return { folded: parts.join(''), origin: origin.subarray(0, n + 1), length: text.length };
}

export function foldQuery(query: string): string {
  return [...query].map(foldChar).join('');
}

/** Every non-overlapping occurrence of `query` in the folded text, as canonical offsets in text order. */
export function findAll(t: FoldedText, query: string, limit = 100_000): Offsets[] {
  const q = foldQuery(query);
  if (!q.trim()) return [];
  const out: Offsets[] = [];
  for (let at = t.folded.indexOf(q); at >= 0 && out.length < limit; at = t.folded.indexOf(q, at + q.length)) {
    const start = t.origin[at];
    // The end is where the next original character starts (a character may fold to several code units).
    let j = at + q.length;
    while (j < t.folded.length && t.origin[j] === t.origin[j - 1]) j++;
    out.push({ start, end: j < t.folded.length ? t.origin[j] : t.length });
  }
  return out;
}
