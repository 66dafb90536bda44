import { useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, RowDoubleClickedEvent, CellKeyDownEvent } from 'ag-grid-community';
import type { DocumentSummary } from '../../../../shared/api';
import { useGridTheme } from '../../components/gridTheme';
import { useProject } from '../../components/ProjectContext';
import { ImportButton, ImportReportPanel, useImport } from './ImportButton';

const numberCol = { type: 'rightAligned', cellClass: 'num', width: 100 } as const;

export function LibraryView(): ReactNode {
  const { documents, project, navigate } = useProject();
  const theme = useGridTheme();
  const imports = useImport();
  const [dragging, setDragging] = useState(false);

  const columns = useMemo<ColDef<DocumentSummary>[]>(
    () => [
      { field: 'title', headerName: 'Title', flex: 3, minWidth: 260, sort: 'asc' },
      { field: 'source', headerName: 'Source', flex: 2, minWidth: 160 },
      { field: 'author', headerName: 'Author', flex: 1, minWidth: 120 },
      { field: 'published', headerName: 'Date', width: 112 },
      {
        field: 'words',
        headerName: 'Words',
        ...numberCol,
        valueFormatter: (p) => (p.value as number).toLocaleString(),
      },
      {
        field: 'chars',
        headerName: 'Characters',
        ...numberCol,
        width: 116,
        valueFormatter: (p) => (p.value as number).toLocaleString(),
      },
      { field: 'claims', headerName: 'Claims', ...numberCol },
      { field: 'format', headerName: 'Format', width: 90 },
    ],
    [],
  );

  const open = (doc: DocumentSummary | undefined): void => {
    if (doc) navigate({ view: 'reader', docId: doc.id });
  };

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    void imports.importFiles([...e.dataTransfer.files]);
  };

  return (
    <div
      className={`library${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="view-head">
        <div>
          <h1>Library</h1>
          <p className="muted">
            {documents.length} {documents.length === 1 ? 'document' : 'documents'} · {project?.claims ?? 0}{' '}
            claims · double-click or Enter to read
          </p>
        </div>
        <ImportButton busy={imports.busy} onFiles={(files) => void imports.importFiles(files)} />
      </div>
      <ImportReportPanel report={imports.report} error={imports.error} onDismiss={imports.dismiss} />
      {documents.length === 0 ? (
        <div className="empty-state">
          <h2>No documents yet</h2>
          <p>
            Import plain-text (.txt) or Markdown (.md) files with <strong>Import documents…</strong>, or drop
            them here. Each file becomes a document you can read and tag; its text is kept exactly as
            imported.
          </p>
        </div>
      ) : (
        <div className="grid-host">
          <AgGridReact<DocumentSummary>
            theme={theme}
            rowData={documents}
            columnDefs={columns}
            defaultColDef={{ sortable: true, resizable: true, filter: true }}
            getRowId={(p) => String(p.data.id)}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onRowDoubleClicked={(e: RowDoubleClickedEvent<DocumentSummary>) => open(e.data)}
            onCellKeyDown={(e: CellKeyDownEvent<DocumentSummary>) => {
              if ((e.event as KeyboardEvent | undefined)?.key === 'Enter') open(e.data);
            }}
          />
        </div>
      )}
    </div>
  );
}
