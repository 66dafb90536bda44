import { useEffect, useRef } from 'react';
import type { Claim } from '../../../../shared/api';

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** The Reader's keys: j/k next/previous claim, Esc clear (undo/redo are global: components/UndoRedo). */
export function useReaderKeys(options: {
  claims: Claim[];
  selectedId: number | null;
  popoverOpen: boolean;
  onStep: (id: number) => void;
  onEscape: () => void;
}): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const o = latest.current;
      if (isTyping(e.target) || o.popoverOpen) return;
      if (e.key === 'Escape') {
        o.onEscape();
      } else if ((e.key === 'j' || e.key === 'k') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        if (o.claims.length === 0) return;
        const at = o.claims.findIndex((c) => c.id === o.selectedId);
        const next =
          e.key === 'j'
            ? at < 0
              ? 0
              : Math.min(at + 1, o.claims.length - 1)
            : at < 0
              ? o.claims.length - 1
              : Math.max(at - 1, 0);
        o.onStep(o.claims[next].id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
