import { useEffect, useRef, type RefObject } from 'react';
import type { TextNav } from './DocumentText';
import { firstEndingAfter, rangesFor, renderedExtent, type Offsets } from './textRanges';

export interface HitNames {
  all: string;
  current: string;
}

/**
 * Marks hits (text offsets, in order) in the Reader with the CSS Custom Highlight API, so the document's DOM is
 * left alone and claim highlights and selection work as before; brings the current hit into view. Only the hits
 * in the rendered blocks are marked, again whenever blocks come and go (scrolling a virtualized document).
 * Shared by the corpus search's hits and find-in-document.
 */
export function useHitMarks(options: {
  textRef: RefObject<HTMLElement | null>;
  navRef: RefObject<TextNav | null>;
  hits: Offsets[];
  index: number;
  names: HitNames;
}): void {
  const { textRef, navRef, hits, index } = options;
  const { all: allName, current: currentName } = options.names;
  const revealed = useRef<Offsets[] | null>(null);

  useEffect(() => {
    const root = textRef.current;
    if (!root || hits.length === 0 || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const current = hits[index];
    const paint = (): void => {
      const extent = renderedExtent(root);
      const shown: Offsets[] = [];
      if (extent)
        for (let i = firstEndingAfter(hits, extent.start); i < hits.length && hits[i].start < extent.end; i++)
          shown.push(hits[i]);
      const ranges = rangesFor(root, shown).filter((r) => r !== null);
      CSS.highlights.set(allName, new Highlight(...ranges));
      const now = current ? rangesFor(root, [current])[0] : null;
      if (now) CSS.highlights.set(currentName, new Highlight(now));
      else CSS.highlights.delete(currentName);
    };
    paint();
    // Coalesce a burst of mutations (a block mounting) into one repaint per frame.
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          paint();
        });
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      CSS.highlights.delete(allName);
      CSS.highlights.delete(currentName);
    };
  }, [textRef, hits, index, allName, currentName]);

  // The first hit of a new set is always brought into view; a step only scrolls when the hit is out of view.
  useEffect(() => {
    const root = textRef.current;
    const current = hits[index];
    if (!root || !current) return;
    const first = revealed.current !== hits;
    revealed.current = hits;
    navRef.current?.reveal(current.start, () => rangesFor(root, [current])[0], {
      at: 1 / 3,
      onlyIfHidden: !first,
    });
  }, [textRef, navRef, hits, index]);
}
