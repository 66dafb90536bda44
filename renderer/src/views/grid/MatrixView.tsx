import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AgGridReact, type CustomInnerHeaderProps } from 'ag-grid-react';
import type {
  CellClickedEvent,
  ColDef,
  GridApi,
  GridState,
  IRowNode,
  StateUpdatedEvent,
} from 'ag-grid-community';
import type { MethodOutput } from '../../../../shared/api';
import type { Measure } from '../../../../shared/api/grids';
import { api, errorMessage } from '../../api/client';
import { useGridTheme } from '../../components/gridTheme';
import { useProject } from '../../components/ProjectContext';
import { downloadBlob, slug } from './files';
import { MEASURES, formatValue, heat } from './format';
import { ExcerptPanel, GridExcerpts, type ExcerptItem } from './GridExcerpts';
import { MatrixChart, type ChartRow } from './MatrixChart';
import { useGridState } from './useGridState';
import { DEPENDS, useChangeVersion } from '../../api/useChanges';

type Matrix = MethodOutput<'getMatrix'>;
type Column = Matrix['columns'][number];
export type MatrixRow = {
  rowId: string;
  key: string | null;
  label: string;
  docId?: number;
  total: number;
} & Record<string, number | string | null | undefined>;

interface SavedMatrix {
  rows: string;
  measure: Measure;
  collapsed: number[];
  grid: GridState;
}

interface CellChoice {
  rowKey?: { key: string | null; label: string };
  domain?: Column;
}

const TOTAL_ROW = '__total';

function DomainHeader(
  props: CustomInnerHeaderProps & {
    domain: Column;
    collapsed: boolean;
    onToggle: (id: number) => void;
  },
): ReactNode {
  const { domain } = props;
  return (
    <span className="domain-header" title={domain.name} style={{ paddingLeft: domain.depth * 8 }}>
      {domain.hasChildren && (
        <button
          type="button"
          className="tree-toggle"
          aria-label={`${props.collapsed ? 'Expand' : 'Collapse'} ${domain.name}`}
          aria-expanded={!props.collapsed}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggle(domain.domainId);
          }}
        >
          {props.collapsed ? '▸' : '▾'}
        </button>
      )}
      <span className="swatch" style={{ background: domain.color }} />
      <span>{props.displayName}</span>
    </span>
  );
}

/** Columns shown: every domain whose ancestors are all expanded. */
function visibleColumns(columns: Column[], collapsed: Set<number>): Column[] {
  const byId = new Map(columns.map((c) => [c.domainId, c]));
  return columns.filter((c) => {
    for (let p = c.parentId; p !== null; p = byId.get(p)?.parentId ?? null) {
      if (collapsed.has(p)) return false;
    }
    return true;
  });
}

/** Rows (documents or attribute values) × domains, with a switchable measure, totals, heat-map and chart. */
export function MatrixView(props: { dimensions: { id: string; label: string }[] }): ReactNode {
  const { navigate, setStatus } = useProject();
  const version = useChangeVersion(DEPENDS.grid);
  const theme = useGridTheme();
  const saved = useGridState<SavedMatrix>('matrix');
  const rowsDim = saved.state.rows ?? 'documents';
  const measure = saved.state.measure ?? 'count';
  const collapsed = useMemo(() => new Set(saved.state.collapsed ?? []), [saved.state.collapsed]);
  const [data, setData] = useState<Matrix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<CellChoice | null>(null);
  const [excerpts, setExcerpts] = useState<{ total: number; items: ExcerptItem[] } | null>(null);
  const [shownRows, setShownRows] = useState<MatrixRow[]>([]);
  const gridApi = useRef<GridApi<MatrixRow> | null>(null);
  const initialGrid = useRef<GridState | undefined>(undefined);

  useEffect(() => {
    if (!saved.loaded) return;
    let live = true;
    setError(null);
    api
      .getMatrix({ rows: rowsDim, measure })
      .then((m) => live && setData(m))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [saved.loaded, rowsDim, measure, version]);

  useEffect(() => {
    if (!choice || !data) return;
    let live = true;
    setExcerpts(null);
    api
      .queryClaims({
        filter: {
          domainIds: choice.domain ? [choice.domain.domainId] : undefined,
          row: choice.rowKey ? { dimension: data.dimension, key: choice.rowKey.key } : undefined,
        },
        sort: [{ column: 'document' }, { column: 'start' }],
        limit: 500,
      })
      .then((r) => live && setExcerpts({ total: r.total, items: r.rows }))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [choice, data]);

  const shown = data && data.dimension === rowsDim && data.measure === measure ? data : null;

  const { rows, totals, max } = useMemo(() => {
    if (!shown) return { rows: [] as MatrixRow[], totals: [] as MatrixRow[], max: 0 };
    let m = 0;
    const rs = shown.rows.map<MatrixRow>((r, i) => {
      const row: MatrixRow = {
        rowId: r.key ?? '∅',
        key: r.key,
        label: r.label,
        docId: r.docId,
        total: shown.rowTotals[i] ?? 0,
      };
      shown.columns.forEach((c, j) => {
        const v = shown.values[i]?.[j] ?? 0;
        row[`d${c.domainId}`] = v;
        if (v > m) m = v;
      });
      return row;
    });
    const total: MatrixRow = { rowId: TOTAL_ROW, key: null, label: 'Total', total: shown.total };
    shown.columns.forEach((c, j) => (total[`d${c.domainId}`] = shown.columnTotals[j] ?? 0));
    return { rows: rs, totals: [total], max: m };
  }, [shown]);

  const save = saved.save;
  const toggle = useCallback(
    (id: number) => {
      const next = new Set(collapsed);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      save({ collapsed: [...next] });
    },
    [collapsed, save],
  );

  const visible = useMemo(() => (shown ? visibleColumns(shown.columns, collapsed) : []), [shown, collapsed]);

  const columnDefs = useMemo<ColDef<MatrixRow>[]>(() => {
    if (!shown) return [];
    const fmt = (v: unknown): string => (typeof v === 'number' ? formatValue(shown.measure, v) : '');
    return [
      {
        colId: 'label',
        field: 'label',
        headerName: shown.dimensionLabel,
        pinned: 'left',
        width: 210,
        cellClass: (p) => (p.data?.docId ? 'doc-cell' : 'row-label'),
        tooltipField: 'label',
        filter: 'agTextColumnFilter',
        floatingFilter: true,
      },
      ...shown.columns.map<ColDef<MatrixRow>>((c) => ({
        colId: `d${c.domainId}`,
        field: `d${c.domainId}`,
        headerName: c.name,
        hide: !visible.includes(c),
        headerComponentParams: {
          innerHeaderComponent: DomainHeader,
          domain: c,
          collapsed: collapsed.has(c.domainId),
          onToggle: toggle,
        },
        suppressHeaderFilterButton: true,
        flex: 1,
        minWidth: 126,
        headerClass: 'domain-col-header',
        type: 'numericColumn',
        filter: 'agNumberColumnFilter',
        valueFormatter: (p) => fmt(p.value),
        cellClass: (p) => ['num', 'count-cell', p.value ? '' : 'zero'],
        cellStyle: (p) =>
          p.node.rowPinned ? null : { backgroundColor: heat(Number(p.value ?? 0), max) ?? 'transparent' },
        wrapHeaderText: true,
        autoHeaderHeight: true,
      })),
      {
        colId: 'total',
        field: 'total',
        headerName: 'Total',
        pinned: 'right',
        width: 106,
        type: 'numericColumn',
        filter: 'agNumberColumnFilter',
        suppressHeaderFilterButton: true,
        valueFormatter: (p) => fmt(p.value),
        cellClass: ['num', 'count-cell', 'total-cell'],
      },
    ];
  }, [shown, visible, collapsed, toggle, max]);

  const onCellClicked = (e: CellClickedEvent<MatrixRow>): void => {
    if (!e.data || !shown) return;
    const colId = e.column.getColId();
    const isTotalRow = e.data.rowId === TOTAL_ROW;
    if (colId === 'label') {
      if (e.data.docId) navigate({ view: 'reader', docId: e.data.docId });
      return;
    }
    const domain = colId === 'total' ? undefined : shown.columns.find((c) => `d${c.domainId}` === colId);
    setChoice({ rowKey: isTotalRow ? undefined : { key: e.data.key, label: e.data.label }, domain });
  };

  const collectShown = (): void => {
    const out: MatrixRow[] = [];
    gridApi.current?.forEachNodeAfterFilterAndSort((n: IRowNode<MatrixRow>) => n.data && out.push(n.data));
    setShownRows(out);
  };

  const onStateUpdated = (e: StateUpdatedEvent<MatrixRow>): void => {
    const { sort, filter, columnPinning, columnSizing } = e.state;
    saved.save({ grid: { sort, filter, columnPinning, columnSizing } }, true);
  };

  const exportAs = async (format: 'csv' | 'xlsx'): Promise<void> => {
    const g = gridApi.current;
    if (!g || !shown) return;
    const cols = g.getAllDisplayedColumns();
    const header = cols.map((c) => {
      const id = c.getColId();
      if (id === 'label') return shown.dimensionLabel;
      if (id === 'total') return 'Total';
      return shown.columns.find((d) => `d${d.domainId}` === id)?.name ?? id;
    });
    const cellsOf = (r: MatrixRow): (string | number | null)[] =>
      cols.map((c) => {
        const v = r[c.getColId()];
        return v === undefined ? null : v;
      });
    const body: (string | number | null)[][] = [];
    g.forEachNodeAfterFilterAndSort((n) => n.data && body.push(cellsOf(n.data)));
    body.push(cellsOf(totals[0]));
    const measureLabel = MEASURES.find((m) => m.id === shown.measure)?.label ?? shown.measure;
    const title = `${shown.dimensionLabel} × domains — ${measureLabel}`;
    try {
      const file = await api.exportGrid({ format, title, columns: header, rows: body });
      downloadBlob({ ...file, fileName: `matrix-${slug(shown.dimensionLabel)}-${shown.measure}.${format}` });
      setStatus(`Exported the matrix as ${format.toUpperCase()} (${body.length - 1} rows)`, 'ok');
    } catch (e) {
      setStatus(`The matrix could not be exported: ${errorMessage(e)}`, 'error');
    }
  };

  const chartRows = useMemo<ChartRow[]>(() => {
    const leaves = visible.filter((c) => !c.hasChildren || collapsed.has(c.domainId));
    return shownRows.map((r) => ({
      label: r.label,
      segments: leaves.map((c) => ({
        color: c.color,
        name: c.name,
        value: Number(r[`d${c.domainId}`] ?? 0),
      })),
    }));
  }, [shownRows, visible, collapsed]);

  if (error)
    return (
      <div className="empty-state" role="alert">
        <h2>The matrix could not be built</h2>
        <p>{error}</p>
      </div>
    );
  if (!saved.loaded) return <div className="loading">Loading…</div>;
  if (initialGrid.current === undefined) initialGrid.current = saved.state.grid ?? {};
  const measureInfo = MEASURES.find((m) => m.id === measure);
  const choiceTitle = choice
    ? `${choice.rowKey?.label ?? 'All rows'} × ${choice.domain?.name ?? 'all domains'}`
    : '';

  return (
    <>
      <div className="grid-toolbar">
        <label className="field">
          <span>Rows</span>
          <select
            aria-label="Rows"
            value={rowsDim}
            onChange={(e) => {
              setChoice(null);
              saved.save({ rows: e.target.value });
            }}
          >
            {props.dimensions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="radiogroup" aria-label="Measure">
          {MEASURES.map((m) => (
            <button
              key={m.id}
              type="button"
              role="radio"
              aria-checked={measure === m.id}
              className={measure === m.id ? 'active' : undefined}
              title={m.hint}
              onClick={() => saved.save({ measure: m.id })}
            >
              {m.label}
            </button>
          ))}
        </div>
        <span className="muted grow">{measureInfo?.hint}. Click a number for the excerpts behind it.</span>
        <button type="button" onClick={() => void exportAs('csv')} disabled={!shown}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')} disabled={!shown}>
          Export XLSX
        </button>
      </div>
      {shown && shown.total === 0 && measure === 'count' && (
        <div className="empty-state compact">
          <h2>No claims yet</h2>
          <p>
            Tag some claims in the Reader first: select a passage, pick a domain, and the counts appear here.
          </p>
        </div>
      )}
      {!shown ? (
        <div className="loading">Counting…</div>
      ) : (
        <div
          className="grid-host grid-matrix"
          style={{ height: `min(62vh, ${rows.length * 32 + 180}px)` }}
          data-measure={shown.measure}
        >
          <AgGridReact<MatrixRow>
            theme={theme}
            rowData={rows}
            pinnedBottomRowData={totals}
            columnDefs={columnDefs}
            defaultColDef={{ sortable: true, resizable: true }}
            initialState={initialGrid.current}
            getRowId={(p) => p.data.rowId}
            onGridReady={(e) => {
              gridApi.current = e.api;
            }}
            onModelUpdated={collectShown}
            onStateUpdated={onStateUpdated}
            onCellClicked={onCellClicked}
            tooltipShowDelay={400}
            suppressColumnVirtualisation
          />
        </div>
      )}
      {choice && (
        <ExcerptPanel
          title={choiceTitle}
          count={excerpts ? `${excerpts.total} ${excerpts.total === 1 ? 'claim' : 'claims'}` : '…'}
          onClose={() => setChoice(null)}
        >
          {excerpts && (
            <GridExcerpts
              claims={excerpts.items}
              showDocument={!choice.rowKey || !shown?.rows.some((r) => r.docId)}
            />
          )}
        </ExcerptPanel>
      )}
      {shown && chartRows.length > 0 && (
        <MatrixChart
          title={`${shown.dimensionLabel} × domains — ${measureInfo?.label ?? measure}`}
          fileName={`chart-${slug(shown.dimensionLabel)}-${shown.measure}`}
          rows={chartRows}
          format={(v) => formatValue(shown.measure, v)}
        />
      )}
    </>
  );
}
