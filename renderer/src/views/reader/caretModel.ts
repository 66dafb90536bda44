// The reading caret's state and keys, as pure functions: which command a key press is, and where the caret and
// its selection go for the commands that need no layout (lines need the laid-out text: see caretDom.ts).

import type { Block } from './blocks';
import type { Offsets } from './textRanges';
import { charStep, nextParagraph, nextSentence, paragraphAt, sentenceAt, wordStep } from './textUnits';

/** A caret at `focus`; a selection from `anchor` to `focus` when they differ (either order). */
export interface Caret {
  anchor: number;
  focus: number;
}

export type CaretCommand =
  | { kind: 'char' | 'word' | 'line'; dir: 1 | -1; extend: boolean }
  | { kind: 'sentence' | 'paragraph' }
  | { kind: 'tag'; exact: boolean }
  | { kind: 'collapse' };

export interface KeyLike {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** The caret command of a key press in the text, or null for a key the caret leaves alone. */
export function caretCommand(e: KeyLike, mac: boolean, hasSelection: boolean): CaretCommand | null {
  const wordMod = mac ? e.altKey : e.ctrlKey;
  const otherMod = mac ? e.ctrlKey || e.metaKey : e.altKey || e.metaKey;
  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
    if (otherMod) return null;
    return { kind: wordMod ? 'word' : 'char', dir: e.key === 'ArrowRight' ? 1 : -1, extend: e.shiftKey };
  }
  if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
    if (e.ctrlKey || e.metaKey || e.altKey) return null;
    return { kind: 'line', dir: e.key === 'ArrowDown' ? 1 : -1, extend: e.shiftKey };
  }
  if (e.key === 'Escape' && hasSelection) return { kind: 'collapse' };
  if (e.ctrlKey || e.metaKey) return null;
  // Letters by their key position: Alt+T on a Mac types "†", and the caret keys should not depend on layout.
  if (e.code === 'KeyS' && !e.altKey) return { kind: 'sentence' };
  if (e.code === 'KeyP' && !e.altKey) return { kind: 'paragraph' };
  if (e.code === 'KeyT' || (e.key === 'Enter' && hasSelection)) return { kind: 'tag', exact: e.altKey };
  return null;
}

export function selectionOf(c: Caret | null): Offsets | null {
  if (!c || c.anchor === c.focus) return null;
  return { start: Math.min(c.anchor, c.focus), end: Math.max(c.anchor, c.focus) };
}

/** A character or word step; with `extend` the selection's moving end goes, else the caret alone. */
export function stepCaret(
  c: Caret,
  text: string,
  blocks: Block[],
  kind: 'char' | 'word',
  dir: 1 | -1,
  extend: boolean,
): Caret {
  const sel = selectionOf(c);
  // Without Shift, a character step off a selection collapses it to the side stepped towards.
  if (sel && !extend && kind === 'char') {
    const at = dir === 1 ? sel.end : sel.start;
    return { anchor: at, focus: at };
  }
  const step = kind === 'char' ? charStep : wordStep;
  const focus = step(text, blocks, c.focus, dir);
  return { anchor: extend ? c.anchor : focus, focus };
}

/**
 * S: the sentence at the caret; pressed again (a selection exists), the selection grows by the next sentence.
 * P: the same with paragraphs. The caret ends at the selection's end.
 */
export function selectUnit(c: Caret, text: string, blocks: Block[], unit: 'sentence' | 'paragraph'): Caret {
  const sel = selectionOf(c);
  if (sel) {
    const next = unit === 'sentence' ? nextSentence(text, blocks, sel.end) : nextParagraph(blocks, sel.end);
    return next ? { anchor: sel.start, focus: next.end } : c;
  }
  const unitAt = unit === 'sentence' ? sentenceAt(text, blocks, c.focus) : paragraphAt(blocks, c.focus);
  return unitAt && unitAt.end > unitAt.start ? { anchor: unitAt.start, focus: unitAt.end } : c;
}
