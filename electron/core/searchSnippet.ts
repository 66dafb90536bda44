import { splitsSurrogatePair } from '../../shared/text';

// A search result's snippet built from every hit FTS5 found in the text, so that each matched term shows marked.
// FTS5's snippet() shows one window of N tokens: for "alliance interoperability" with the two words a page apart
// it shows one of them, and the analyst cannot tell why the document matched. Here the first fragment is the
// window that holds the most distinct terms; while terms are still missing, up to two more fragments are added
// around them, joined by "…". Every hit inside a fragment is marked.

export interface Span {
  start: number;
  end: number;
}

/** Characters of text a fragment spans from its first hit (about 24 tokens, as FTS5's snippet). */
const WINDOW = 160;
/** Characters shown before a fragment's first hit. */
const LEAD = 50;
const MAX_FRAGMENTS = 3;

/** The term a hit is: case and diacritics folded, as the unicode61 tokenizer with remove_diacritics folds them. */
function termOf(text: string, h: Span): string {
  return text
    .slice(h.start, h.end)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Moves an offset back (or forward) to a white-space boundary within `slack` characters, never into a pair. */
function atSpace(text: string, at: number, dir: -1 | 1, slack = 20): number {
  for (let k = 0; k <= slack; k++) {
    const i = at + dir * k;
    if (i <= 0 || i >= text.length) return Math.max(0, Math.min(text.length, i));
    if (/\s/.test(dir < 0 ? text[i - 1] : text[i])) return i;
  }
  return splitsSurrogatePair(text, at) ? at + dir : at;
}

interface Fragment {
  first: number;
  last: number;
}

/** The window starting at each hit that holds the most terms not yet shown. */
function bestWindow(hits: Span[], terms: string[], shown: Set<string>, from: number[]): Fragment | null {
  let best: Fragment | null = null;
  let bestNew = 0;
  for (const i of from) {
    const seen = new Set<string>();
    let j = i;
    while (j < hits.length && hits[j].end - hits[i].start <= WINDOW) {
      if (!shown.has(terms[j])) seen.add(terms[j]);
      j++;
    }
    const last = Math.max(i, j - 1);
    if (seen.size > bestNew) {
      best = { first: i, last };
      bestNew = seen.size;
    }
  }
  return best;
}

/**
 * A snippet of `text` around `hits` (in text order) with the hits inside it marked; white space runs are one space.
 * Null when there is no hit in the text (the match was in the title or metadata).
 */
export function snippetFromHits(text: string, hits: Span[]): { text: string; marks: Span[] } | null {
  if (hits.length === 0) return null;
  const terms = hits.map((h) => termOf(text, h));
  const shown = new Set<string>();
  const fragments: Fragment[] = [];
  const all = hits.map((_, i) => i);
  for (let f = 0; f < MAX_FRAGMENTS; f++) {
    const from = f === 0 ? all : all.filter((i) => !shown.has(terms[i]));
    const w = bestWindow(hits, terms, shown, from);
    if (!w) break;
    fragments.push(w);
    for (let k = w.first; k <= w.last; k++) shown.add(terms[k]);
  }
  fragments.sort((a, b) => a.first - b.first);
  let out = '';
  const marks: Span[] = [];
  let prevEnd = -1;
  for (const fr of fragments) {
    const start = Math.max(atSpace(text, Math.max(0, hits[fr.first].start - LEAD), -1), prevEnd);
    const end = atSpace(
      text,
      Math.min(text.length, Math.max(hits[fr.last].end, hits[fr.first].start + WINDOW)),
      1,
    );
    if (start >= end) continue;
    if (start > 0 && start !== prevEnd) out += out ? ' … ' : '…';
    let at = start;
    for (const h of hits) {
      if (h.start < start || h.end > end) continue;
      out += collapse(text.slice(at, h.start));
      const m = out.length;
      out += collapse(text.slice(h.start, h.end));
      marks.push({ start: m, end: out.length });
      at = h.end;
    }
    out += collapse(text.slice(at, end));
    prevEnd = end;
  }
  if (prevEnd < text.length) out += '…';
  return { text: out, marks };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}
