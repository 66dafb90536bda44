import { useMemo, useRef, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellDoubleClickedEvent,
  CellKeyDownEvent,
  ColDef,
  GridApi,
  NewValueParams,
} from 'ag-grid-community';
import type { DocumentSummary } from '../../../../shared/api';
import { normalizeByline, readableDate } from '../../../../shared/metadata';
import { api, errorMessage } from '../../api/client';
import { useGridTheme } from '../../components/gridTheme';
import { useProject } from '../../components/ProjectContext';
import { attributeColumns, type useAttributeTable } from './attributes';

// The Library's table (ag-grid), loaded with its grid library after the Library's first paint (LibraryView).

const numberCol = { type: 'rightAligned', cellClass: 'ag-right-aligned-cell num', width: 100 } as const;

/** Columns sized to their content (a date is never cut); the title takes what is left. */
const FIT_TO_CONTENT = ['source', 'author', 'published', 'format', 'words', 'claims'];

export interface LibraryTableProps {
  rows: DocumentSummary[];
  attrs: ReturnType<typeof useAttributeTable>;
  onSelected: (ids: number[]) => void;
  /** Set by the table: starts renaming the document (its title cell becomes an input). */
  renameRef: { current: ((docId: number) => void) | null };
}

export default function LibraryTable({ rows, attrs, onSelected, renameRef }: LibraryTableProps): ReactNode {
  const { navigate, setStatus } = useProject();
  const theme = useGridTheme();
  const gridApi = useRef<GridApi<DocumentSummary> | null>(null);
  // Only the document being renamed has an editable title: double-click and Enter still open the Reader.
  const renaming = useRef<number | null>(null);

  const rename = (docId: number): void => {
    const g = gridApi.current;
    const node = g?.getRowNode(String(docId));
    if (!g || !node || node.rowIndex === null) return;
    renaming.current = docId;
    g.ensureIndexVisible(node.rowIndex);
    g.startEditingCell({ rowIndex: node.rowIndex, colKey: 'title' });
  };
  renameRef.current = rename;

  const saveTitle = async (e: NewValueParams<DocumentSummary>): Promise<void> => {
    renaming.current = null;
    const title = String(e.newValue ?? '').trim();
    if (!e.data || title === String(e.oldValue ?? '')) return;
    try {
      await api.updateDocument({ id: e.data.id, title });
      setStatus('Title saved ✓ · Ctrl+Z to undo', 'ok');
    } catch (err) {
      e.node?.setDataValue('title', e.oldValue);
      setStatus(`The title was not saved: ${errorMessage(err)}`, 'error');
    }
  };

  const fixed = useMemo<ColDef<DocumentSummary>[]>(
    () => [
      {
        field: 'title',
        headerName: 'Title',
        flex: 3,
        minWidth: 260,
        sort: 'asc',
        editable: (p) => p.data?.id === renaming.current,
        onCellValueChanged: (e) => void saveTitle(e),
        tooltipValueGetter: (p) => (p.value as string) ?? '',
      },
      { field: 'source', headerName: 'Source', minWidth: 120, maxWidth: 240 },
      {
        field: 'author',
        headerName: 'Author',
        minWidth: 110,
        maxWidth: 240,
        // Documents imported before bylines were normalised are shown the same way ("By …" dropped).
        valueFormatter: (p) => normalizeByline((p.value as string) ?? ''),
      },
      {
        field: 'published',
        headerName: 'Date',
        minWidth: 110,
        // Sorted by the stored ISO date, shown as people read it.
        valueFormatter: (p) => readableDate((p.value as string) ?? ''),
      },
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saveTitle reads refs and stable context only
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

  return (
    <div className="grid-host">
      <AgGridReact<DocumentSummary>
        theme={theme}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true, filter: true }}
        autoSizeStrategy={{ type: 'fitCellContents', colIds: FIT_TO_CONTENT }}
        getRowId={(p) => String(p.data.id)}
        onGridReady={(e) => {
          gridApi.current = e.api;
        }}
        onRowDataUpdated={(e) => e.api.autoSizeColumns(FIT_TO_CONTENT)}
        // Several rows (Ctrl/⌘-click, Shift-click) for Add to set…; a click alone still selects one.
        rowSelection={{
          mode: 'multiRow',
          checkboxes: false,
          headerCheckbox: false,
          enableClickSelection: true,
        }}
        onSelectionChanged={(e) => onSelected(e.api.getSelectedRows().map((d) => d.id))}
        suppressColumnVirtualisation
        stopEditingWhenCellsLoseFocus
        onCellEditingStopped={() => {
          renaming.current = null;
        }}
        onCellDoubleClicked={(e: CellDoubleClickedEvent<DocumentSummary>) => {
          if (!e.colDef.editable || (e.colDef.field === 'title' && renaming.current !== e.data?.id))
            open(e.data);
        }}
        onCellKeyDown={(e: CellKeyDownEvent<DocumentSummary>) => {
          const key = (e.event as KeyboardEvent | undefined)?.key;
          if (key === 'F2' && e.data && e.colDef.field === 'title') rename(e.data.id);
          else if (key === 'Enter' && !e.colDef.editable && !e.api.getEditingCells().length) open(e.data);
          else if (key === 'Enter' && e.colDef.field === 'title' && renaming.current !== e.data?.id)
            open(e.data);
        }}
      />
    </div>
  );
}
