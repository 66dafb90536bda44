import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { DomainActions, type Action } from './DomainActions';
import { NewDomain } from './NewDomain';
import { Templates } from './Templates';
import './codebook.css';

export type CodebookDomain = MethodOutput<'getCodebook'>[number];
type Place = 'before' | 'inside' | 'after';

function hoverText(d: CodebookDomain): string {
  return [
    d.description,
    d.inclusion && `Include: ${d.inclusion}`,
    d.exclusion && `Exclude: ${d.exclusion}`,
    `${d.claims} claims in ${d.documents} documents · click to filter the Reader, double-click to rename, drag to move, right-click (or Shift+F10) for its actions`,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The codebook in the left column: the domain tree with colours and counts, filtering the Reader on click, and
 * every edit in place — create, rename, recolour, move and reorder by drag and drop, merge, delete, templates.
 */
export function CodebookPanel(): ReactNode {
  const { codebook, setStatus, domainFilter, setDomainFilter, route, navigate, documents } = useProject();
  // The context's codebook: refetched once per change that concerns it, for every view that shows it.
  const tree = codebook;
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const [renaming, setRenaming] = useState<number | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [adding, setAdding] = useState(false);
  const [templates, setTemplates] = useState(false);
  const [dragId, setDragId] = useState<number | null>(null);
  const [over, setOver] = useState<{ id: number | 'top'; place: Place } | null>(null);
  const rows = useRef(new Map<number, HTMLLIElement>());

  const hasChildren = new Set(tree.map((d) => d.parentId).filter((p) => p !== null));
  const byId = new Map(tree.map((d) => [d.id, d]));
  const hidden = (d: CodebookDomain): boolean => {
    for (let p = d.parentId; p !== null; p = byId.get(p)?.parentId ?? null) if (collapsed.has(p)) return true;
    return false;
  };

  const edit = async (what: string, call: () => Promise<unknown>): Promise<boolean> => {
    try {
      await call();
      setStatus(`${what} ✓ · Ctrl+Z undoes`, 'ok');
      return true;
    } catch (e) {
      setStatus(`${what} failed: ${errorMessage(e)}`, 'error');
      return false;
    }
  };

  const rename = async (d: CodebookDomain, name: string): Promise<void> => {
    setRenaming(null);
    const n = name.trim();
    if (n && n !== d.name) await edit(`Renamed to ${n}`, () => api.updateDomain({ id: d.id, name: n }));
  };

  const filterBy = (d: CodebookDomain): void => {
    setDomainFilter(d.id === domainFilter ? null : d.id);
    if (route.view !== 'reader') navigate({ view: 'reader', docId: route.docId ?? documents[0]?.id });
  };

  const placeOf = (e: DragEvent<HTMLElement>): Place => {
    const r = e.currentTarget.getBoundingClientRect();
    const y = (e.clientY - r.top) / r.height;
    return y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'inside';
  };

  const drop = async (target: CodebookDomain | null, place: Place): Promise<void> => {
    const moving = dragId === null ? undefined : byId.get(dragId);
    setDragId(null);
    setOver(null);
    if (!moving || moving.id === target?.id) return;
    if (!target)
      return void edit(`${moving.name} moved to the top level`, () =>
        api.moveDomain({ id: moving.id, parentId: null }),
      );
    if (place === 'inside')
      return void edit(`${moving.name} moved under ${target.name}`, () =>
        api.moveDomain({ id: moving.id, parentId: target.id }),
      );
    const siblings = tree.filter((d) => d.parentId === target.parentId && d.id !== moving.id);
    const index = siblings.findIndex((d) => d.id === target.id) + (place === 'after' ? 1 : 0);
    await edit(`${moving.name} moved`, () =>
      api.moveDomain({ id: moving.id, parentId: target.parentId, index }),
    );
  };

  return (
    <section className="side-section codebook-section codebook-panel">
      <div className="side-head">
        <span>Codebook</span>
        {domainFilter !== null && (
          <button type="button" className="link" onClick={() => setDomainFilter(null)}>
            clear filter
          </button>
        )}
        <span className="cb-tools">
          <button
            type="button"
            className="icon"
            title="New domain"
            aria-label="New domain"
            onClick={() => setAdding(true)}
          >
            +
          </button>
          <button
            type="button"
            className="icon"
            title="Codebook templates"
            aria-label="Codebook templates"
            aria-expanded={templates}
            onClick={() => setTemplates((t) => !t)}
          >
            ⋯
          </button>
        </span>
      </div>
      {templates && <Templates onClose={() => setTemplates(false)} />}
      {adding && <NewDomain onDone={() => setAdding(false)} edit={edit} parentId={null} />}
      <ul className="side-list cb-tree" aria-label="Codebook" onDragEnd={() => setOver(null)}>
        {tree.map((d) =>
          hidden(d) ? null : (
            <li
              key={d.id}
              onContextMenu={(e) => {
                if (renaming === d.id) return;
                e.preventDefault();
                // A right-click opens the menu at the pointer; the Menu key (no pointer) under the row.
                const pointer = e.button === 2 && (e.clientX !== 0 || e.clientY !== 0);
                setAction({
                  kind: 'menu',
                  domainId: d.id,
                  at: pointer ? { x: e.clientX, y: e.clientY } : undefined,
                });
              }}
              onKeyDown={(e) => {
                if (e.target !== e.currentTarget.querySelector('.cb-name')) return;
                if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
                  e.preventDefault();
                  setAction({ kind: 'menu', domainId: d.id });
                }
              }}
              className={`cb-row${over?.id === d.id ? ` drop-${over.place}` : ''}${dragId === d.id ? ' dragging' : ''}`}
              style={{ paddingLeft: d.depth * 14 }}
              data-domain-id={d.id}
              ref={(el) => {
                if (el) rows.current.set(d.id, el);
                else rows.current.delete(d.id);
              }}
              draggable={renaming !== d.id}
              onDragStart={(e) => {
                e.dataTransfer.setData('text/plain', d.name);
                e.dataTransfer.effectAllowed = 'move';
                setDragId(d.id);
              }}
              onDragOver={(e) => {
                if (dragId === null || dragId === d.id) return;
                e.preventDefault();
                const place = placeOf(e);
                if (over?.id !== d.id || over.place !== place) setOver({ id: d.id, place });
              }}
              onDragLeave={() => setOver((o) => (o?.id === d.id ? null : o))}
              onDrop={(e) => {
                e.preventDefault();
                void drop(d, placeOf(e));
              }}
            >
              {hasChildren.has(d.id) ? (
                <button
                  type="button"
                  className="twisty"
                  aria-label={collapsed.has(d.id) ? `Expand ${d.name}` : `Collapse ${d.name}`}
                  onClick={() =>
                    setCollapsed((c) => {
                      const n = new Set(c);
                      if (!n.delete(d.id)) n.add(d.id);
                      return n;
                    })
                  }
                >
                  {collapsed.has(d.id) ? '▸' : '▾'}
                </button>
              ) : (
                <span className="twisty" />
              )}
              {renaming === d.id ? (
                <input
                  className="cb-rename"
                  aria-label={`Rename ${d.name}`}
                  defaultValue={d.name}
                  autoFocus
                  onFocus={(e) => e.target.select()}
                  onBlur={(e) => void rename(d, e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void rename(d, e.currentTarget.value);
                    else if (e.key === 'Escape') setRenaming(null);
                  }}
                />
              ) : (
                <button
                  type="button"
                  className={`cb-name${d.id === domainFilter ? ' current' : ''}`}
                  aria-pressed={d.id === domainFilter}
                  title={hoverText(d)}
                  onClick={() => filterBy(d)}
                  onDoubleClick={() => setRenaming(d.id)}
                >
                  <span className="swatch" style={{ background: d.color }} />
                  <span className="name">{d.name}</span>
                  <span className="count" title={`${d.claims} claims · ${d.documents} documents`}>
                    {d.claims}
                  </span>
                </button>
              )}
              <button
                type="button"
                className="icon cb-more"
                aria-label={`Actions for ${d.name}`}
                title="Rename, colour, merge, delete…"
                onClick={() => setAction(action?.domainId === d.id ? null : { kind: 'menu', domainId: d.id })}
              >
                ⋮
              </button>
              {action?.domainId === d.id && rows.current.get(d.id) && (
                <DomainActions
                  row={rows.current.get(d.id)!}
                  domain={d}
                  tree={tree}
                  action={action}
                  setAction={setAction}
                  rename={() => {
                    setAction(null);
                    setRenaming(d.id);
                  }}
                  edit={edit}
                />
              )}
            </li>
          ),
        )}
        {dragId !== null && (
          <li
            className={`cb-top-drop${over?.id === 'top' ? ' active' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              if (over?.id !== 'top') setOver({ id: 'top', place: 'inside' });
            }}
            onDrop={(e) => {
              e.preventDefault();
              void drop(null, 'inside');
            }}
          >
            Drop here for the top level
          </li>
        )}
        {tree.length === 0 && (
          <li className="muted pad">No domains yet: add one with +, or apply a template (⋯).</li>
        )}
      </ul>
    </section>
  );
}
