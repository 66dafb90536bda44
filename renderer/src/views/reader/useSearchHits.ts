import { useCallback, useEffect, useState, type RefObject } from 'react';
import { api, errorMessage } from '../../api/client';
import { setActiveSearch, useActiveSearch } from '../search/searchState';
import type { TextNav } from './DocumentText';
import type { Offsets } from './textRanges';
import { useHitMarks } from './useHitMarks';

const NAMES = { all: 'dossier-search-hit', current: 'dossier-search-current' };
const NONE: Offsets[] = [];

export interface SearchHits {
  query: string;
  count: number;
  /** Index of the current hit, 0-based. */
  index: number;
  error: string | null;
  step: (delta: 1 | -1) => void;
  close: () => void;
}

/** The active corpus search's hits in the open document (from the core's index), marked and stepped through. */
export function useSearchHits(
  docId: number,
  textRef: RefObject<HTMLElement | null>,
  navRef: RefObject<TextNav | null>,
): SearchHits | null {
  const active = useActiveSearch();
  const query = active && active.docId === docId ? active.query : null;
  const [hits, setHits] = useState<Offsets[]>(NONE);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setHits(NONE);
    setIndex(0);
    setError(null);
    if (!query) return;
    let live = true;
    api
      .documentHits({ docId, query })
      .then((r) => live && setHits([...r.hits].sort((a, b) => a.start - b.start)))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [docId, query]);

  useHitMarks({ textRef, navRef, hits, index, names: NAMES });

  const step = useCallback(
    (delta: 1 | -1) => {
      if (hits.length) setIndex((i) => (i + delta + hits.length) % hits.length);
    },
    [hits.length],
  );

  if (!query) return null;
  return { query, count: hits.length, index, error, step, close: () => setActiveSearch(null) };
}
