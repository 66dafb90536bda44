import { useSyncExternalStore } from 'react';

/**
 * The search the Reader marks: set when a document hit is opened, cleared when the analyst closes the bar. It keeps
 * the documents in rank order so that next/previous can go on into the next document, and the query exactly as
 * the analyst typed it (the FTS5 rewriting happens in the core, never in what is shown).
 */
export interface ActiveSearch {
  docId: number;
  query: string;
  /** Matching documents in rank order, as far as they have been fetched. */
  ranked: number[];
  /** How many documents match in all. */
  total: number;
  /** The search's filter, to fetch further ranked documents the same way. */
  domainIds?: number[];
  /** Which hit of `docId` to show first: its last when stepping back into it. */
  at?: 'first' | 'last';
}

let active: ActiveSearch | null = null;
const listeners = new Set<() => void>();

export function setActiveSearch(next: ActiveSearch | null): void {
  active = next;
  for (const l of listeners) l();
}

export function useActiveSearch(): ActiveSearch | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => active,
  );
}
