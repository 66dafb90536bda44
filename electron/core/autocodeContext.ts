import type { AutocodeUnit } from '../../shared/api/codebook';
import { paragraphAt, paragraphStarts } from './export/positions';

// The passage a hit becomes as a claim, as NVivo ("spread to" narrow/broad context, paragraph), MAXQDA (sentence,
// paragraph) and ATLAS.ti (the hit, its sentence, its paragraph) offer it: the hit itself, its sentence, its
// paragraph, or N words either side. Sentences come from Intl.Segmenter (Unicode's sentence rules, ICU), so a
// full stop inside "3.5" or an emoji does not end one; paragraphs are the ones the exports and citations number
// (export/positions.ts), so a claim made from a paragraph is cited as exactly one ¶. Offsets are the stored
// text's UTF-16 units; every boundary is a segment boundary, so no passage splits a surrogate pair.

export interface Passage {
  start: number;
  end: number;
  /** The hits inside the passage, in text order (document offsets). */
  marks: { start: number; end: number }[];
}

export const DEFAULT_CONTEXT_WORDS = 10;

const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Trims white space at both ends of [start, end), never past the other end. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

function sentenceSpan(
  text: string,
  segs: Intl.Segments,
  start: number,
  end: number,
): { start: number; end: number } {
  const first = segs.containing(start);
  const last = segs.containing(Math.max(start, end - 1));
  if (!first || !last) return { start, end };
  const span = trimmed(text, first.index, last.index + last.segment.length);
  // A hit made only of the white space between sentences cannot be, but keep the hit whole whatever happens.
  return { start: Math.min(span.start, start), end: Math.max(span.end, end) };
}

function paragraphSpan(
  text: string,
  starts: readonly number[],
  start: number,
  end: number,
): { start: number; end: number } {
  // paragraphAt is 1-based: the last paragraph starting at or before the offset holds it.
  const at = (offset: number): number => paragraphAt(starts, offset) - 1;
  if (starts.length === 0) return { start, end };
  const a = at(start);
  const b = at(Math.max(start, end - 1));
  const span = trimmed(text, starts[a], b + 1 < starts.length ? starts[b + 1] : text.length);
  return { start: Math.min(span.start, start), end: Math.max(span.end, end) };
}

/** Start of the n-th word before `offset` (or the text's start when there are fewer). */
function wordsBefore(text: string, offset: number, n: number): number {
  // Segment a window that grows until it holds n words: a hit deep in a long document costs its neighbourhood.
  for (let width = 12 * (n + 1); ; width *= 4) {
    const from = Math.max(0, offset - width);
    const starts: number[] = [];
    for (const s of words.segment(text.slice(from, offset))) if (s.isWordLike) starts.push(from + s.index);
    // The window's first word may be cut by the window's edge: only trust it when the window starts the text.
    const usable = from === 0 ? starts : starts.slice(1);
    if (usable.length >= n) return usable[usable.length - n];
    if (from === 0) return usable.length ? usable[0] : offset;
  }
}

/** End of the n-th word after `offset` (or the text's end when there are fewer). */
function wordsAfter(text: string, offset: number, n: number): number {
  for (let width = 12 * (n + 1); ; width *= 4) {
    const to = Math.min(text.length, offset + width);
    const ends: number[] = [];
    for (const s of words.segment(text.slice(offset, to)))
      if (s.isWordLike) ends.push(offset + s.index + s.segment.length);
    const usable = to === text.length ? ends : ends.slice(0, -1);
    if (usable.length >= n) return usable[n - 1];
    if (to === text.length) return usable.length ? usable[usable.length - 1] : offset;
  }
}

/**
 * The passages that the hits ([start, end, start, end, …] in text order) become in `unit`; hits whose passages
 * overlap share one passage (two hits in one sentence make one sentence claim, not two identical ones).
 */
export function passagesOf(
  text: string,
  hits: readonly number[],
  unit: AutocodeUnit,
  n = DEFAULT_CONTEXT_WORDS,
): Passage[] {
  let starts: number[] | null = null;
  // One segmenter over the text per document: segment() hands ICU a copy of the whole text.
  let segs: Intl.Segments | null = null;
  const spans: Passage[] = [];
  for (let k = 0; k + 1 < hits.length; k += 2) {
    const start = hits[k];
    const end = hits[k + 1];
    let span: { start: number; end: number };
    if (unit === 'sentence') span = sentenceSpan(text, (segs ??= sentences.segment(text)), start, end);
    else if (unit === 'paragraph') span = paragraphSpan(text, (starts ??= paragraphStarts(text)), start, end);
    else if (unit === 'words')
      span = {
        start: Math.min(start, wordsBefore(text, start, n)),
        end: Math.max(end, wordsAfter(text, end, n)),
      };
    else span = { start, end };
    spans.push({ ...span, marks: [{ start, end }] });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Passage[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    // N words around are a window, not a unit of the text: windows of hits a few words apart would chain into one
    // claim as long as the document. A hit inside the previous window joins it; a window that only overlaps the
    // previous one cuts it short where it starts, so each claim keeps its own hit.
    if (last && unit === 'words' && s.marks[0].start >= last.end) {
      if (s.start < last.end) {
        const hitEnd = last.marks[last.marks.length - 1].end;
        last.end = Math.max(hitEnd, trimmed(text, last.start, s.start).end);
        s.start = trimmed(text, Math.max(s.start, last.end), s.end).start;
      }
      out.push({ ...s, marks: [...s.marks] });
    } else if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.marks.push(...s.marks);
    } else out.push({ ...s, marks: [...s.marks] });
  }
  for (const p of out) p.marks.sort((a, b) => a.start - b.start);
  return out;
}
