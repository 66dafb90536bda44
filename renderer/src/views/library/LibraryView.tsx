import { lazy, Suspense, useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { DocumentFilter } from '../../../../shared/api/documentPage';
import { api } from '../../api/client';
import { useChangeVersion } from '../../api/useChanges';
import { useProject } from '../../components/ProjectContext';
import { AddAttribute, useAttributes } from './attributes';
import { droppedFiles } from './dropped';
import { ImportButton, ImportProgressPanel, ImportReportPanel, useImport } from './ImportButton';
import { AddToSet } from '../sets/AddToSet';
import { SetsFromAttribute } from '../sets/SetsFromAttribute';
import { LibrarySetChip } from '../sets/librarySets';
import { useLibrarySet } from '../sets/useSets';
import { PlainTable } from './PlainTable';
import {
  NOTHING,
  SelectionAttribute,
  SelectionBanner,
  selectionCount,
  selectionInput,
  type LibrarySelection,
} from './librarySelection';
import type { FirstPage } from './LibraryTable';

// The table and its grid library (ag-grid, most of the Library's script) load after the first paint: the
// Library's head, import buttons and the left column's documents show at once.
// Until it comes, the first page of documents shows as a plain table (PlainTable), so that the first paint is the
// Library; the grid's first block reuses that page's answer.
const LibraryTable = lazy(() => import('./LibraryTable'));

/** What the Library's rows show or are filtered by: a change to any of them asks the rows in view again. */
const LIBRARY_DEPENDS = {
  tables: ['documents', 'claims', 'document_attributes', 'attributes', 'document_set_members'],
} as const;

/** Rows per request of the grid (and of the plain table's first page). */
export const LIBRARY_BLOCK = 100;

/** The quick filter's text, sent once typing pauses. */
function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function LibraryView(): ReactNode {
  const { project } = useProject();
  const imports = useImport();
  const attrs = useAttributes();
  const [dragging, setDragging] = useState(false);
  const [query, setQuery] = useState('');
  const text = useDebounced(query.trim(), 200);
  const setId = useLibrarySet();
  const [columnFilter, setColumnFilter] = useState<DocumentFilter>({});
  const filter = useMemo<DocumentFilter>(
    () => ({ ...columnFilter, ...(text ? { text } : {}), ...(setId !== null ? { setId } : {}) }),
    [columnFilter, text, setId],
  );
  const filterKey = JSON.stringify(filter);
  const filtered = filterKey !== '{}';
  const [total, setTotal] = useState<number | null>(null);
  const [selection, setSelection] = useState<LibrarySelection>(NOTHING);
  // A new filter is a new set of rows: a selection of the old one would not mean what it says.
  useEffect(() => setSelection(NOTHING), [filterKey]);

  // The first page, asked at once (before the grid's script arrives): the plain table shows it and the grid's
  // first block is this same answer.
  const version = useChangeVersion(LIBRARY_DEPENDS);
  const [first, setFirst] = useState<FirstPage | null>(null);
  const firstKey = `${filterKey}|${version}`;
  useEffect(() => {
    const promise = api.pageDocuments({ ...filter, limit: LIBRARY_BLOCK });
    setFirst({ key: filterKey, promise });
    let live = true;
    promise.then((p) => live && setTotal(p.total)).catch(() => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- firstKey names the filter and the data version
  }, [firstKey]);
  const [firstRows, setFirstRows] = useState<Awaited<FirstPage['promise']>['rows']>([]);
  useEffect(() => {
    let live = true;
    first?.promise.then((p) => live && setFirstRows(p.rows)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [first]);

  const renameRef = useRef<((docId: number) => void) | null>(null);
  const n = total ?? 0;
  const count = selectionCount(selection, n);
  const input = selectionInput(selection, filter, n);
  const empty = total === 0 && !filtered;
  const all = project?.documents ?? n;

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    void droppedFiles(e.dataTransfer).then(imports.importFiles);
  };

  return (
    <div
      className={`library${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="view-head">
        <div>
          <h1>Library</h1>
          <p className="muted library-count">
            {filtered && total !== null ? `${n.toLocaleString()} of ` : ''}
            {all.toLocaleString()} {all === 1 ? 'document' : 'documents'} ·{' '}
            {(project?.claims ?? 0).toLocaleString()} claims · double-click or Enter to read · F2 renames ·
            double-click an attribute cell to edit it
          </p>
        </div>
        <div className="library-actions">
          {selection.kind === 'rows' && selection.ids.length === 1 && (
            <button
              type="button"
              title="Correct the selected document's title (F2 in the table)"
              onClick={() => renameRef.current?.(selection.ids[0])}
            >
              Rename…
            </button>
          )}
          {!empty && <AddToSet selection={input} count={count} />}
          <SelectionAttribute selection={input} count={count} attributes={attrs.attributes} />
          <SetsFromAttribute attributes={attrs.attributes} />
          {!empty && <AddAttribute onAdded={attrs.reload} />}
          <ImportButton busy={imports.busy} onFiles={imports.importFiles} />
        </div>
      </div>
      <ImportProgressPanel />
      <ImportReportPanel />
      <LibrarySetChip shown={n} />
      {empty ? (
        <div className="empty-state library-empty">
          <h2>No documents yet</h2>
          <p>
            Drop files or a whole folder here, or use <strong>Import files…</strong> or{' '}
            <strong>Import a folder…</strong> above. Dossier reads saved web pages (.html), PDFs, Word files
            (.docx), Markdown (.md) and plain text (.txt); sub-folders are included, hidden files and other
            types are skipped and listed.
          </p>
          <p className="muted">
            Each file becomes a document you can read and tag; its text is kept exactly as imported, and the
            original files are no longer needed afterwards. Files that cannot be read are listed with the
            reason, and nothing else is held up.
          </p>
        </div>
      ) : (
        <>
          <div className="library-bar">
            <input
              type="search"
              className="library-filter"
              placeholder="Filter by title, source, author or file name"
              aria-label="Filter the Library"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <SelectionBanner selection={selection} total={n} filtered={filtered} onChange={setSelection} />
          </div>
          <Suspense fallback={<PlainTable rows={firstRows} />}>
            {first && (
              <LibraryTable
                filter={filter}
                first={first}
                version={version}
                attributes={attrs.attributes}
                selection={selection}
                onSelection={setSelection}
                onTotal={setTotal}
                onColumnFilter={setColumnFilter}
                renameRef={renameRef}
              />
            )}
          </Suspense>
        </>
      )}
    </div>
  );
}
