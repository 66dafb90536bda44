import type { ReactNode } from 'react';
import { setLibrarySet, useLibrarySet, useSets } from './useSets';

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
