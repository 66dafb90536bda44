import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { DocumentSelection } from '../../../../shared/api/documentPage';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { useSets } from './useSets';

/**
 * "Add to set…" for the Library's selection: a small panel under the button (not a modal) to put the selected
 * documents into a new set or an existing one. Escape or Cancel closes it and gives focus back to the button.
 */
export function AddToSet(props: {
  /** The Library's selection: rows picked, or all documents matching its filter (resolved by the core). */
  selection: DocumentSelection | null;
  count: number;
}): ReactNode {
  const { sets } = useSets();
  const { setStatus } = useProject();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<string>('new');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const id = useId();
  const n = props.selection ? props.count : 0;

  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const close = (): void => {
    setOpen(false);
    setError(null);
    button.current?.focus();
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      if (!props.selection) return;
      if (target === 'new') {
        const { set: s } = await api.addSelectionToSet({ selection: props.selection, name });
        setStatus(`Set “${s.name}” created with ${s.docCount} documents ✓`, 'ok');
      } else {
        const r = await api.addSelectionToSet({ selection: props.selection, setId: Number(target) });
        setStatus(`${r.added} documents added to “${r.set.name}” (${r.set.docCount} in all) ✓`, 'ok');
      }
      setName('');
      close();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="add-to-set">
      <button
        ref={button}
        type="button"
        disabled={n === 0}
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        title={n === 0 ? 'Select documents first (Ctrl/⌘-click or Shift-click for several)' : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Add to set…
      </button>
      {open && (
        <form
          id={`${id}-panel`}
          className="add-to-set-panel"
          aria-label={`Add ${n} selected documents to a set`}
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <p className="muted">
            {n.toLocaleString()} selected {n === 1 ? 'document' : 'documents'}
          </p>
          <label className="field">
            <span>Set</span>
            <select ref={first} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="new">New set…</option>
              {sets.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name} ({s.docCount})
                </option>
              ))}
            </select>
          </label>
          {target === 'new' && (
            <label className="field">
              <span>Name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
            </label>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="row-buttons">
            <button type="submit" className="primary">
              {target === 'new' ? 'Create set' : 'Add'}
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
