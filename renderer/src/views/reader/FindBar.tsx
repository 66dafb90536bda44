import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { TextNav } from './DocumentText';
import { findAll, foldText } from './findText';
import type { Offsets } from './textRanges';
import { useHitMarks } from './useHitMarks';

const NAMES = { all: 'dossier-find-hit', current: 'dossier-find-current' };

/**
 * Find in document (Ctrl/Cmd+F while the Reader is open): every occurrence in the canonical text, ignoring case
 * and diacritics, "3 / 17", Enter / Shift+Enter or ↓/↑ to step, Esc to close. Works on the whole text, not the
 * DOM, so it finds text in blocks a long document has not rendered. Closing with Esc hands the current hit to
 * `onClose`: the reading caret goes there, so that the keyboard can select and tag from what was found.
 */
export function FindBar(props: {
  text: string;
  textRef: RefObject<HTMLElement | null>;
  navRef: RefObject<TextNav | null>;
  onClose: (current: Offsets | null) => void;
}): ReactNode {
  const { text, textRef, navRef, onClose } = props;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        // Mounted and focused before this key press ends, so that the keys typed straight after Ctrl+F go into
        // the field, not to the text (where S, P and T are commands).
        flushSync(() => setOpen(true));
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Folding a long text takes a few tens of milliseconds: only once the bar is opened, once per document.
  const folded = useMemo(() => (open ? foldText(text) : null), [open, text]);
  const hits = useMemo(() => (folded && query ? findAll(folded, query) : []), [folded, query]);
  useHitMarks({ textRef, navRef, hits, index: Math.min(index, Math.max(0, hits.length - 1)), names: NAMES });

  if (!open) return null;
  const step = (delta: 1 | -1): void => {
    if (hits.length) setIndex((i) => (Math.min(i, hits.length - 1) + delta + hits.length) % hits.length);
  };
  const close = (): void => {
    setOpen(false);
    setQuery('');
    onClose(hits[Math.min(index, hits.length - 1)] ?? null);
  };
  const shown = Math.min(index, hits.length - 1) + 1;
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={inputRef}
        autoFocus
        className="find-input"
        placeholder="Find in document"
        aria-label="Find in document"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
      />
      <span className="find-count" aria-live="polite" data-testid="find-counter">
        {query ? (hits.length ? `${shown} / ${hits.length}` : 'not found') : ''}
      </span>
      <button
        type="button"
        className="icon"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={hits.length === 0}
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={hits.length === 0}
        onClick={() => step(1)}
      >
        ↓
      </button>
      <button type="button" className="icon" aria-label="Close find" title="Close (Esc)" onClick={close}>
        ×
      </button>
    </div>
  );
}
