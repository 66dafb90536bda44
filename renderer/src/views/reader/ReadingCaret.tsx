import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Block } from './blocks';
import { caretBox, lineAt, lineStep } from './caretDom';
import { caretCommand, selectUnit, selectionOf, stepCaret, type Caret } from './caretModel';
import type { TextNav } from './DocumentText';
import { rangesFor, type Offsets } from './textRanges';
import { firstVisibleParagraph, sentenceAt } from './textUnits';

export interface CaretHandle {
  /** Puts the caret at `offset` (dropping any keyboard selection), and focuses the text when asked. */
  placeAt: (offset: number, focus: boolean) => void;
  /** The keyboard selection, if any. */
  selection: () => Offsets | null;
  collapse: () => void;
}

const NAMES = { selection: 'dossier-caret-selection', sentence: 'dossier-caret-sentence' };
/** Keep the caret this far inside the pane's top and bottom edges. */
const MARGIN = 32;
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function describe(text: string, sel: Offsets | null, fallback: string): string {
  if (!sel) return fallback;
  const quote = text.slice(sel.start, sel.end);
  const shown = quote.length > 300 ? `${quote.slice(0, 300)}…` : quote;
  return `Selected ${quote.length} characters: ${shown}`;
}

const spoken = (ch: string): string =>
  ch === ' ' ? 'space' : ch === '\n' ? 'line break' : ch === '' ? 'end of paragraph' : ch;

/**
 * The reading caret: once the text has focus (Tab, a click), a caret that the arrows move by character, line
 * and (Ctrl, Alt on macOS) word, Shift extending a selection; S takes the sentence at the caret (again: the
 * next one too), P the paragraph, T or Enter tags the selection. The selection is painted with the CSS Custom
 * Highlight API (the DOM stays as rendered), the sentence under the caret is faintly underlined, and a live
 * region tells screen readers the caret's line and the selection.
 */
export function ReadingCaret(props: {
  text: string;
  blocks: Block[];
  textRef: RefObject<HTMLElement | null>;
  scrollRef: RefObject<HTMLElement | null>;
  navRef: RefObject<TextNav | null>;
  view: Offsets | null;
  handleRef: RefObject<CaretHandle | null>;
  onTag: (selection: Offsets, exact: boolean) => void;
}): ReactNode {
  const { text, blocks, textRef, scrollRef, navRef, handleRef } = props;
  const [caret, setCaret] = useState<Caret | null>(null);
  const [focused, setFocused] = useState(false);
  const [announce, setAnnounce] = useState('');
  const barRef = useRef<HTMLDivElement>(null);
  const state = useRef({
    caret,
    view: props.view,
    onTag: props.onTag,
    goalX: null as number | null,
    placed: false,
  });
  useEffect(() => {
    state.current.caret = caret;
    state.current.view = props.view;
    state.current.onTag = props.onTag;
  });

  const move = (next: Caret, spokenText: string | null, keepGoal = false, reveal = true): void => {
    state.current.caret = next;
    setCaret(next);
    const sel = selectionOf(next);
    if (spokenText !== null) setAnnounce(describe(text, sel, spokenText));
    const root = textRef.current;
    const scroller = scrollRef.current;
    if (!root || !scroller) return;
    const box = caretBox(root, next.focus);
    if (!keepGoal) state.current.goalX = box?.left ?? null;
    if (!reveal) return;
    if (!box) {
      const at = next.focus;
      navRef.current?.reveal(at, () => {
        const b = caretBox(root, at);
        return b ? { getBoundingClientRect: () => new DOMRect(b.left, b.top, 1, b.height) } : null;
      });
      return;
    }
    const pane = scroller.getBoundingClientRect();
    if (box.top < pane.top + MARGIN) scroller.scrollTop -= pane.top + MARGIN - box.top;
    else if (box.top + box.height > pane.bottom - MARGIN)
      scroller.scrollTop += box.top + box.height - (pane.bottom - MARGIN);
  };

  useImperativeHandle(handleRef, () => ({
    placeAt: (offset, focus) => {
      state.current.placed = true;
      move({ anchor: offset, focus: offset }, null, false, false);
      if (focus) scrollRef.current?.focus({ preventScroll: true });
    },
    selection: () => selectionOf(state.current.caret),
    collapse: () => {
      const c = state.current.caret;
      if (c) move({ anchor: c.focus, focus: c.focus }, null);
    },
  }));

  // Keys and focus, on the text's scroller itself: keys pressed in a bar or the popover inside it are theirs.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    // A press in the text focuses it too: the caret then goes where the press ends (the Reader's mouseup).
    let pressed = false;
    const onDown = (): void => {
      pressed = true;
      // The focus (if any) comes within this press: the flag is not left for a later Tab.
      setTimeout(() => {
        pressed = false;
      });
    };
    const onFocus = (e: FocusEvent): void => {
      if (e.target !== scroller) return;
      setFocused(true);
      const s = state.current;
      if (s.placed || pressed) {
        s.placed = false;
        pressed = false;
        return;
      }
      const c = s.caret;
      const onScreen = c && s.view && c.focus >= s.view.start && c.focus <= s.view.end;
      if (!onScreen && s.view) {
        const at = firstVisibleParagraph(blocks, s.view);
        move({ anchor: at, focus: at }, lineText(at), false, false);
      } else if (c) setAnnounce(describe(text, selectionOf(c), lineText(c.focus)));
    };
    const onBlur = (e: FocusEvent): void => {
      if (e.target === scroller) setFocused(false);
    };
    const lineText = (at: number): string => {
      const root = textRef.current;
      const line = root ? lineAt(root, text.length, at) : null;
      return line ? text.slice(line.start, line.end) : '';
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.target !== scroller) return;
      const c = state.current.caret;
      const command = caretCommand(e, MAC, selectionOf(c) !== null);
      if (!command || !c) return;
      e.preventDefault();
      e.stopPropagation();
      const root = textRef.current;
      switch (command.kind) {
        case 'char':
        case 'word': {
          const next = stepCaret(c, text, blocks, command.kind, command.dir, command.extend);
          // The character or word passed over, as a screen reader says it when reading by character or word.
          const passed = text.slice(Math.min(c.focus, next.focus), Math.max(c.focus, next.focus));
          move(next, command.kind === 'char' ? spoken(passed) : passed);
          break;
        }
        case 'line': {
          if (!root) return;
          const goal = state.current.goalX ?? caretBox(root, c.focus)?.left ?? 0;
          state.current.goalX = goal;
          const at = lineStep(root, scroller, text.length, c.focus, command.dir, goal);
          if (at === null) return;
          move({ anchor: command.extend ? c.anchor : at, focus: at }, lineText(at), true);
          break;
        }
        case 'sentence':
        case 'paragraph':
          move(selectUnit(c, text, blocks, command.kind), '');
          break;
        case 'collapse':
          move({ anchor: c.focus, focus: c.focus }, 'Selection cleared');
          break;
        case 'tag': {
          let sel = selectionOf(c);
          if (!sel) {
            const s = selectUnit(c, text, blocks, 'sentence');
            move(s, null);
            sel = selectionOf(s);
          }
          if (sel) state.current.onTag(sel, command.exact);
          break;
        }
      }
    };
    scroller.addEventListener('mousedown', onDown, true);
    scroller.addEventListener('focus', onFocus);
    scroller.addEventListener('blur', onBlur);
    scroller.addEventListener('keydown', onKey);
    return () => {
      scroller.removeEventListener('mousedown', onDown, true);
      scroller.removeEventListener('focus', onFocus);
      scroller.removeEventListener('blur', onBlur);
      scroller.removeEventListener('keydown', onKey);
    };
    // move() reads only refs and stable setters besides text and blocks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRef, textRef, text, blocks]);

  // Paint the selection (always: it is what the popover tags), the caret and the sentence under it (while the
  // text has focus), again whenever blocks mount or move.
  useEffect(() => {
    const root = textRef.current;
    const scroller = scrollRef.current;
    const bar = barRef.current;
    if (!root || !scroller || !bar) return;
    const canHighlight = typeof CSS !== 'undefined' && 'highlights' in CSS;
    const sel = selectionOf(caret);
    const paint = (): void => {
      if (canHighlight) {
        const selRange = sel ? rangesFor(root, [sel])[0] : null;
        if (selRange) CSS.highlights.set(NAMES.selection, new Highlight(selRange));
        else CSS.highlights.delete(NAMES.selection);
        const sentence = focused && caret && !sel ? sentenceAt(text, blocks, caret.focus) : null;
        const sentRange = sentence ? rangesFor(root, [sentence])[0] : null;
        if (sentRange) CSS.highlights.set(NAMES.sentence, new Highlight(sentRange));
        else CSS.highlights.delete(NAMES.sentence);
      }
      const box = focused && caret ? caretBox(root, caret.focus) : null;
      if (!box) {
        bar.hidden = true;
        return;
      }
      const pane = scroller.getBoundingClientRect();
      bar.hidden = false;
      bar.dataset.offset = String(caret!.focus);
      bar.style.transform = `translate(${box.left - pane.left + scroller.scrollLeft}px, ${box.top - pane.top + scroller.scrollTop}px)`;
      bar.style.height = `${box.height}px`;
      // Restart the blink, so that the caret is seen where it just moved.
      bar.classList.remove('blink');
      void bar.offsetWidth;
      bar.classList.add('blink');
    };
    paint();
    let frame = 0;
    const later = (): void => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          paint();
        });
    };
    const mutations = new MutationObserver(later);
    mutations.observe(root, { childList: true, subtree: true });
    const sizes = new ResizeObserver(later);
    sizes.observe(root);
    return () => {
      cancelAnimationFrame(frame);
      mutations.disconnect();
      sizes.disconnect();
    };
  }, [caret, focused, text, blocks, textRef, scrollRef]);

  useEffect(
    () => () => {
      if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
      CSS.highlights.delete(NAMES.selection);
      CSS.highlights.delete(NAMES.sentence);
    },
    [],
  );

  return (
    <>
      <div ref={barRef} className="reading-caret" aria-hidden="true" hidden data-testid="reading-caret" />
      <div className="sr-only" aria-live="polite" data-testid="caret-announce">
        {announce}
      </div>
    </>
  );
}
