import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Domain } from '../../../../shared/api';
import { useProject } from '../../components/ProjectContext';
import { recentDomains, recentFirst, rememberDomains } from './recentDomains';

export interface PopoverAnchor {
  top: number;
  left: number;
}

/**
 * Tagging at the selection: type to filter the codebook, 1–9 (or a click) to tick domains, an optional note,
 * Enter to save, Esc to close.
 */
export function TagPopover(props: {
  anchor: PopoverAnchor;
  quote: string;
  exact: boolean;
  domains: Domain[];
  initial: number[];
  saving: boolean;
  error: string | null;
  onSave: (domainIds: number[], note: string) => void;
  onClose: () => void;
}): ReactNode {
  const { onSave, onClose } = props;
  const projectPath = useProject().project?.path ?? '';
  // Read once per popover: the list must not reorder under the analyst's keys while it is open.
  const [recent] = useState(() => recentDomains(projectPath));
  const domains = useMemo(() => recentFirst(props.domains, recent), [props.domains, recent]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<number[]>(props.initial);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus({ preventScroll: true }), []);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? domains.filter((d) => d.name.toLowerCase().includes(q)) : domains;
  }, [domains, query]);

  const toggle = (id: number): void =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  const save = (): void => {
    const ids = chosen.length ? chosen : shown[active] ? [shown[active].id] : [];
    if (!ids.length) return;
    rememberDomains(projectPath, ids);
    onSave(ids, note.trim());
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      save();
    } else if (e.target === inputRef.current && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const d = shown[Number(e.key) - 1];
      if (d) toggle(d.id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = shown.length || 1;
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === ' ' && e.target === inputRef.current && query === '' && shown[active]) {
      e.preventDefault();
      toggle(shown[active].id);
    }
  };

  return (
    <div
      className="tag-popover"
      role="dialog"
      aria-label="Tag the selection"
      style={{ top: props.anchor.top, left: props.anchor.left }}
      onKeyDown={onKeyDown}
      onMouseDown={(e) => e.stopPropagation()}
      onMouseUp={(e) => e.stopPropagation()}
    >
      <div className="tag-quote" title={props.quote}>
        “{props.quote.length > 140 ? `${props.quote.slice(0, 140)}…` : props.quote}”
        {props.exact && <span className="muted"> · exact</span>}
      </div>
      <input
        ref={inputRef}
        className="tag-filter"
        placeholder="Domain… (type, or 1–9)"
        aria-label="Filter domains"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
      />
      <ul className="tag-domains" role="listbox" aria-multiselectable="true">
        {shown.map((d, i) => (
          <li
            key={d.id}
            role="option"
            aria-selected={chosen.includes(d.id)}
            className={i === active ? 'active' : undefined}
            // Keep the focus in the filter box, so that Enter still saves after ticking with the mouse.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => toggle(d.id)}
            onMouseEnter={() => setActive(i)}
          >
            <span className="key">{i < 9 ? i + 1 : ''}</span>
            <input type="checkbox" tabIndex={-1} readOnly checked={chosen.includes(d.id)} />
            <span className="swatch" style={{ background: d.color }} />
            <span className="name">{d.name}</span>
            {query === '' && recent.includes(d.id) && <span className="recent">recent</span>}
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No domain matches “{query}”.</li>}
      </ul>
      <textarea
        className="tag-note"
        rows={2}
        placeholder="Note (optional)"
        aria-label="Note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {props.error && (
        <div className="error" role="alert">
          {props.error}
        </div>
      )}
      <div className="tag-actions">
        <span className="muted">Enter save · Esc close · Alt-select = exact</span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={props.saving || (chosen.length === 0 && !shown[active])}
          onClick={save}
        >
          Save claim
        </button>
      </div>
    </div>
  );
}
