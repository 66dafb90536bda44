import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { TextNav } from '../reader/DocumentText';
import { isTyping } from '../reader/useReaderKeys';
import { useSearchHits } from '../reader/useSearchHits';
import './search.css';

/**
 * In the Reader, after opening a search hit: the query as typed, "3 / 17" in this document, its rank among the
 * matching documents, previous/next (Shift+Enter / Enter) across documents in rank order, close.
 */
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
      {/* The query exactly as typed: wrapping it in quotes doubled the analyst's own phrase quotes. */}
      <span className="search-hits-query" title={`Search: ${hits.query}`} data-testid="hit-query">
        {hits.query}
      </span>
      {hits.error ? (
        <span className="error">{hits.error}</span>
      ) : (
        <span className="search-hits-count" aria-live="polite" data-testid="hit-counter">
          {hits.count ? `${hits.index + 1} / ${hits.count}` : 'no hits in this document'}
        </span>
      )}
      {hits.documents > 1 && (
        <span
          className="search-hits-docs"
          data-testid="hit-document"
          title="This document's rank in the results"
        >
          document {hits.rank + 1} of {hits.documents}
        </span>
      )}
      <button
        type="button"
        className="icon"
        aria-label="Previous hit"
        title="Previous hit (Shift+Enter), into the previous document after the first"
        disabled={hits.count === 0 && hits.documents < 2}
        onClick={() => hits.step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Next hit"
        title="Next hit (Enter), into the next ranked document after the last"
        disabled={hits.count === 0 && hits.documents < 2}
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
