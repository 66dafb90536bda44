import { useState, type FormEvent, type ReactNode } from 'react';
import type { DocumentFilter, DocumentSelection } from '../../../../shared/api/documentPage';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import type { Attribute } from './attributes';

/**
 * What the Library has selected: rows picked one by one, or every document its filter matches ("all N matching")
 * less the rows unticked since (Ctrl/⌘-click). The second is sent to the core as the filter itself, so a selection
 * of 100,000 documents is a few bytes and means exactly what was counted.
 */
export type LibrarySelection = { kind: 'rows'; ids: number[] } | { kind: 'all'; except: number[] };

export const NOTHING: LibrarySelection = { kind: 'rows', ids: [] };

export function selectionCount(s: LibrarySelection, total: number): number {
  return s.kind === 'rows' ? s.ids.length : Math.max(0, total - s.except.length);
}

/** The selection as the actions' contract names it; null when nothing is selected. */
export function selectionInput(
  s: LibrarySelection,
  filter: DocumentFilter,
  total: number,
): DocumentSelection | null {
  if (selectionCount(s, total) === 0) return null;
  return s.kind === 'rows' ? { docIds: s.ids } : { matching: filter, except: s.except };
}

/** "All N matching selected" with a way out, or the offer to select them when some rows are picked. */
export function SelectionBanner(props: {
  selection: LibrarySelection;
  total: number;
  filtered: boolean;
  onChange: (s: LibrarySelection) => void;
}): ReactNode {
  const { selection: s, total } = props;
  const n = selectionCount(s, total);
  const matching = props.filtered ? 'matching ' : '';
  if (s.kind === 'all')
    return (
      <p className="library-selection" role="status">
        <strong>
          All {n.toLocaleString()} {matching}documents selected
        </strong>
        {s.except.length > 0 && <span className="muted"> ({s.except.length.toLocaleString()} unticked)</span>}
        <span className="muted"> · Ctrl/⌘-click a row to leave it out</span>
        <button type="button" className="link" onClick={() => props.onChange(NOTHING)}>
          Clear selection
        </button>
      </p>
    );
  if (total === 0) return null;
  return (
    <p className="library-selection" role="status">
      {n > 0 && <span>{n.toLocaleString()} selected · </span>}
      <button type="button" className="link" onClick={() => props.onChange({ kind: 'all', except: [] })}>
        Select all {total.toLocaleString()} {matching}documents
      </button>
    </p>
  );
}

/** "Set attribute…": one attribute's value (or none) for every selected document, in one request. */
export function SelectionAttribute(props: {
  selection: DocumentSelection | null;
  count: number;
  attributes: Attribute[];
}): ReactNode {
  const { setStatus } = useProject();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (props.attributes.length === 0) return null;
  const attr = props.attributes.find((a) => a.name === name) ?? props.attributes[0];
  if (!open)
    return (
      <button
        type="button"
        disabled={!props.selection}
        title={props.selection ? undefined : 'Select documents first'}
        onClick={() => setOpen(true)}
      >
        Set attribute…
      </button>
    );
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!props.selection) return;
    try {
      const v = value.trim() === '' ? null : attr.type === 'number' ? Number(value) : value;
      const r = await api.setSelectionAttribute({ selection: props.selection, name: attr.name, value: v });
      setStatus(
        `${attr.name} ${v === null ? 'cleared' : 'set'} on ${r.documents.toLocaleString()} documents ✓`,
        'ok',
      );
      setOpen(false);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form
      className="add-attribute"
      aria-label={`Set an attribute on ${props.count} selected documents`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
    >
      <select aria-label="Attribute" value={attr.name} onChange={(e) => setName(e.target.value)}>
        {props.attributes.map((a) => (
          <option key={a.id} value={a.name}>
            {a.name}
          </option>
        ))}
      </select>
      <input
        autoFocus
        aria-label="Value"
        placeholder="value (empty clears it)"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="primary" disabled={!props.selection}>
        Apply to {props.count.toLocaleString()}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && <span className="error">{error}</span>}
    </form>
  );
}
