import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DocumentSummary, Domain, MethodOutput } from '../../../shared/api';
import type { CodebookDomain } from '../../../shared/api/codebook';
import { onStreamEvent, publishEverything } from '../api/changeBus';
import { api, errorMessage } from '../api/client';
import { startChangeStream } from '../api/changeStream';
import { useChangeVersion } from '../api/useChanges';
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
  /** The same domains with their codebook details, in tree order (the left column's tree). */
  codebook: CodebookDomain[];
  domainById: Map<number, Domain>;
  loadError: string | null;
  status: Status | null;
  setStatus: (text: string, kind?: Status['kind']) => void;
  route: Route;
  navigate: (route: Route) => void;
  /** Codebook filter: the Reader shows only claims in this domain. */
  domainFilter: number | null;
  setDomainFilter: (id: number | null) => void;
}

/** Fetches one query into its state; the cleanup drops an answer that arrives after a newer fetch began. */
function load<T>(
  fetch: () => Promise<T>,
  set: (value: T) => void,
  fail: (e: string | null) => void,
): () => void {
  let live = true;
  fetch()
    .then((value) => {
      if (!live) return;
      set(value);
      fail(null);
    })
    .catch((error: unknown) => live && fail(errorMessage(error)));
  return () => {
    live = false;
  };
}

/** Rows per request when the context gathers every document: small enough that a Library page asked meanwhile
 * is answered between two of them (the core answers one request at a time). */
const CONTEXT_PAGE = 2_000;

/**
 * Every document, a page at a time (listDocuments answers pages, issue 16), for the views that pick among all of
 * them (Compare, memo links, the export filter, titles of excerpts). `show` gets the first page at once and the
 * whole list at the end. The Library and the left column's list do not wait for this: they page on their own.
 */
async function everyDocument(show: (rows: DocumentSummary[], complete: boolean) => void): Promise<void> {
  const first = await api.listDocuments({ limit: CONTEXT_PAGE });
  const rows = [...first.rows];
  if (rows.length >= first.total) return show(rows, true);
  show([...rows], false);
  while (rows.length < first.total) {
    const next = await api.listDocuments({ offset: rows.length, limit: CONTEXT_PAGE });
    if (!next.rows.length) break;
    rows.push(...next.rows);
  }
  show(rows, true);
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
  const [documentsComplete, setDocumentsComplete] = useState(false);
  const [codebook, setCodebook] = useState<CodebookDomain[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatusState] = useState<Status | null>(null);
  const [domainFilter, setDomainFilter] = useState<number | null>(null);

  // Three queries, each refetched only for the changes that concern it (a new claim: the documents' and the
  // domains' counts, not the project's name). The project's totals are counted here from the other two.
  const projectVersion = useChangeVersion({ tables: ['project_meta'] });
  const documentsVersion = useChangeVersion({ tables: ['documents', 'claims'] });
  const codebookVersion = useChangeVersion({ tables: ['domains', 'claim_domains'] });
  useEffect(() => load(() => api.getProject({}), setProject, setLoadError), [projectVersion]);
  useEffect(() => {
    let live = true;
    everyDocument((rows, complete) => {
      if (!live) return;
      setDocuments(rows);
      setDocumentsComplete(complete);
    })
      .then(() => live && setLoadError(null))
      .catch((error: unknown) => live && setLoadError(errorMessage(error)));
    return () => {
      live = false;
    };
  }, [documentsVersion]);
  // getCodebook is listDomains with the tree's details: one request serves the context and the left column.
  useEffect(() => load(() => api.getCodebook({}), setCodebook, setLoadError), [codebookVersion]);

  useEffect(() => {
    startChangeStream();
    window.dossierBridge?.onProjectChanged?.(publishEverything);
  }, []);

  // Another window switched the project this door serves: everything shown was the other project's.
  const { navigate } = props;
  useEffect(
    () =>
      onStreamEvent((event) => {
        if (event.type !== 'project') return;
        setDomainFilter(null);
        navigate({ view: 'library' });
        publishEverything();
      }),
    [navigate],
  );

  const setStatus = useCallback(
    (text: string, kind: Status['kind'] = 'info') => setStatusState({ text, kind }),
    [],
  );
  // In listDomains' order (sort_order, then id), as the views have always had them; the tree keeps its own.
  const domains = useMemo<Domain[]>(
    () => [...codebook].sort((a, b) => a.order - b.order || a.id - b.id),
    [codebook],
  );
  const domainById = useMemo(() => new Map(codebook.map((d) => [d.id, d])), [codebook]);
  const counted = useMemo(
    () =>
      project && {
        ...project,
        // While a large project's documents are still coming a page at a time, the project's own counts.
        ...(documentsComplete
          ? { documents: documents.length, claims: documents.reduce((n, d) => n + d.claims, 0) }
          : {}),
        domains: codebook.length,
      },
    [project, documents, documentsComplete, codebook],
  );

  const value: ProjectState = {
    project: counted,
    documents,
    domains,
    codebook,
    domainById,
    loadError,
    status,
    setStatus,
    route: props.route,
    navigate: props.navigate,
    domainFilter,
    setDomainFilter,
  };
  return <ProjectContext.Provider value={value}>{props.children}</ProjectContext.Provider>;
}
