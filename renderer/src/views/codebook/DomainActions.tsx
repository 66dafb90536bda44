import { useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { DOMAIN_PALETTE } from '../../../../shared/palette';
import { api, errorMessage } from '../../api/client';
import type { CodebookDomain } from './CodebookPanel';
import { NewDomain } from './NewDomain';

export type Action = {
  kind: 'menu' | 'colour' | 'describe' | 'child' | 'merge' | 'delete';
  domainId: number;
};
type Edit = (what: string, call: () => Promise<unknown>) => Promise<boolean>;

/** The popover under a domain's ⋮: its menu, and the colour, sub-domain, merge and delete steps it leads to. */
export function DomainActions(props: {
  domain: CodebookDomain;
  tree: CodebookDomain[];
  action: Action;
  setAction: (a: Action | null) => void;
  rename: () => void;
  edit: Edit;
}): ReactNode {
  const { domain: d, action, setAction, edit } = props;
  const close = (): void => setAction(null);
  const go = (kind: Action['kind']) => () => setAction({ kind, domainId: d.id });

  return (
    <div
      className="cb-pop"
      role="dialog"
      aria-label={`${d.name}: actions`}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      {action.kind === 'menu' && (
        <ul className="cb-menu" role="menu">
          <li>
            <button type="button" role="menuitem" onClick={props.rename}>
              Rename
            </button>
          </li>
          <li>
            <button type="button" role="menuitem" onClick={go('colour')}>
              Colour…
            </button>
          </li>
          <li>
            <button type="button" role="menuitem" onClick={go('describe')}>
              Describe…
            </button>
          </li>
          <li>
            <button type="button" role="menuitem" onClick={go('child')}>
              Add sub-domain…
            </button>
          </li>
          <li>
            <button type="button" role="menuitem" onClick={go('merge')}>
              Merge into…
            </button>
          </li>
          <li>
            <button type="button" role="menuitem" className="danger" onClick={go('delete')}>
              Delete…
            </button>
          </li>
        </ul>
      )}
      {action.kind === 'colour' && (
        <div className="cb-palette" role="group" aria-label="Colour">
          {DOMAIN_PALETTE.map((c) => (
            <button
              key={c}
              type="button"
              className={c.toLowerCase() === d.color.toLowerCase() ? 'current' : undefined}
              style={{ background: c }}
              aria-label={`Colour ${c}`}
              title={c}
              onClick={() => {
                close();
                void edit(`${d.name} recoloured`, () => api.updateDomain({ id: d.id, color: c }));
              }}
            />
          ))}
        </div>
      )}
      {action.kind === 'describe' && <Describe domain={d} onDone={close} edit={edit} />}
      {action.kind === 'child' && <NewDomain parentId={d.id} onDone={close} edit={edit} />}
      {action.kind === 'merge' && <Merge domain={d} tree={props.tree} onDone={close} edit={edit} />}
      {action.kind === 'delete' && <Delete domain={d} onDone={close} edit={edit} />}
    </div>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function Merge(props: {
  domain: CodebookDomain;
  tree: CodebookDomain[];
  onDone: () => void;
  edit: Edit;
}): ReactNode {
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
