import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellClickedEvent,
  ColumnGroupOpenedEvent,
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
import { MEASURES, formatValue } from './format';
import { ExcerptPanel, GridExcerpts, type ExcerptItem } from './GridExcerpts';
import { MatrixChart, type ChartRow } from './MatrixChart';
import {
  TOTAL_WIDTH,
  WIDE_COLUMN,
  labelWidth,
  matrixColumns,
  rotatedHeaderHeight,
  type MatrixRow,
} from './matrixColumns';
import { ScrollRail } from './ScrollRail';
import { useWidth } from './useWidth';
import { ExportButtons, Segmented } from './GridControls';
import { useGridState } from './useGridState';
import { DEPENDS, useChangeVersion } from '../../api/useChanges';
import { rowOptions, SetCompare } from '../sets/SetCompare';

type Matrix = MethodOutput<'getMatrix'>;
type Column = Matrix['columns'][number];
export type { MatrixRow };

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
/** Compact rows: more documents on screen (the header's rotated names take height). */
const ROW_HEIGHT = 26;
/** The parents' row of the header: two lines of a group's name (its full name is on hover and in the column). */
const GROUP_HEADER = 40;
const FILTER_ROW = 34;
const RAIL = 24;

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

function excerptCount(total: number, shown: number): string {
  const all = `${total.toLocaleString('en-US')} ${total === 1 ? 'claim' : 'claims'}`;
  return shown < total ? `${all}, the first ${shown.toLocaleString('en-US')} shown` : all;
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
  // The column groups' open/closed state is the saved `collapsed` list (parents whose sub-domains are hidden).
  const onGroupOpened = useCallback(
    (e: ColumnGroupOpenedEvent<MatrixRow>) => {
      const next = new Set(collapsed);
      for (const g of e.columnGroups) {
        const id = Number(g.getGroupId().slice(1));
        if (g.isExpanded()) next.delete(id);
        else next.add(id);
      }
      save({ collapsed: [...next] });
    },
    [collapsed, save],
  );

  const visible = useMemo(() => (shown ? visibleColumns(shown.columns, collapsed) : []), [shown, collapsed]);
  const [hostRef, hostWidth, hostEl] = useWidth();
  // Bumped when the columns change (a group opens, a column is resized): the scroll rail measures again.
  const [columnsTick, setColumnsTick] = useState(0);
  const columnsChanged = useCallback(() => setColumnsTick((t) => t + 1), []);
  const labelW = useMemo(
    () => (shown ? labelWidth([...shown.rows.map((r) => r.label), 'Total'], shown.dimensionLabel) : 150),
    [shown],
  );
  // Names go upwards once the domain columns would be too narrow for them across: all of them fit then.
  // (Before the grid is laid out, a guess from a typical width, so that the first layout is usually the right one.)
  const gridWidth = hostWidth > 0 ? hostWidth : 960;
  const rotated = (gridWidth - labelW - TOTAL_WIDTH) / Math.max(1, visible.length) < WIDE_COLUMN;
  const hasGroups = !!shown?.columns.some((c) => c.hasChildren);
  const headerHeight = useMemo(
    () =>
      rotatedHeaderHeight((shown?.columns ?? []).map((c) => (c.hasChildren ? `${c.name} (all)` : c.name))),
    [shown],
  );

  // The open/closed state is read once per group (openByDefault); later toggles are the grid's own.
  const collapsedAtStart = useRef<Set<number> | null>(null);
  if (saved.loaded && collapsedAtStart.current === null) collapsedAtStart.current = collapsed;
  const columnDefs = useMemo(
    () =>
      shown
        ? matrixColumns({
            columns: shown.columns,
            measure: shown.measure,
            dimensionLabel: shown.dimensionLabel,
            collapsed: collapsedAtStart.current ?? new Set(),
            rotated,
            headerHeight,
            labelWidth: labelW,
            max,
          })
        : [],
    [shown, rotated, headerHeight, labelW, max],
  );

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
  // Rows, the pinned total, the header (rotated names, groups) and the filter row, the scrollbar: no empty space.
  const hostHeight =
    (rows.length + 1) * ROW_HEIGHT +
    (rotated ? headerHeight : 64) +
    (hasGroups ? GROUP_HEADER : 0) +
    FILTER_ROW +
    RAIL +
    8;
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
            {rowOptions(props.dimensions, rowsDim).map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <SetCompare
          rows={rowsDim}
          onRows={(rows) => {
            setChoice(null);
            saved.save({ rows });
          }}
        />
        <Segmented
          label="Measure"
          options={MEASURES}
          value={measure}
          onChange={(id) => saved.save({ measure: id })}
        />
        <span className="muted grow">{measureInfo?.hint}. Click a number for the excerpts behind it.</span>
        <ExportButtons onExport={(f) => void exportAs(f)} disabled={!shown} />
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
        <div className={choice ? 'grid-and-panel open' : 'grid-and-panel'}>
          <div
            ref={hostRef}
            className={
              rotated ? 'grid-host grid-matrix with-rail rotated' : 'grid-host grid-matrix with-rail'
            }
            style={{ height: `min(max(360px, 100vh - 190px), ${hostHeight}px)` }}
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
              onColumnGroupOpened={onGroupOpened}
              rowHeight={ROW_HEIGHT}
              headerHeight={rotated ? headerHeight : undefined}
              floatingFiltersHeight={FILTER_ROW}
              groupHeaderHeight={hasGroups ? GROUP_HEADER : 0}
              onDisplayedColumnsChanged={columnsChanged}
              onColumnResized={columnsChanged}
              tooltipShowDelay={400}
              suppressColumnVirtualisation
            />
            <ScrollRail host={hostEl} tick={[columnsTick, columnDefs]} label="Scroll the domain columns" />
          </div>
          {choice && (
            <ExcerptPanel
              title={choiceTitle}
              count={excerpts ? excerptCount(excerpts.total, excerpts.items.length) : '…'}
              onClose={() => setChoice(null)}
            >
              {excerpts && (
                <GridExcerpts
                  claims={excerpts.items}
                  showDocument={!choice.rowKey || !shown.rows.some((r) => r.docId)}
                />
              )}
            </ExcerptPanel>
          )}
        </div>
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
