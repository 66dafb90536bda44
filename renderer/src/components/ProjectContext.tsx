import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DocumentSummary, Domain, MethodOutput } from '../../../shared/api';
import { api, errorMessage } from '../api/client';
import type { Route } from './route';

export type ProjectInfo = MethodOutput<'getProject'>;

export interface Status {
  text: string;
  kind: 'info' | 'ok' | 'error';
}

export interface ProjectState {
  project: ProjectInfo | null;
  documents: DocumentSummary[];
  domains: Domain[];
  domainById: Map<number, Domain>;
  loadError: string | null;
  /** Bumped after every change to the store, so that views reload what they show. */
  version: number;
  changed: () => void;
  status: Status | null;
  setStatus: (text: string, kind?: Status['kind']) => void;
  route: Route;
  navigate: (route: Route) => void;
  /** Codebook filter: the Reader shows only claims in this domain. */
  domainFilter: number | null;
  setDomainFilter: (id: number | null) => void;
}

const ProjectContext = createContext<ProjectState | null>(null);

export function useProject(): ProjectState {
  const value = useContext(ProjectContext);
  if (!value) throw new Error('useProject outside ProjectProvider');
  return value;
}

export function ProjectProvider(props: {
  route: Route;
  navigate: (route: Route) => void;
  children: ReactNode;
}): ReactNode {
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [domains, setDomains] = useState<Domain[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [status, setStatusState] = useState<Status | null>(null);
  const [domainFilter, setDomainFilter] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.getProject({}), api.listDocuments({}), api.listDomains({})])
      .then(([p, docs, doms]) => {
        if (!live) return;
        setProject(p);
        setDocuments(docs);
        setDomains(doms);
        setLoadError(null);
      })
      .catch((error: unknown) => live && setLoadError(errorMessage(error)));
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    window.dossierBridge?.onProjectChanged?.(() => setVersion((v) => v + 1));
  }, []);

  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const setStatus = useCallback(
    (text: string, kind: Status['kind'] = 'info') => setStatusState({ text, kind }),
    [],
  );
  const domainById = useMemo(() => new Map(domains.map((d) => [d.id, d])), [domains]);

  const value: ProjectState = {
    project,
    documents,
    domains,
    domainById,
    loadError,
    version,
    changed,
    status,
    setStatus,
    route: props.route,
    navigate: props.navigate,
    domainFilter,
    setDomainFilter,
  };
  return <ProjectContext.Provider value={value}>{props.children}</ProjectContext.Provider>;
}
