import { useMemo, type ReactNode } from 'react';
import type { DocumentSummary } from '../../../../shared/api';
import { setLibrarySet, useLibrarySet, useSets } from './useSets';

/** The Library's documents, only those of the set chosen in the left column when there is one. */
export function useLibraryRows(documents: DocumentSummary[]): DocumentSummary[] {
  const setId = useLibrarySet();
  const { sets } = useSets();
  return useMemo(() => {
    const s = setId === null ? undefined : sets.find((x) => x.id === setId);
    if (!s) return documents;
    const ids = new Set(s.docIds);
    return documents.filter((d) => ids.has(d.id));
  }, [documents, sets, setId]);
}

/** Says which set the Library shows, with a button to show every document again. */
export function LibrarySetChip(props: { shown: number }): ReactNode {
  const setId = useLibrarySet();
  const { sets } = useSets();
  const s = sets.find((x) => x.id === setId);
  if (!s) return null;
  return (
    <p className="library-set-filter" role="status">
      <span className="library-set-chip">
        Set: {s.name} <span className="count">{props.shown}</span>
        <button
          type="button"
          aria-label={`Show all documents, not only the set ${s.name}`}
          onClick={() => setLibrarySet(null)}
        >
          ×
        </button>
      </span>
    </p>
  );
}
