import { autoUpdate, flip, inline, offset, shift, size, useFloating } from '@floating-ui/react';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Domain } from '../../../../shared/api';
import { useProject } from '../../components/ProjectContext';
import { useFocusTrap } from '../../components/useFocusTrap';
import { codebookOrder, recentDomains, rememberDomains, tagChoices, type Choice } from './recentDomains';
import { confidenceLabel, useDomainScores } from './useDomainScores';
import '../suggest/suggest.css';

/** What the popover is placed against: the selection's line boxes, read again at every placement. */
export interface PopoverReference {
  getBoundingClientRect: () => DOMRect;
  getClientRects: () => DOMRect[];
}

export interface TagDraft {
  chosen: number[];
  note: string;
}

/** Keeps the popover this far from the pane's edges. */
const EDGE = 8;

/**
 * Tagging at the selection: type to filter the codebook, 1–9 (or a click) to tick domains, an optional note,
 * Enter to save, Esc to close. Placed under the selection, or above it near the bottom edge, and never cut by
 * the pane (Floating UI). Tab goes filter → domains (one stop, arrows inside) → note → Save → Cancel; focus
 * stays inside while it is open and goes back to the text when it closes.
 */
/** A small mark of how likely the model thinks the selection is the domain's: highlight only, never an order. */
function confidenceMark(score: number | undefined): ReactNode {
  const level = confidenceLabel(score);
  if (!level || score === undefined) return null;
  const pct = Math.round(score * 100);
  return (
    <span
      className={`tag-confidence ${level}`}
      data-testid="tag-confidence"
      title={`Suggested: ${pct} % likely from your claims`}
      aria-label={`suggested, ${pct} %`}
    >
      {level === 'strong' ? '●' : '○'}
    </span>
  );
}

export function TagPopover(props: {
  reference: PopoverReference;
  /** The text's pane: the popover stays inside it (not over the claims column or the bars). */
  boundary: HTMLElement | null;
  quote: string;
  exact: boolean;
  domains: Domain[];
  initial: TagDraft;
  saving: boolean;
  error: string | null;
  onDraft: (draft: TagDraft) => void;
  onSave: (domainIds: number[], note: string) => void;
  onClose: () => void;
  /** The selection, for the suggestion model's confidence marks (issue 17). */
  selection?: { docId: number; start: number; end: number };
}): ReactNode {
  const { onSave, onClose, onDraft } = props;
  const boundary = props.boundary ?? 'clippingAncestors';
  const projectPath = useProject().project?.path ?? '';
  // Read once per popover: the list must not reorder under the analyst's keys while it is open.
  const [recent] = useState(() => recentDomains(projectPath));
  const codebook = useMemo(() => codebookOrder(props.domains), [props.domains]);
  const sel = props.selection;
  const scores = useDomainScores(sel?.docId, sel?.start ?? 0, sel?.end ?? 0);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<number[]>(props.initial.chosen);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState(props.initial.note);
  const inputRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const listId = useId();

  const { refs, floatingStyles } = useFloating({
    placement: 'bottom-start',
    strategy: 'fixed',
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(8),
      inline(),
      flip({ padding: EDGE, boundary, fallbackStrategy: 'bestFit' }),
      shift({ padding: EDGE, boundary }),
      // Where neither side has room for all of it, the domain list gets shorter.
      size({
        padding: EDGE,
        boundary,
        apply: ({ availableHeight, elements }) => {
          elements.floating.style.maxHeight = `${Math.max(180, Math.floor(availableHeight))}px`;
        },
      }),
    ],
  });
  const { setPositionReference } = refs;
  useLayoutEffect(() => setPositionReference(props.reference), [setPositionReference, props.reference]);
  useFocusTrap(boxRef, { onClose, initialFocus: inputRef });

  useEffect(() => onDraft({ chosen, note }), [chosen, note, onDraft]);

  const choices = useMemo(() => tagChoices(codebook, recent, query), [codebook, recent, query]);
  // One flat list for the arrow keys: the recent group, then the codebook (or the matches).
  const items = useMemo(
    () => [
      ...choices.recent.map((c) => ({ ...c, key: `r${c.domain.id}` })),
      ...choices.listed.map((c) => ({ ...c, key: `d${c.domain.id}` })),
    ],
    [choices],
  );
  const current = items[Math.min(active, items.length - 1)];

  useLayoutEffect(() => {
    if (current) document.getElementById(`${listId}-${current.key}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  // A grouping domain (not codable in the tool it came from) is shown, greyed, but cannot be ticked.
  const codable = (id: number): boolean => codebook.find((d) => d.id === id)?.codable !== false;
  const toggle = (id: number): void => {
    if (codable(id)) setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  };

  const save = (): void => {
    const ids = chosen.length ? chosen : current && current.domain.codable ? [current.domain.id] : [];
    if (!ids.length) return;
    rememberDomains(projectPath, ids);
    onSave(ids, note.trim());
  };

  const inList = (e: KeyboardEvent): boolean =>
    e.target === inputRef.current || (e.target as HTMLElement).getAttribute('role') === 'listbox';

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      save();
    } else if (inList(e) && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      const d = choices.byDigit[Number(e.key) - 1];
      if (d) toggle(d.id);
    } else if (inList(e) && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const n = items.length || 1;
      setActive((a) => (Math.min(a, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === ' ' && current && (e.target !== inputRef.current || query === '') && inList(e)) {
      e.preventDefault();
      toggle(current.domain.id);
    }
  };

  const option = (c: Choice<Domain> & { key: string }, i: number): ReactNode => {
    const ticked = chosen.includes(c.domain.id);
    return (
      <div
        key={c.key}
        id={`${listId}-${c.key}`}
        role="option"
        aria-selected={ticked}
        aria-disabled={c.domain.codable ? undefined : true}
        title={c.domain.codable ? undefined : 'A grouping domain: tag with one of its sub-domains'}
        aria-keyshortcuts={c.digit ? String(c.digit) : undefined}
        className={`tag-option${i === active ? ' active' : ''}${c.domain.codable ? '' : ' disabled'}`}
        // Keep the focus where it is, so that Enter still saves after ticking with the mouse.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => toggle(c.domain.id)}
        onMouseEnter={() => setActive(i)}
      >
        <span className="key" aria-hidden="true">
          {c.digit ?? ''}
        </span>
        <span className={`tick${ticked ? ' on' : ''}`} aria-hidden="true" />
        <span className="swatch" style={{ background: c.domain.color }} />
        <span className="name">{c.domain.name}</span>
        {confidenceMark(scores.get(c.domain.id))}
      </div>
    );
  };

  const tickedElsewhere = query
    ? chosen.map((id) => codebook.find((d) => d.id === id)).filter((d) => d !== undefined)
    : [];
  const activeId = current ? `${listId}-${current.key}` : undefined;
  return (
    <div
      ref={(el) => {
        boxRef.current = el;
        refs.setFloating(el);
      }}
      className="tag-popover"
      role="dialog"
      aria-label="Tag the selection"
      tabIndex={-1}
      style={floatingStyles}
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
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
      />
      {tickedElsewhere.length > 0 && (
        <ul className="tag-chips" aria-label="Ticked domains">
          {tickedElsewhere.map((d) => (
            <li key={d.id} className="chip">
              <span className="swatch" style={{ background: d.color }} />
              {d.name}
            </li>
          ))}
        </ul>
      )}
      <div
        id={listId}
        className="tag-domains"
        role="listbox"
        aria-label="Domains"
        aria-multiselectable="true"
        aria-activedescendant={activeId}
        tabIndex={0}
      >
        {choices.recent.length > 0 && (
          <div role="group" aria-label="Used last" className="tag-group">
            <div className="tag-group-label" aria-hidden="true">
              Used last
            </div>
            {items.slice(0, choices.recent.length).map((c, i) => option(c, i))}
          </div>
        )}
        <div role="group" aria-label={query ? 'Matches' : 'Codebook'} className="tag-group">
          {choices.recent.length > 0 && (
            <div className="tag-group-label" aria-hidden="true">
              Codebook
            </div>
          )}
          {items.slice(choices.recent.length).map((c, i) => option(c, i + choices.recent.length))}
        </div>
      </div>
      {items.length === 0 && <div className="muted tag-none">No domain matches “{query}”.</div>}
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
        <button
          type="button"
          className="primary"
          disabled={props.saving || (chosen.length === 0 && !current?.domain.codable)}
          onClick={save}
        >
          Save claim
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
