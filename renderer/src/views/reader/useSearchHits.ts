import { useCallback, useEffect, useState, type RefObject } from 'react';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { neighbourDocument } from '../search/rankedDocuments';
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
  /** This document's place in the ranked results (0-based) and how many documents match. */
  rank: number;
  documents: number;
  error: string | null;
  step: (delta: 1 | -1) => void;
  close: () => void;
}

/**
 * The active corpus search's hits in the open document (from the core's index), marked and stepped through; past
 * the last hit, next opens the next ranked document at its first hit (previous: the previous one at its last).
 */
export function useSearchHits(
  docId: number,
  textRef: RefObject<HTMLElement | null>,
  navRef: RefObject<TextNav | null>,
): SearchHits | null {
  const active = useActiveSearch();
  const { navigate } = useProject();
  const query = active && active.docId === docId ? active.query : null;
  const startAt = active?.at ?? 'first';
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
      .then((r) => {
        if (!live) return;
        setHits([...r.hits].sort((a, b) => a.start - b.start));
        setIndex(startAt === 'last' ? Math.max(0, r.hits.length - 1) : 0);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [docId, query, startAt]);

  useHitMarks({ textRef, navRef, hits, index, names: NAMES });

  const step = useCallback(
    (delta: 1 | -1) => {
      const next = index + delta;
      if (next >= 0 && next < hits.length) return setIndex(next);
      if (!active) return;
      neighbourDocument(active, delta)
        .then((n) => {
          // The only matching document: wrap around inside it.
          if (!n) return hits.length && setIndex((next + hits.length) % hits.length);
          setActiveSearch({
            ...active,
            docId: n.docId,
            ranked: n.ranked,
            at: delta === 1 ? 'first' : 'last',
          });
          navigate({ view: 'reader', docId: n.docId });
        })
        .catch((e: unknown) => setError(errorMessage(e)));
    },
    [index, hits.length, active, navigate],
  );

  if (!query || !active) return null;
  return {
    query,
    count: hits.length,
    index,
    rank: Math.max(0, active.ranked.indexOf(docId)),
    documents: active.total,
    error,
    step,
    close: () => setActiveSearch(null),
  };
}
