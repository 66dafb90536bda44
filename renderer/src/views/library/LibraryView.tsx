import { useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, CellDoubleClickedEvent, CellKeyDownEvent } from 'ag-grid-community';
import type { DocumentSummary } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useGridTheme } from '../../components/gridTheme';
import { useProject } from '../../components/ProjectContext';
import { AddAttribute, attributeColumns, useAttributeTable } from './attributes';
import { droppedFiles } from './dropped';
import { ImportButton, ImportProgressPanel, ImportReportPanel, useImport } from './ImportButton';
import { AddToSet } from '../sets/AddToSet';
import { LibrarySetChip, useLibraryRows } from '../sets/librarySets';

const numberCol = { type: 'rightAligned', cellClass: 'ag-right-aligned-cell num', width: 100 } as const;

export function LibraryView(): ReactNode {
  const { documents, project, navigate, setStatus } = useProject();
  const theme = useGridTheme();
  const imports = useImport();
  const attrs = useAttributeTable();
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const rows = useLibraryRows(documents);

  const fixed = useMemo<ColDef<DocumentSummary>[]>(
    () => [
      { field: 'title', headerName: 'Title', flex: 3, minWidth: 260, sort: 'asc' },
      { field: 'source', headerName: 'Source', flex: 2, minWidth: 160 },
      { field: 'author', headerName: 'Author', flex: 1, minWidth: 120 },
      { field: 'published', headerName: 'Date', width: 112 },
      {
        field: 'words',
        headerName: 'Words',
        ...numberCol,
        filter: 'agNumberColumnFilter',
        valueFormatter: (p) => (p.value as number).toLocaleString(),
      },
      { field: 'claims', headerName: 'Claims', ...numberCol, filter: 'agNumberColumnFilter' },
      { field: 'format', headerName: 'Format', width: 90 },
    ],
    [],
  );

  const { table, values, reload } = attrs;
  const columns = useMemo<ColDef<DocumentSummary>[]>(() => {
    const save = async (docId: number, name: string, value: string | number | null): Promise<void> => {
      try {
        await api.setDocumentAttributes({ docId, values: { [name]: value } });
        setStatus(`${name} saved ✓`, 'ok');
      } catch (e) {
        setStatus(`${name} was not saved: ${errorMessage(e)}`, 'error');
      }
      reload();
    };
    // Attributes after the date, before the counts: they are what the analyst sorts and filters by.
    const at = fixed.findIndex((c) => c.field === 'words');
    return [
      ...fixed.slice(0, at),
      ...attributeColumns(table?.attributes ?? [], values, save),
      ...fixed.slice(at),
    ];
    // `values` is rebuilt from `table` on every render; the columns follow the table itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fixed, table]);

  const open = (doc: DocumentSummary | undefined): void => {
    if (doc) navigate({ view: 'reader', docId: doc.id });
  };

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
            {project?.claims ?? 0} claims · double-click or Enter to read · double-click an attribute cell to
            edit it
          </p>
        </div>
        <div className="library-actions">
          {documents.length > 0 && <AddToSet docIds={selected} />}
          {documents.length > 0 && <AddAttribute onAdded={reload} />}
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
        <div className="grid-host">
          <AgGridReact<DocumentSummary>
            theme={theme}
            rowData={rows}
            columnDefs={columns}
            defaultColDef={{ sortable: true, resizable: true, filter: true }}
            getRowId={(p) => String(p.data.id)}
            // Several rows (Ctrl/⌘-click, Shift-click) for Add to set…; a click alone still selects one.
            rowSelection={{
              mode: 'multiRow',
              checkboxes: false,
              headerCheckbox: false,
              enableClickSelection: true,
            }}
            onSelectionChanged={(e) => setSelected(e.api.getSelectedRows().map((d) => d.id))}
            suppressColumnVirtualisation
            stopEditingWhenCellsLoseFocus
            onCellDoubleClicked={(e: CellDoubleClickedEvent<DocumentSummary>) => {
              if (!e.colDef.editable) open(e.data);
            }}
            onCellKeyDown={(e: CellKeyDownEvent<DocumentSummary>) => {
              if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && !e.colDef.editable) open(e.data);
            }}
          />
        </div>
      )}
    </div>
  );
}
