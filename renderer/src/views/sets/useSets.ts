import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentSet } from '../../../../shared/api/sets';
import { api } from '../../api/client';
import { useChangeVersion } from '../../api/useChanges';

// The project's document sets for every view that offers them (the left column, the Library, filters), refetched
// only when sets, their members or the claims they count change.

export const SET_TABLES = {
  // Not `claims`: a set's list shows its documents, and tagging must not refetch every set.
  tables: ['document_sets', 'document_set_members', 'documents'],
} as const;

export function useSets(): { sets: DocumentSet[]; loaded: boolean } {
  const version = useChangeVersion(SET_TABLES);
  const [state, setState] = useState<{ sets: DocumentSet[]; loaded: boolean }>({ sets: [], loaded: false });
  useEffect(() => {
    let live = true;
    api
      .listSets({})
      .then((sets) => live && setState({ sets, loaded: true }))
      .catch(() => live && setState((s) => ({ ...s, loaded: true })));
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}

// The Library's set filter, shared by the left column (a click on a set) and the Library (its chip clears it).
let librarySet: number | null = null;
const listeners = new Set<() => void>();

export function setLibrarySet(id: number | null): void {
  librarySet = id;
  for (const l of listeners) l();
}

export function useLibrarySet(): number | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => librarySet,
  );
}
