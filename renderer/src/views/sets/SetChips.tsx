import type { ReactNode } from 'react';
import { useSets } from './useSets';

/**
 * Document sets as toggle chips in a filter (grids, exports): the claims of the documents in any chosen set.
 * Offered first among the document filters, as UI.md asks; nothing shows while the project has no sets.
 */
export function SetChips(props: { value: number[]; onChange: (ids: number[]) => void }): ReactNode {
  const { sets } = useSets();
  if (sets.length === 0) return null;
  const chosen = new Set(props.value);
  return (
    <div className="set-chips" role="group" aria-label="Document sets">
      <span className="muted">Sets</span>
      {sets.map((s) => (
        <button
          key={s.id}
          type="button"
          className="chip"
          aria-pressed={chosen.has(s.id)}
          title={`${s.docCount} documents`}
          onClick={() =>
            props.onChange(chosen.has(s.id) ? props.value.filter((x) => x !== s.id) : [...props.value, s.id])
          }
        >
          {s.name} <span className="count">{s.docCount}</span>
        </button>
      ))}
    </div>
  );
}
