import {
  Suspense,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { ProjectProvider, useProject } from './components/ProjectContext';
import { useHashRoute, type View } from './components/route';
import { prefetchReader } from './views/reader/prefetch';
import { SettingsButton } from './components/Settings';
import { Shortcuts } from './components/Shortcuts';
import { HORIZONTAL, stepIndex } from './components/listKeys';
import { Sidebar } from './components/Sidebar';
import { UndoRedo } from './components/UndoRedo';
import { AutocodeButton } from './views/autocode/AutocodePanel';
import { BackupsButton } from './views/backups/BackupsDialog';
import { AnalystPrompt } from './views/projects/AnalystPrompt';
import { ProjectMenu } from './views/projects/ProjectMenu';
import { ImportStatus } from './views/library/ImportButton';
import { LibraryView } from './views/library/LibraryView';
import {
  AgreementView,
  CompareView,
  ExportView,
  GridView,
  MemosView,
  ReaderView,
  warmReader,
} from './views/lazyViews';
import { SearchBox } from './views/search/SearchBox';
import { isTyping } from './views/reader/useReaderKeys';

const TABS: { view: View; label: string; key: string }[] = [
  { view: 'library', label: 'Library', key: 'l' },
  { view: 'reader', label: 'Reader', key: 'r' },
  { view: 'grid', label: 'Grid', key: 'g' },
  { view: 'compare', label: 'Compare', key: 'c' },
  { view: 'export', label: 'Export', key: 'e' },
  { view: 'memos', label: 'Memos', key: 'm' },
  { view: 'agreement', label: 'Agreement', key: 'a' },
];

export function App(): ReactNode {
  const [route, navigate] = useHashRoute(prefetchReader);
  return (
    <ProjectProvider route={route} navigate={navigate}>
      <Shell />
    </ProjectProvider>
  );
}

function useGlobalKeys(go: (view: View) => void, help: () => void): void {
  const pendingG = useRef(0);
  const latest = useRef({ go, help });
  useEffect(() => {
    latest.current = { go, help };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const now = Date.now();
      if (now - pendingG.current < 1500) {
        pendingG.current = 0;
        const tab = TABS.find((t) => t.key === e.key);
        if (tab) {
          e.preventDefault();
          latest.current.go(tab.view);
        }
        return;
      }
      if (e.key === 'g') pendingG.current = now;
      else if (e.key === '/') {
        e.preventDefault();
        document.getElementById('search-box')?.focus();
      } else if (e.key === '?') latest.current.help();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function onTabKey(e: ReactKeyboardEvent<HTMLElement>, view: View, go: (view: View) => void): void {
  const at = TABS.findIndex((t) => t.view === view);
  const to = stepIndex(e.key, at, TABS.length, { ...HORIZONTAL, wrap: true });
  if (to === null) return;
  e.preventDefault();
  go(TABS[to].view);
  e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')[to]?.focus();
}

function Shell(): ReactNode {
  const { project, loadError, route, navigate, status } = useProject();
  const [help, setHelp] = useState(false);
  const lastDoc = useRef<number | undefined>(undefined);
  if (route.view === 'reader' && route.docId) lastDoc.current = route.docId;

  const go = (view: View): void =>
    navigate(view === 'reader' ? { view, docId: lastDoc.current } : { view, a: route.a, b: route.b });
  useGlobalKeys(go, () => setHelp((h) => !h));

  useEffect(warmReader, []);

  useEffect(() => {
    window.dossierBridge?.onNavigate?.((view) => {
      if (TABS.some((t) => t.view === view)) navigate({ view: view as View });
    });
  }, [navigate]);

  useEffect(() => {
    // The window's title names the project and the analyst ("Study — Ł. Analityk — Dossier").
    document.title = project
      ? `${[project.name, project.analyst].filter(Boolean).join(' — ')} — Dossier`
      : 'Dossier';
  }, [project]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo">Dossier</span>
          <ProjectMenu />
        </div>
        <nav className="tabs" aria-label="Views">
          {/* One Tab stop; ← → (Home, End) go to the other views, as in any tab list. */}
          <div
            role="tablist"
            aria-label="Views"
            className="tablist"
            onKeyDown={(e) => onTabKey(e, route.view, go)}
          >
            {TABS.map((t) => (
              <button
                key={t.view}
                type="button"
                role="tab"
                aria-selected={route.view === t.view}
                tabIndex={route.view === t.view ? 0 : -1}
                className={route.view === t.view ? 'tab active' : 'tab'}
                title={`g then ${t.key}`}
                onClick={() => go(t.view)}
              >
                {t.label}
              </button>
            ))}
          </div>
        </nav>
        <SearchBox />
        <button
          type="button"
          className="icon help"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => setHelp(true)}
        >
          ?
        </button>
        <AutocodeButton />
        <UndoRedo />
        <BackupsButton />
        <SettingsButton />
      </header>
      <Sidebar />
      <main className={`centre view-${route.view}`}>
        {loadError ? (
          <div className="empty-state" role="alert">
            <h2>Dossier cannot reach the project</h2>
            <p>{loadError}</p>
            <p className="muted">
              In web mode, open the exact URL Dossier printed (it carries the access token).
            </p>
          </div>
        ) : route.view === 'library' ? (
          <LibraryView />
        ) : (
          // The other views are chunks of their own, fetched when first opened (views/lazyViews.ts).
          <Suspense fallback={<div className="loading">Opening the view…</div>}>
            {route.view === 'reader' ? (
              <ReaderView key={route.docId ?? 0} />
            ) : route.view === 'grid' ? (
              <GridView />
            ) : route.view === 'compare' ? (
              <CompareView />
            ) : route.view === 'memos' ? (
              <MemosView />
            ) : route.view === 'agreement' ? (
              <AgreementView />
            ) : (
              <ExportView />
            )}
          </Suspense>
        )}
      </main>
      <footer className="statusbar">
        <span className={`status ${status?.kind ?? ''}`} role="status" aria-live="polite">
          {status?.text ?? 'Ready'}
        </span>
        <ImportStatus />
        <span className="spacer" />
        {project && (
          <span className="muted">
            {project.documents} documents · {project.claims} claims · {project.domains} domains
            {project.analyst ? ` · ${project.analyst}` : ''}
          </span>
        )}
      </footer>
      {help && <Shortcuts onClose={() => setHelp(false)} />}
      <AnalystPrompt />
    </div>
  );
}
