import { useState, type ReactNode } from 'react';
import { useSets } from './useSets';

// Set against set in the matrix: with sets as rows, two chosen sets side by side (`set:<a>,<b>`), without the rest.

/** The rows chooser's options, with the comparison of two sets when that is what the matrix shows. */
export function rowOptions(
  dimensions: { id: string; label: string }[],
  rows: string,
): { id: string; label: string }[] {
  if (!rows.startsWith('set:') || dimensions.some((d) => d.id === rows)) return dimensions;
  return [...dimensions, { id: rows, label: 'Sets compared' }];
}

export function SetCompare(props: { rows: string; onRows: (rows: string) => void }): ReactNode {
  const { sets } = useSets();
  // The first set chosen waits here for the second: only the two together change the rows.
  const [pending, setPending] = useState<[string, string]>(['', '']);
  if (!(props.rows === 'set' || props.rows.startsWith('set:')) || sets.length < 2) return null;
  const shown = props.rows.startsWith('set:') ? props.rows.slice(4).split(',') : pending;
  const pick = (i: number, value: string): void => {
    const next: [string, string] = [shown[0] ?? '', shown[1] ?? ''];
    next[i] = value;
    const both = next[0] !== '' && next[1] !== '' && next[0] !== next[1];
    setPending(both ? ['', ''] : next);
    props.onRows(both ? `set:${next[0]},${next[1]}` : 'set');
  };
  const select = (i: number, label: string): ReactNode => (
    <label className="field">
      <span>{label}</span>
      <select
        aria-label={`Compare: ${label.toLowerCase()}`}
        value={shown[i] ?? ''}
        onChange={(e) => pick(i, e.target.value)}
      >
        <option value="">{i === 0 ? 'All sets' : '—'}</option>
        {sets.map((s) => (
          <option key={s.id} value={String(s.id)}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="set-compare" role="group" aria-label="Compare two sets">
      {select(0, 'Set A')}
      <span className="muted">vs</span>
      {select(1, 'Set B')}
    </div>
  );
}
