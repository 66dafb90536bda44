import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import type { ProjectEntry } from '../../../../shared/api/projects';
import { api, errorMessage } from '../../api/client';
import { Dialog as SharedDialog } from '../../components/Dialog';

// The project menu's dialogs: a name (new project, rename, save a copy) and the list of projects to open. Each is
// modal (focus kept inside, Escape closes) and says what went wrong in the core's words.

type Templates = MethodOutput<'listTemplates'>;

// The shared modal card, marked as a project dialog for its width.
function Dialog(props: Parameters<typeof SharedDialog>[0]): ReactNode {
  return <SharedDialog {...props} className={`project-dialog ${props.className ?? ''}`} />;
}

/** A dialog asking for a name; `extra` adds fields (the codebook); `submit` runs the call and closes on success. */
export function NameDialog(props: {
  title: string;
  label: string;
  initial: string;
  action: string;
  hint?: string;
  extra?: ReactNode;
  onClose: () => void;
  submit: (name: string) => Promise<void>;
}): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => input.current?.select(), []);
  const go = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await props.submit(name);
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} initialFocus={input}>
      <form
        className="project-form"
        onSubmit={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        <label>
          <span className="label">{props.label}</span>
          <input
            ref={input}
            value={name}
            maxLength={120}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'project-form-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {props.extra}
        {props.hint && <p className="muted">{props.hint}</p>}
        <p id="project-form-error" className="error" role="alert">
          {error ?? ''}
        </p>
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" aria-disabled={busy || !name.trim()}>
            {props.action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** New project…: a name and a codebook template; the project starts empty and opens. */
export function NewProjectDialog(props: { onClose: () => void; onOpened: () => void }): ReactNode {
  const [templates, setTemplates] = useState<Templates>([]);
  const [codebook, setCodebook] = useState('defence-diplomacy');
  useEffect(() => {
    api
      .listTemplates({})
      .then(setTemplates)
      .catch(() => setTemplates([]));
  }, []);
  const chosen = templates.find((t) => t.name === codebook);
  return (
    <NameDialog
      title="New project"
      label="Project name"
      initial=""
      action="Create"
      hint="The project starts empty, with the codebook you choose; import documents into it from the Library."
      onClose={props.onClose}
      extra={
        <label>
          <span className="label">Codebook</span>
          <select value={codebook} onChange={(e) => setCodebook(e.target.value)}>
            {(templates.length
              ? templates
              : [{ name: codebook, domains: 0, builtIn: true, description: '' }]
            ).map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
                {t.domains ? ` (${t.domains} domains)` : ''}
                {t.builtIn ? '' : ' — saved'}
              </option>
            ))}
          </select>
          {chosen?.description && <span className="muted template-description">{chosen.description}</span>}
        </label>
      }
      submit={async (name) => {
        await api.createProject({ name, codebook });
        props.onOpened();
      }}
    />
  );
}

const modified = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Open…: the data folder's projects, the open one marked, each with what it holds. */
export function OpenProjectDialog(props: {
  onClose: () => void;
  onOpen: (name: string) => Promise<void>;
}): ReactNode {
  const [list, setList] = useState<{ folder: string; projects: ProjectEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    api
      .listProjects({})
      .then(setList)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  return (
    <Dialog
      title="Open a project"
      onClose={props.onClose}
      className="open-project-dialog"
      initialFocus={closeButton}
    >
      {list && <p className="muted">Projects in {list.folder}</p>}
      <p className="error" role="alert">
        {error ?? ''}
      </p>
      {list && (
        <div className="project-list-scroll">
          <table className="project-list">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col" className="num">
                  Documents
                </th>
                <th scope="col" className="num">
                  Claims
                </th>
                <th scope="col">Changed</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.projects.map((p) => (
                <tr key={p.path} title={p.path}>
                  <td>
                    {p.name} {p.sample && <span className="badge sample-badge">Sample</span>}
                  </td>
                  <td className="num">{p.documents ?? '—'}</td>
                  <td className="num">{p.claims ?? '—'}</td>
                  <td>{modified(p.modified)}</td>
                  <td>
                    {p.open ? (
                      <span className="muted">open</span>
                    ) : p.problem ? (
                      <span className="error" title={p.problem}>
                        cannot be opened
                      </span>
                    ) : (
                      <button
                        type="button"
                        aria-label={`Open ${p.name}`}
                        onClick={() =>
                          void props
                            .onOpen(p.name)
                            .then(props.onClose)
                            .catch((e: unknown) => setError(errorMessage(e)))
                        }
                      >
                        Open
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button type="button" ref={closeButton} onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

export { Dialog };
