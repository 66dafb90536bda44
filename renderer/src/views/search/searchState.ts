import { useSyncExternalStore } from 'react';

/** The search the Reader marks: set when a document hit is opened, cleared when the analyst closes the bar. */
export interface ActiveSearch {
  docId: number;
  query: string;
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
