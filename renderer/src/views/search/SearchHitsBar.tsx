import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { TextNav } from '../reader/DocumentText';
import { isTyping } from '../reader/useReaderKeys';
import { useSearchHits } from '../reader/useSearchHits';
import './search.css';

/** In the Reader, after opening a search hit: "3 / 17", previous/next (Shift+Enter / Enter), close. */
export function SearchHitsBar(props: {
  docId: number;
  textRef: RefObject<HTMLElement | null>;
  navRef: RefObject<TextNav | null>;
}): ReactNode {
  const hits = useSearchHits(props.docId, props.textRef, props.navRef);
  const latest = useRef(hits);
  useEffect(() => {
    latest.current = hits;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const h = latest.current;
      if (!h || e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target) || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      h.step(e.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!hits) return null;
  return (
    <div className="search-hits-bar" role="toolbar" aria-label="Search hits">
      <span className="search-hits-query" title={hits.query}>
        “{hits.query}”
      </span>
      {hits.error ? (
        <span className="error">{hits.error}</span>
      ) : (
        <span className="search-hits-count" aria-live="polite" data-testid="hit-counter">
          {hits.count ? `${hits.index + 1} / ${hits.count}` : 'no hits in this document'}
        </span>
      )}
      <button
        type="button"
        className="icon"
        aria-label="Previous hit"
        title="Previous hit (Shift+Enter)"
        disabled={hits.count === 0}
        onClick={() => hits.step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Next hit"
        title="Next hit (Enter)"
        disabled={hits.count === 0}
        onClick={() => hits.step(1)}
      >
        ↓
      </button>
      <button type="button" className="icon" aria-label="Close the search" title="Close" onClick={hits.close}>
        ×
      </button>
    </div>
  );
}
