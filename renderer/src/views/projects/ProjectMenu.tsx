import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { ProjectEntry } from '../../../../shared/api/projects';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { useFocusTrap } from '../../components/useFocusTrap';
import { BackupsDialog } from '../backups/BackupsDialog';
import { NameDialog, NewProjectDialog, OpenProjectDialog } from './ProjectDialogs';
import './projects.css';

// Teamwork's dialogs load with the teamwork views, not with the first page.
const MergeDialog = lazy(async () => ({ default: (await import('../teamwork/MergeDialog')).MergeDialog }));
const CopyForAnalystDialog = lazy(async () => ({
  default: (await import('../teamwork/MergeDialog')).CopyForAnalystDialog,
}));

// The project menu at the left of the top bar (the File menu in Electron): new, open, recent, rename, save a copy,
// backups. Switching is the door's (the session's): the answer says everything changed, so every view reloads;
// here the window also goes back to the Library, since the open document was the other project's.

const count = (n: number | null, what: string): string =>
  n === null ? `? ${what}s` : `${n} ${what}${n === 1 ? '' : 's'}`;

type Open = 'new' | 'open' | 'rename' | 'copy' | 'copyFor' | 'merge' | 'backups' | null;

export function ProjectMenu(): ReactNode {
  const { project, navigate, setStatus, setDomainFilter } = useProject();
  const [menu, setMenu] = useState(false);
  const [dialog, setDialog] = useState<Open>(null);
  const [recent, setRecent] = useState<ProjectEntry[]>([]);
  const [dataDir, setDataDir] = useState<string | null | undefined>(undefined);
  const anchor = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    api
      .getUserSettings({})
      .then((s) => setDataDir(s.dataDir))
      .catch(() => setDataDir(null));
  }, []);

  const opened = (name: string, verb = 'Opened'): void => {
    setDomainFilter(null);
    navigate({ view: 'library' });
    setStatus(`${verb} ${name}`, 'ok');
  };
  const openByName = async (name: string): Promise<void> => {
    const p = await api.openProject({ name });
    opened(p.name);
  };

  const toggle = (): void => {
    if (!menu && dataDir)
      api
        .recentProjects({})
        .then(setRecent)
        .catch(() => setRecent([]));
    setMenu((m) => !m);
  };
  const choose = (d: Open): void => {
    setMenu(false);
    setDialog(d);
  };

  return (
    <div className="project-menu-anchor" ref={anchor}>
      <button
        ref={button}
        type="button"
        className="project-menu-button"
        aria-haspopup="menu"
        aria-expanded={menu}
        aria-label={`${project?.name ?? 'Project'}, project menu`}
        title={project?.path}
        onClick={toggle}
      >
        <span className="project-name">{project?.name ?? '…'}</span>
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </button>
      {project?.sample && (
        <span className="badge sample-badge" title="The sample project: made-up documents to try Dossier on">
          Sample
        </span>
      )}
      {menu && (
        <Menu
          keepOn={anchor}
          onClose={() => setMenu(false)}
          dataDir={dataDir ?? null}
          recent={recent.filter((r) => !r.open).slice(0, 5)}
          choose={choose}
          openRecent={(name) => {
            setMenu(false);
            openByName(name).catch((e: unknown) => setStatus(errorMessage(e), 'error'));
          }}
        />
      )}
      {dialog === 'new' && (
        <NewProjectDialog
          onClose={() => setDialog(null)}
          onOpened={() => opened('the new project', 'Created')}
        />
      )}
      {dialog === 'open' && <OpenProjectDialog onClose={() => setDialog(null)} onOpen={openByName} />}
      {dialog === 'rename' && project && (
        <NameDialog
          title="Rename the project"
          label="New name"
          initial={project.name}
          action="Rename"
          hint="Its backups keep following it."
          onClose={() => setDialog(null)}
          submit={async (to) => {
            const p = await api.renameProject({ name: project.name, to });
            setStatus(`Renamed to ${p.name}`, 'ok');
          }}
        />
      )}
      {dialog === 'copy' && project && (
        <NameDialog
          title="Save a copy"
          label="Name of the copy"
          initial={`${project.name} copy`}
          action="Save the copy"
          hint="The copy goes into the data folder; this project stays open."
          onClose={() => setDialog(null)}
          submit={async (to) => {
            const p = await api.copyProject({ to });
            setStatus(
              `Saved a copy as ${p.name} (${p.documents ?? 0} documents, ${p.claims ?? 0} claims)`,
              'ok',
            );
          }}
        />
      )}
      {dialog === 'backups' && <BackupsDialog onClose={() => setDialog(null)} />}
      <Suspense fallback={null}>
        {dialog === 'merge' && <MergeDialog onClose={() => setDialog(null)} />}
        {dialog === 'copyFor' && <CopyForAnalystDialog onClose={() => setDialog(null)} />}
      </Suspense>
    </div>
  );
}

function Menu(props: {
  keepOn: RefObject<HTMLElement | null>;
  onClose: () => void;
  dataDir: string | null;
  recent: ProjectEntry[];
  choose: (d: Open) => void;
  openRecent: (name: string) => void;
}): ReactNode {
  const list = useRef<HTMLDivElement>(null);
  useFocusTrap(list, { onClose: props.onClose, keepOn: props.keepOn });
  // ↑ ↓ Home End move between the items, as in any menu.
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const to =
      e.key === 'ArrowDown'
        ? (at + 1) % items.length
        : e.key === 'ArrowUp'
          ? (at - 1 + items.length) % items.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    items[to]?.focus();
  };
  const item = (label: string, d: Open, shortcut?: string): ReactNode => (
    <button type="button" role="menuitem" className="menu-item" onClick={() => props.choose(d)}>
      <span>{label}</span>
      {shortcut && <span className="muted">{shortcut}</span>}
    </button>
  );
  return (
    <div ref={list} className="project-menu" role="menu" aria-label="Project" tabIndex={-1} onKeyDown={onKey}>
      {props.dataDir ? (
        <>
          {item('New project…', 'new')}
          {item('Open…', 'open')}
          {props.recent.length > 0 && (
            <div role="group" aria-label="Recent projects" className="menu-group">
              <div className="menu-label" aria-hidden="true">
                Recent
              </div>
              {props.recent.map((r) => (
                <button
                  key={r.path}
                  type="button"
                  role="menuitem"
                  className="menu-item recent"
                  title={r.path}
                  onClick={() => props.openRecent(r.name)}
                >
                  <span>
                    {r.name} {r.sample && <span className="badge sample-badge">Sample</span>}
                  </span>
                  <span className="muted">
                    {count(r.documents, 'document')} · {count(r.claims, 'claim')}
                  </span>
                </button>
              ))}
            </div>
          )}
          <div role="separator" className="menu-separator" />
          {item('Rename…', 'rename')}
          {item('Save a copy…', 'copy')}
        </>
      ) : (
        <p className="menu-note muted">
          This window serves one project file: projects open from the data folder.
        </p>
      )}
      <div role="separator" className="menu-separator" />
      {item('Merge project…', 'merge')}
      {item('Save a copy for an analyst…', 'copyFor')}
      {item('Backups…', 'backups')}
    </div>
  );
}
