// Where the reading caret goes: characters, words, sentences and paragraphs of the canonical text, as offsets.
// Only the blocks' visible bodies hold caret positions (heading markers and blank lines between paragraphs are
// hidden), so every move lands on text the analyst sees. Boundaries come from Intl.Segmenter (Unicode rules),
// computed over a window around the offset so that a million-character document costs the same as a short one.

import { blockIndexAt, type Block } from './blocks';
import type { Offsets } from './textRanges';

/** How far either side of the caret a word or sentence is looked for. */
const WINDOW = 4_000;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });

const shown = (b: Block): boolean => b.kind !== 'gap' && b.bodyEnd > b.bodyStart;

/** The nearest caret position to `offset` inside a block's body (searching in `dir` first). */
export function visibleOffset(blocks: Block[], offset: number, dir: 1 | -1 = 1): number {
  if (blocks.length === 0) return 0;
  let i = blockIndexAt(blocks, offset);
  const b = blocks[i];
  if (shown(b) && offset >= b.bodyStart && offset <= b.bodyEnd) return offset;
  if (shown(b) && offset < b.bodyStart) return b.bodyStart;
  // Past this block's body (or in a gap): the next body forward, or this one's end going back.
  if (dir === 1) {
    for (i += 1; i < blocks.length; i++) if (shown(blocks[i])) return blocks[i].bodyStart;
  }
  for (i = blockIndexAt(blocks, offset); i >= 0; i--)
    if (shown(blocks[i]) && blocks[i].bodyStart <= offset) return blocks[i].bodyEnd;
  const first = blocks.find(shown);
  return first ? first.bodyStart : 0;
}

/** One character (a whole grapheme: an emoji or a letter with its accents) left or right. */
export function charStep(text: string, blocks: Block[], offset: number, dir: 1 | -1): number {
  const i = blockIndexAt(blocks, offset);
  const b = blocks[i];
  if (dir === 1 && offset >= b.bodyEnd) {
    for (let j = i + 1; j < blocks.length; j++) if (shown(blocks[j])) return blocks[j].bodyStart;
    return offset;
  }
  if (dir === -1 && offset <= b.bodyStart) {
    for (let j = i - 1; j >= 0; j--) if (shown(blocks[j])) return blocks[j].bodyEnd;
    return offset;
  }
  const from = Math.max(b.bodyStart, offset - 16);
  const piece = text.slice(from, Math.min(b.bodyEnd, offset + 16));
  const cuts = [...graphemes.segment(piece)].map((s) => from + s.index);
  cuts.push(from + piece.length);
  if (dir === 1) return cuts.find((c) => c > offset) ?? b.bodyEnd;
  return [...cuts].reverse().find((c) => c < offset) ?? b.bodyStart;
}

interface Seg {
  start: number;
  end: number;
  wordLike: boolean;
}

function wordSegments(text: string, from: number, to: number): Seg[] {
  const piece = text.slice(from, to);
  return [...words.segment(piece)].map((s) => ({
    start: from + s.index,
    end: from + s.index + s.segment.length,
    wordLike: s.isWordLike ?? false,
  }));
}

/**
 * Ctrl+Right (Alt on macOS): to the end of the word at or after the caret; Ctrl+Left: to the start of the word
 * before it. Ends of words (not starts of the next) so that Shift+Ctrl+Right selects words without the space.
 */
export function wordStep(text: string, blocks: Block[], offset: number, dir: 1 | -1): number {
  const from = Math.max(0, offset - WINDOW);
  const segs = wordSegments(text, from, Math.min(text.length, offset + WINDOW));
  if (dir === 1) {
    const next = segs.find((s) => s.wordLike && s.end > offset);
    return visibleOffset(blocks, next ? next.end : Math.min(text.length, offset + WINDOW), -1);
  }
  const prev = [...segs].reverse().find((s) => s.wordLike && s.start < offset);
  return visibleOffset(blocks, prev ? prev.start : from, 1);
}

/** The paragraph holding `offset`: the run of blocks a long paragraph was cut into, as its visible body. */
export function paragraphAt(blocks: Block[], offset: number): Offsets {
  const at = visibleOffset(blocks, offset, 1);
  let first = blockIndexAt(blocks, at);
  // A body ending exactly at the offset (the caret after a paragraph's last character) holds it.
  if (at < blocks[first].bodyStart && first > 0) first--;
  let last = first;
  while (first > 0 && blocks[first - 1].continued) first--;
  while (blocks[last].continued && last + 1 < blocks.length) last++;
  return { start: blocks[first].bodyStart, end: blocks[last].bodyEnd };
}

/** The paragraph after the one ending at or after `offset`, or null at the end of the text. */
export function nextParagraph(blocks: Block[], end: number): Offsets | null {
  const here = paragraphAt(blocks, end);
  const from = here.end > end ? here.end : here.end + 1;
  for (let i = blockIndexAt(blocks, from); i < blocks.length; i++) {
    const b = blocks[i];
    if (shown(b) && b.bodyStart >= from) return paragraphAt(blocks, b.bodyStart);
  }
  return null;
}

function trimmed(text: string, start: number, end: number): Offsets {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** The sentences of the paragraph around `offset`, trimmed (closing punctuation kept, the space after dropped). */
function sentencesAround(text: string, blocks: Block[], offset: number): Offsets[] {
  const para = paragraphAt(blocks, offset);
  const from = Math.max(para.start, offset - WINDOW);
  const to = Math.min(para.end, offset + WINDOW);
  const piece = text.slice(from, to);
  const out: Offsets[] = [];
  for (const s of sentences.segment(piece)) {
    const t = trimmed(text, from + s.index, from + s.index + s.segment.length);
    if (t.end > t.start) out.push(t);
  }
  return out;
}

/**
 * The sentence at the caret, with its closing punctuation (and closing quotes) and without the space after it.
 * A caret in the space after a sentence takes that sentence.
 */
export function sentenceAt(text: string, blocks: Block[], offset: number): Offsets | null {
  const all = sentencesAround(text, blocks, offset);
  return (
    all.find((s) => offset >= s.start && offset < s.end) ??
    all.findLast((s) => s.start <= offset) ??
    all[0] ??
    null
  );
}

/** The sentence after the one ending at `end` (in the next paragraph when this one is done), or null. */
export function nextSentence(text: string, blocks: Block[], end: number): Offsets | null {
  const next = sentencesAround(text, blocks, end).find((s) => s.start >= end);
  if (next) return next;
  const para = nextParagraph(blocks, end);
  return para ? sentenceAt(text, blocks, para.start) : null;
}

/** The first paragraph that starts on screen (or, when none does, where the screen's text starts). */
export function firstVisibleParagraph(blocks: Block[], view: Offsets): number {
  for (let i = blockIndexAt(blocks, view.start); i < blocks.length; i++) {
    const b = blocks[i];
    if (b.bodyStart >= view.end) break;
    if (shown(b) && b.bodyStart >= view.start && !blocks[i - 1]?.continued) return b.bodyStart;
  }
  return visibleOffset(blocks, view.start, 1);
}
