import { lazy, Suspense, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useProject } from '../../components/ProjectContext';
import { AddAttribute, useAttributeTable } from './attributes';
import { droppedFiles } from './dropped';
import { ImportButton, ImportProgressPanel, ImportReportPanel, useImport } from './ImportButton';
import { AddToSet } from '../sets/AddToSet';
import { SetsFromAttribute } from '../sets/SetsFromAttribute';
import { LibrarySetChip, useLibraryRows } from '../sets/librarySets';
import { PlainTable } from './PlainTable';

// The table and its grid library (ag-grid, most of the Library's script) load after the first paint: the
// Library's head, import buttons and the left column's documents show at once.
// Until it comes, the documents show as a plain table (PlainTable), so that the first paint is the Library.
const LibraryTable = lazy(() => import('./LibraryTable'));

export function LibraryView(): ReactNode {
  const { documents, project } = useProject();
  const imports = useImport();
  const attrs = useAttributeTable();
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const rows = useLibraryRows(documents);

  const renameRef = useRef<((docId: number) => void) | null>(null);

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
          <p className="muted">
            {documents.length.toLocaleString()} {documents.length === 1 ? 'document' : 'documents'} ·{' '}
            {project?.claims ?? 0} claims · double-click or Enter to read · F2 renames · double-click an
            attribute cell to edit it
          </p>
        </div>
        <div className="library-actions">
          {selected.length === 1 && (
            <button
              type="button"
              title="Correct the selected document's title (F2 in the table)"
              onClick={() => renameRef.current?.(selected[0])}
            >
              Rename…
            </button>
          )}
          {documents.length > 0 && <AddToSet docIds={selected} />}
          <SetsFromAttribute attributes={attrs.table?.attributes ?? []} />
          {documents.length > 0 && <AddAttribute onAdded={attrs.reload} />}
          <ImportButton busy={imports.busy} onFiles={imports.importFiles} />
        </div>
      </div>
      <ImportProgressPanel />
      <ImportReportPanel />
      <LibrarySetChip shown={rows.length} />
      {documents.length === 0 ? (
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
        <Suspense fallback={<PlainTable rows={rows} />}>
          <LibraryTable rows={rows} attrs={attrs} onSelected={setSelected} renameRef={renameRef} />
        </Suspense>
      )}
    </div>
  );
}
