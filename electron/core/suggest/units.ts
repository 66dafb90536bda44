import { paragraphSpans } from '../../../shared/paragraphs';

// The passages a suggestion can be: sentences (Intl.Segmenter, Unicode's rules, as autocode's sentence unit) or
// the paragraphs exports number (shared/paragraphs.ts). Offsets are the stored text's UTF-16 units, trimmed of white space, so that
// text.slice(start, end) is the passage a claim made from it quotes.

export type Unit = 'sentence' | 'paragraph';
export interface Span {
  start: number;
  end: number;
}

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

function trim(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}

export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const { index, segment } of sentenceSegmenter.segment(text)) {
    // A sentence running over a paragraph break (a heading without a full stop) is cut there.
    let at = index;
    for (const piece of segment.split(/\n/)) {
      const span = trim(text, at, at + piece.length);
      if (span) out.push(span);
      at += piece.length + 1;
    }
  }
  return out;
}

export function unitSpans(text: string, unit: Unit): Span[] {
  return unit === 'sentence' ? sentenceSpans(text) : paragraphSpans(text);
}

/** The sentences a range touches, as one span (a claim's training passage: its text and its sentence). */
export function sentenceAround(sentences: readonly Span[], start: number, end: number): Span {
  let s = start;
  let e = end;
  for (const x of sentences) {
    if (x.end <= start || x.start >= Math.max(end, start + 1)) continue;
    s = Math.min(s, x.start);
    e = Math.max(e, x.end);
  }
  return { start: s, end: e };
}
