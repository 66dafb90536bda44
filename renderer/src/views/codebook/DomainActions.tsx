import { autoUpdate, flip, offset, shift, size, useFloating } from '@floating-ui/react';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { DOMAIN_PALETTE } from '../../../../shared/palette';
import { api, errorMessage } from '../../api/client';
import { VERTICAL, stepIndex } from '../../components/listKeys';
import { useFocusTrap } from '../../components/useFocusTrap';
import type { CodebookDomain } from './CodebookPanel';
import { NewDomain } from './NewDomain';

export type Action = {
  kind: 'menu' | 'colour' | 'describe' | 'child' | 'merge' | 'delete';
  domainId: number;
  /** Where a right-click opened the menu (viewport coordinates); otherwise it opens under the row. */
  at?: { x: number; y: number };
};
type Edit = (what: string, call: () => Promise<unknown>) => Promise<boolean>;

const MENU: [Action['kind'] | 'rename', string][] = [
  ['rename', 'Rename'],
  ['colour', 'Colour…'],
  ['describe', 'Describe…'],
  ['child', 'Add sub-domain…'],
  ['merge', 'Merge into…'],
  ['delete', 'Delete…'],
];

/** ↑ ↓ Home End between a menu's items (each a button, focus roving among them). */
function menuKeys(e: KeyboardEvent<HTMLElement>): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const to = stepIndex(e.key, at, items.length, { ...VERTICAL, wrap: true });
  if (to === null) return;
  e.preventDefault();
  items[to]?.focus();
}

/**
 * A domain's actions, from its ⋮, a right-click (at the pointer) or Shift+F10 / the Menu key (under the row):
 * its menu, and the colour, sub-domain, merge and delete steps it leads to. Kept inside the window (Floating UI);
 * focus moves into it, stays there while it is open and goes back to the domain when it closes (Esc).
 */
export function DomainActions(props: {
  domain: CodebookDomain;
  tree: CodebookDomain[];
  action: Action;
  setAction: (a: Action | null) => void;
  rename: () => void;
  edit: Edit;
  /** The domain's row: the menu opens under it, and focus goes back to its name. */
  row: HTMLElement;
}): ReactNode {
  const { domain: d, action, setAction, edit, row } = props;
  const close = (): void => setAction(null);
  const go = (kind: Action['kind']) => () => setAction({ kind, domainId: d.id, at: action.at });
  const box = useRef<HTMLDivElement | null>(null);
  const [back] = useState(() => ({ current: row.querySelector<HTMLElement>('.cb-name') }));
  const [more] = useState(() => ({ current: row.querySelector<HTMLElement>('.cb-more') }));
  useFocusTrap(box, { onClose: close, returnFocus: back, keepOn: more });

  const { refs, floatingStyles } = useFloating({
    placement: action.at ? 'right-start' : 'bottom-start',
    strategy: 'fixed',
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(action.at ? 2 : 4),
      flip({ padding: 8, fallbackStrategy: 'bestFit' }),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply: ({ availableHeight, elements }) => {
          elements.floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
        },
      }),
    ],
  });
  // Each step replaces the one before: focus its first control (the current colour in the palette).
  useEffect(() => {
    const el = box.current;
    if (!el || el.contains(document.activeElement)) return;
    (el.querySelector<HTMLElement>('.current, input, select, textarea, button') ?? el).focus();
  }, [action.kind]);
  const { setPositionReference } = refs;
  const at = action.at;
  useLayoutEffect(() => {
    setPositionReference(
      at
        ? { getBoundingClientRect: () => new DOMRect(at.x, at.y, 0, 0) }
        : { getBoundingClientRect: () => row.getBoundingClientRect() },
    );
  }, [setPositionReference, at, row]);

  return (
    <div
      ref={(el) => {
        box.current = el;
        refs.setFloating(el);
      }}
      className="cb-pop"
      role="dialog"
      aria-label={`${d.name}: actions`}
      tabIndex={-1}
      style={floatingStyles}
    >
      {action.kind === 'menu' && (
        <ul className="cb-menu" role="menu" aria-label={`Actions for ${d.name}`} onKeyDown={menuKeys}>
          {MENU.map(([kind, label], i) => (
            <li key={kind} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={i === 0 ? 0 : -1}
                className={kind === 'delete' ? 'danger' : undefined}
                onClick={kind === 'rename' ? props.rename : go(kind)}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {action.kind === 'colour' && <Palette domain={d} tree={props.tree} onDone={close} edit={edit} />}
      {action.kind === 'describe' && <Describe domain={d} onDone={close} edit={edit} />}
      {action.kind === 'child' && <NewDomain parentId={d.id} onDone={close} edit={edit} />}
      {action.kind === 'merge' && <Merge domain={d} tree={props.tree} onDone={close} edit={edit} />}
      {action.kind === 'delete' && <Delete domain={d} onDone={close} edit={edit} />}
    </div>
  );
}

/** What a step that needs the whole codebook gets: the domain, the tree, how to close and how to edit. */
interface TreeStep {
  domain: CodebookDomain;
  tree: CodebookDomain[];
  onDone: () => void;
  edit: Edit;
}

/** The palette, each colour marked with the domains that already use it (the free ones are the distinct ones). */
function Palette(props: TreeStep): ReactNode {
  const { domain: d } = props;
  const users = new Map<string, string[]>();
  for (const t of props.tree) {
    if (t.id === d.id) continue;
    const key = t.color.toLowerCase();
    users.set(key, [...(users.get(key) ?? []), t.name]);
  }
  return (
    <div className="cb-colours">
      <div className="cb-palette" role="group" aria-label="Colour">
        {DOMAIN_PALETTE.map((c) => {
          const by = users.get(c.toLowerCase()) ?? [];
          const current = c.toLowerCase() === d.color.toLowerCase();
          const what = current ? `${d.name}'s colour` : by.length ? `used by ${by.join(', ')}` : 'free';
          return (
            <button
              key={c}
              type="button"
              className={[current ? 'current' : '', by.length ? 'taken' : ''].join(' ').trim() || undefined}
              style={{ background: c }}
              aria-label={`Colour ${c}, ${what}`}
              title={`${c} · ${what}`}
              data-used-by={by.join(', ') || undefined}
              onClick={() => {
                props.onDone();
                void props.edit(`${d.name} recoloured`, () => api.updateDomain({ id: d.id, color: c }));
              }}
            >
              {by.length > 0 && <span className="cb-taken" aria-hidden="true" />}
            </button>
          );
        })}
      </div>
      <p className="cb-palette-key muted">
        <span className="cb-taken" aria-hidden="true" /> already used by another domain (hover to see which)
      </p>
    </div>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function Merge(props: TreeStep): ReactNode {
  const { domain: d } = props;
  const [targetId, setTargetId] = useState<number | null>(null);
  const [preview, setPreview] = useState<MethodOutput<'previewMergeDomains'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (targetId === null) return;
    let live = true;
    api
      .previewMergeDomains({ sourceId: d.id, targetId })
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [d.id, targetId]);

  return (
    <div className="cb-step">
      <label>
        <span className="label">Merge {d.name} into</span>
        <select
          aria-label="Merge into"
          autoFocus
          value={targetId ?? ''}
          onChange={(e) => setTargetId(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">Choose a domain…</option>
          {props.tree
            .filter((t) => t.id !== d.id)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {'  '.repeat(t.depth)}
                {t.name}
              </option>
            ))}
        </select>
      </label>
      {preview && (
        <p className="cb-consequence">
          {plural(preview.claims, 'claim')} {preview.claims === 1 ? 'moves' : 'move'} to {preview.target.name}
          {preview.alreadyInTarget ? ` (${preview.alreadyInTarget} already there)` : ''}
          {preview.children ? `; ${plural(preview.children, 'sub-domain')} move with them` : ''}. {d.name} is
          then removed.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="cb-buttons">
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!preview}
          onClick={() => {
            if (!preview) return;
            props.onDone();
            void props.edit(`${d.name} merged into ${preview.target.name}`, () =>
              api.mergeDomains({ sourceId: d.id, targetId: preview.target.id }),
            );
          }}
        >
          Merge
        </button>
      </div>
    </div>
  );
}

function Delete(props: { domain: CodebookDomain; onDone: () => void; edit: Edit }): ReactNode {
  const { domain: d } = props;
  const [preview, setPreview] = useState<MethodOutput<'previewDeleteDomain'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .previewDeleteDomain({ id: d.id })
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [d.id]);

  const orphans = preview?.claimsWithoutOtherDomain ?? 0;
  return (
    <div className="cb-step">
      <span className="label">Delete {d.name}?</span>
      {preview && (
        <p className="cb-consequence">
          {plural(preview.claims, 'claim')} {preview.claims === 1 ? 'loses' : 'lose'} this domain
          {preview.claims ? ` (in ${plural(preview.documents, 'document')})` : ''}.
          {orphans > 0 && (
            <>
              {' '}
              <strong>
                {plural(orphans, 'claim')} would be left with no domain and {orphans === 1 ? 'is' : 'are'}{' '}
                deleted too.
              </strong>
            </>
          )}
          {preview.children > 0 &&
            ` ${plural(preview.children, 'sub-domain')} move ${preview.childrenMoveTo ? `under ${preview.childrenMoveTo.name}` : 'to the top level'}.`}{' '}
          Ctrl+Z undoes.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="cb-buttons">
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
        <button
          type="button"
          className="primary danger"
          disabled={!preview}
          onClick={() => {
            props.onDone();
            void props.edit(`${d.name} deleted`, () =>
              api.deleteDomain({ id: d.id, deleteClaims: orphans > 0 }),
            );
          }}
        >
          Delete
        </button>
      </div>
    </div>
  );
}

function Describe(props: { domain: CodebookDomain; onDone: () => void; edit: Edit }): ReactNode {
  const { domain: d } = props;
  const [description, setDescription] = useState(d.description);
  const [inclusion, setInclusion] = useState(d.inclusion);
  const [exclusion, setExclusion] = useState(d.exclusion);
  const save = async (): Promise<void> => {
    const ok = await props.edit(`${d.name} described`, () =>
      api.updateDomain({
        id: d.id,
        description: description.trim(),
        inclusion: inclusion.trim(),
        exclusion: exclusion.trim(),
      }),
    );
    if (ok) props.onDone();
  };
  return (
    <form
      className="cb-step"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <span className="label">Definition</span>
        <textarea autoFocus rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        <span className="label">Include when</span>
        <textarea rows={2} value={inclusion} onChange={(e) => setInclusion(e.target.value)} />
      </label>
      <label>
        <span className="label">Exclude when</span>
        <textarea rows={2} value={exclusion} onChange={(e) => setExclusion(e.target.value)} />
      </label>
      <div className="cb-buttons">
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}
