import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { api, errorMessage } from '../../api/client';
import { setActiveSearch, useActiveSearch } from '../search/searchState';

const ALL = 'dossier-search-hit';
const CURRENT = 'dossier-search-current';

export interface SearchHits {
  query: string;
  count: number;
  /** Index of the current hit, 0-based. */
  index: number;
  error: string | null;
  step: (delta: 1 | -1) => void;
  close: () => void;
}

/** DOM ranges for text offsets of the rendered document, whose text nodes concatenate to the canonical text. */
function rangesFor(root: HTMLElement, spans: { start: number; end: number }[]): Range[] {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(pos);
    pos += (n as Text).data.length;
  }
  const locate = (offset: number): [Text, number] | null => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const node = nodes[lo];
    return node ? [node, Math.min(offset - starts[lo], node.data.length)] : null;
  };
  const ranges: Range[] = [];
  for (const s of spans) {
    const a = locate(s.start);
    const b = locate(s.end);
    if (!a || !b) continue;
    const r = document.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    ranges.push(r);
  }
  return ranges;
}

/** Brings a hit into view (a third down the page); a step to a hit already well in view does not scroll. */
function scrollToRange(range: Range, root: HTMLElement, always: boolean): void {
  const scroller = root.closest<HTMLElement>('.reader-scroll');
  const rect = range.getBoundingClientRect();
  if (!scroller) return;
  const box = scroller.getBoundingClientRect();
  if (!always && rect.top >= box.top + 60 && rect.bottom <= box.bottom - 60) return;
  scroller.scrollBy({ top: rect.top - box.top - box.height / 3 });
}

/**
 * Marks every hit of the active search in the open document with the CSS Custom Highlight API (the document's
 * DOM is left alone, so claim highlights and selection work as before) and steps through them.
 */
export function useSearchHits(docId: number, textRef: RefObject<HTMLElement | null>): SearchHits | null {
  const active = useActiveSearch();
  const query = active && active.docId === docId ? active.query : null;
  const [hits, setHits] = useState<{ start: number; end: number }[]>([]);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const ranges = useRef<Range[]>([]);
  const scrolled = useRef(false);

  useEffect(() => {
    setHits([]);
    setIndex(0);
    setError(null);
    scrolled.current = false;
    if (!query) return;
    let live = true;
    api
      .documentHits({ docId, query })
      .then((r) => live && setHits(r.hits))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [docId, query]);

  const paint = useCallback(() => {
    const root = textRef.current;
    if (!root || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    ranges.current = rangesFor(root, hits);
    CSS.highlights.set(ALL, new Highlight(...ranges.current));
    const current = ranges.current[index];
    if (current) CSS.highlights.set(CURRENT, new Highlight(current));
    else CSS.highlights.delete(CURRENT);
    if (current && !scrolled.current) {
      scrolled.current = true;
      scrollToRange(current, root, true);
    }
  }, [hits, index, textRef]);

  // The Reader re-renders its text when claims change: paint the hits again on the new text nodes.
  useEffect(() => {
    const root = textRef.current;
    paint();
    if (!root) return;
    const observer = new MutationObserver(paint);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      CSS.highlights?.delete(ALL);
      CSS.highlights?.delete(CURRENT);
    };
  }, [paint, textRef]);

  const step = useCallback(
    (delta: 1 | -1) => {
      if (hits.length === 0) return;
      const next = (index + delta + hits.length) % hits.length;
      setIndex(next);
      const range = ranges.current[next];
      if (range && textRef.current) scrollToRange(range, textRef.current, false);
    },
    [hits.length, index, textRef],
  );

  if (!query) return null;
  return { query, count: hits.length, index, error, step, close: () => setActiveSearch(null) };
}
