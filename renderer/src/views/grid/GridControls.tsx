import type { ReactNode } from 'react';

/** A row of radio buttons (one choice of a few: measure, kind, lines per row). */
export function Segmented<T extends string | number>(props: {
  label: string;
  options: { id: T; label: string; hint?: string }[];
  value: T;
  onChange: (id: T) => void;
}): ReactNode {
  return (
    <div className="segmented" role="radiogroup" aria-label={props.label}>
      {props.options.map((o) => (
        <button
          key={o.id}
          type="button"
          role="radio"
          aria-checked={props.value === o.id}
          className={props.value === o.id ? 'active' : undefined}
          title={o.hint}
          onClick={() => props.onChange(o.id)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** Every grid's two export buttons: the grid as shown, as CSV or XLSX. */
export function ExportButtons(props: {
  onExport: (format: 'csv' | 'xlsx') => void;
  disabled?: boolean;
}): ReactNode {
  return (
    <>
      <button type="button" onClick={() => props.onExport('csv')} disabled={props.disabled}>
        Export CSV
      </button>
      <button type="button" onClick={() => props.onExport('xlsx')} disabled={props.disabled}>
        Export XLSX
      </button>
    </>
  );
}
