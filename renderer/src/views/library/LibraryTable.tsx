import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellDoubleClickedEvent,
  CellKeyDownEvent,
  ColDef,
  GridApi,
  IDatasource,
  IGetRowsParams,
  NewValueParams,
  RowClassParams,
  RowClickedEvent,
} from 'ag-grid-community';
import type { DocumentFilter, DocumentRow } from '../../../../shared/api/documentPage';
import type { MethodOutput } from '../../../../shared/api';
import { normalizeByline, readableDate } from '../../../../shared/metadata';
import { api, errorMessage } from '../../api/client';
import { useGridTheme } from '../../components/gridTheme';
import { useProject } from '../../components/ProjectContext';
import { attributeColumns, type Attribute } from './attributes';
import { filterOf, orderOf, RANGE_FILTERS, type ColumnFilterModel } from './libraryQuery';
import type { LibrarySelection } from './librarySelection';

// The Library's table (ag-grid's infinite row model, community), loaded with its grid library after the Library's
// first paint (LibraryView). Rows come a block at a time from pageDocuments as the analyst scrolls; sorting and
// the column filters go to the core with each request, so 100,000 documents are never in the page at once.

/** Rows per block the grid asks for, and how many blocks it keeps (the rest are asked again when scrolled to). */
const BLOCK = 100;
const BLOCKS_KEPT = 30;

const numberCol = { type: 'rightAligned', cellClass: 'ag-right-aligned-cell num', width: 92 } as const;
const rangeFilter = {
  filter: 'agNumberColumnFilter',
  filterParams: { filterOptions: RANGE_FILTERS, maxNumConditions: 1 },
} as const;

/** Columns sized to their content once the first rows are in (a date is never cut); the title takes what is left. */
const FIT_TO_CONTENT = ['source', 'author', 'published', 'format', 'words', 'claims'];

/**
 * Short columns sized to their content; then, when all of them are wider than the table (a laptop screen, a few
 * attribute columns), every column shrinks to fit rather than the last ones needing a sideways scroll.
 */
function fitColumns(g: GridApi<DocumentRow>, host: HTMLElement | null): void {
  // Called two frames after a page arrives: the analyst may have left the Library meanwhile (a destroyed grid
  // answers undefined for its columns).
  if (g.isDestroyed()) return;
  g.autoSizeColumns(FIT_TO_CONTENT);
  const width = g.getAllDisplayedColumns().reduce((n, c) => n + c.getActualWidth(), 0);
  // The host's width less the vertical scrollbar ag-grid keeps beside the rows.
  if (host && width > host.clientWidth - 16)
    // The title keeps a fifth of the table: it is what the analyst reads the rows by.
    g.sizeColumnsToFit({
      defaultMinWidth: 64,
      columnLimits: [
        { key: 'title', minWidth: Math.max(180, Math.round(host.clientWidth / 5)) },
        { key: 'source', minWidth: 80 },
        { key: 'author', minWidth: 80 },
        // Dates and counts keep their content's width (a header may lose its filter icon's room); names shrink.
        ...Object.entries(KEEP_WIDTH).map(([key, most]) => ({
          key,
          minWidth: Math.min(most, g.getColumn(key)?.getActualWidth() ?? most),
        })),
      ],
    });
}

/** The least these columns shrink to when the table is too narrow (a long date still shows whole). */
const KEEP_WIDTH: Record<string, number> = { published: 150, words: 84, claims: 88, format: 76 };

/** The first page LibraryView asked for before this table loaded, for the filter it names. */
export interface FirstPage {
  key: string;
  promise: Promise<MethodOutput<'pageDocuments'>>;
}

export interface LibraryTableProps {
  filter: DocumentFilter;
  first: FirstPage;
  /** Bumped when documents, claims or attributes change: the blocks in view are asked again. */
  version: number;
  attributes: Attribute[];
  selection: LibrarySelection;
  onSelection: (s: LibrarySelection) => void;
  onTotal: (n: number) => void;
  /** The column filters (attribute columns, words, claims), as the page query's fields. */
  onColumnFilter: (f: DocumentFilter) => void;
  /** Set by the table: starts renaming the document (its title cell becomes an input). */
  renameRef: { current: ((docId: number) => void) | null };
}

export default function LibraryTable(props: LibraryTableProps): ReactNode {
  const { navigate, setStatus } = useProject();
  const theme = useGridTheme();
  const gridApi = useRef<GridApi<DocumentRow> | null>(null);
  // Only the document being renamed has an editable title: double-click and Enter still open the Reader.
  const renaming = useRef<number | null>(null);
  // The datasource reads the latest props through refs: ag-grid keeps one datasource object.
  const latest = useRef(props);
  latest.current = props;
  const usedFirst = useRef<FirstPage['promise'] | null>(null);
  const sized = useRef(false);
  const host = useRef<HTMLDivElement | null>(null);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params: IGetRowsParams) => {
        const p = latest.current;
        const order = orderOf(params.sortModel);
        const filter = { ...p.filter };
        const limit = params.endRow - params.startRow;
        const reuse =
          params.startRow === 0 &&
          limit === BLOCK &&
          order.sort === 'title' &&
          !order.desc &&
          p.first.key === JSON.stringify(filter) &&
          usedFirst.current !== p.first.promise;
        if (reuse) usedFirst.current = p.first.promise;
        const answer = reuse
          ? p.first.promise
          : api.pageDocuments({ ...filter, ...order, offset: params.startRow, limit });
        answer
          .then((page) => {
            params.successCallback(page.rows, page.total);
            // Sized once the first real rows are drawn (the infinite model draws placeholder rows before them).
            if (!sized.current && page.rows.length)
              // Two frames: ag-grid draws the rows in a frame of its own after the callback.
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  sized.current = true;
                  if (gridApi.current) fitColumns(gridApi.current, host.current);
                }),
              );
            latest.current.onTotal(page.total);
          })
          .catch((e: unknown) => {
            params.failCallback();
            setStatus(`The documents could not be listed: ${errorMessage(e)}`, 'error');
          });
      },
    }),
    [setStatus],
  );

  // A new filter from the Library's bar or the set chip: the rows are asked again from the top.
  const filterKey = JSON.stringify(props.filter);
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    gridApi.current?.purgeInfiniteCache();
  }, [filterKey]);
  // Data changed (an import, a title, a claim, an attribute): the blocks are asked again, the scroll stays.
  const seenVersion = useRef(props.version);
  useEffect(() => {
    if (seenVersion.current === props.version) return;
    seenVersion.current = props.version;
    gridApi.current?.refreshInfiniteCache();
  }, [props.version]);
  // "All matching" is drawn by the table's row classes, not by the grid's own selection of loaded rows.
  const all = props.selection.kind === 'all';
  const except = props.selection.kind === 'all' ? props.selection.except : null;
  useEffect(() => {
    const g = gridApi.current;
    if (!g) return;
    if (all) g.deselectAll();
    g.redrawRows();
  }, [all, except]);
  useEffect(() => {
    if (props.selection.kind === 'rows' && props.selection.ids.length === 0) gridApi.current?.deselectAll();
  }, [props.selection]);

  const rename = (docId: number): void => {
    const g = gridApi.current;
    const node = g?.getRowNode(String(docId));
    if (!g || !node || node.rowIndex === null) return;
    renaming.current = docId;
    g.ensureIndexVisible(node.rowIndex);
    g.startEditingCell({ rowIndex: node.rowIndex, colKey: 'title' });
  };
  props.renameRef.current = rename;

  const saveTitle = async (e: NewValueParams<DocumentRow>): Promise<void> => {
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

  const fixed = useMemo<ColDef<DocumentRow>[]>(
    () => [
      {
        field: 'title',
        headerName: 'Title',
        flex: 3,
        minWidth: 200,
        sort: 'asc',
        editable: (p) => p.data?.id === renaming.current,
        onCellValueChanged: (e) => void saveTitle(e),
        tooltipValueGetter: (p) => (p.value as string) ?? '',
      },
      { field: 'source', headerName: 'Source', minWidth: 100, maxWidth: 220 },
      {
        field: 'author',
        headerName: 'Author',
        minWidth: 100,
        maxWidth: 220,
        // Documents imported before bylines were normalised are shown the same way ("By …" dropped).
        valueFormatter: (p) => normalizeByline((p.value as string) ?? ''),
      },
      {
        field: 'published',
        headerName: 'Date',
        minWidth: 100,
        // Sorted by the stored ISO date, shown as people read it.
        valueFormatter: (p) => readableDate((p.value as string) ?? ''),
      },
      {
        field: 'words',
        headerName: 'Words',
        ...numberCol,
        ...rangeFilter,
        valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toLocaleString() : ''),
      },
      { field: 'claims', headerName: 'Claims', ...numberCol, ...rangeFilter },
      { field: 'format', headerName: 'Format', width: 84 },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saveTitle reads refs and stable context only
    [],
  );

  const columns = useMemo<ColDef<DocumentRow>[]>(() => {
    const save = async (docId: number, name: string, value: string | number | null): Promise<void> => {
      try {
        await api.setDocumentAttributes({ docId, values: { [name]: value } });
        setStatus(`${name} saved ✓`, 'ok');
      } catch (e) {
        setStatus(`${name} was not saved: ${errorMessage(e)}`, 'error');
        gridApi.current?.refreshInfiniteCache();
      }
    };
    // Attributes after the date, before the counts: they are what the analyst sorts and filters by.
    const at = fixed.findIndex((c) => c.field === 'words');
    return [...fixed.slice(0, at), ...attributeColumns(props.attributes, save), ...fixed.slice(at)];
  }, [fixed, props.attributes, setStatus]);

  const open = (doc: DocumentRow | undefined): void => {
    if (doc) navigate({ view: 'reader', docId: doc.id });
  };

  const onRowClicked = (e: RowClickedEvent<DocumentRow>): void => {
    const s = latest.current.selection;
    if (s.kind !== 'all' || !e.data) return;
    const ev = e.event as MouseEvent | null | undefined;
    const id = e.data.id;
    if (ev?.ctrlKey || ev?.metaKey) {
      const left = s.except.includes(id) ? s.except.filter((x) => x !== id) : [...s.except, id];
      latest.current.onSelection({ kind: 'all', except: left });
    } else {
      latest.current.onSelection({ kind: 'rows', ids: [id] });
      e.node.setSelected(true);
    }
  };

  return (
    <div className="grid-host" ref={host}>
      <AgGridReact<DocumentRow>
        theme={theme}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK}
        maxBlocksInCache={BLOCKS_KEPT}
        infiniteInitialRowCount={BLOCK}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true, filter: false }}
        getRowId={(p) => String(p.data.id)}
        onGridReady={(e) => {
          gridApi.current = e.api;
        }}
        onGridSizeChanged={(e) => sized.current && fitColumns(e.api, host.current)}
        onFilterChanged={(e) =>
          latest.current.onColumnFilter(filterOf(e.api.getFilterModel() as Record<string, ColumnFilterModel>))
        }
        rowClassRules={{
          'all-selected': (p: RowClassParams<DocumentRow>) => {
            const s = latest.current.selection;
            return s.kind === 'all' && !!p.data && !s.except.includes(p.data.id);
          },
        }}
        // Several rows (Ctrl/⌘-click, Shift-click) for Add to set…; a click alone still selects one. While
        // "all matching" is selected, a click leaves it and Ctrl/⌘-click unticks a row (onRowClicked).
        rowSelection={{
          mode: 'multiRow',
          checkboxes: false,
          headerCheckbox: false,
          enableClickSelection: !all,
        }}
        onRowClicked={onRowClicked}
        onSelectionChanged={(e) => {
          if (latest.current.selection.kind === 'all') return;
          latest.current.onSelection({ kind: 'rows', ids: e.api.getSelectedRows().map((d) => d.id) });
        }}
        suppressColumnVirtualisation
        stopEditingWhenCellsLoseFocus
        onCellEditingStopped={() => {
          renaming.current = null;
        }}
        onCellDoubleClicked={(e: CellDoubleClickedEvent<DocumentRow>) => {
          if (!e.colDef.editable || (e.colDef.field === 'title' && renaming.current !== e.data?.id))
            open(e.data);
        }}
        onCellKeyDown={(e: CellKeyDownEvent<DocumentRow>) => {
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
