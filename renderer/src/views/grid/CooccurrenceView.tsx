import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClickedEvent, ColDef, GridApi } from 'ag-grid-community';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useGridTheme } from '../../components/gridTheme';
import { useProject } from '../../components/ProjectContext';
import { downloadBlob } from './files';
import { heat } from './format';
import { ExcerptPanel, GridExcerpts, useTexts } from './GridExcerpts';
import { ScrollRail } from './ScrollRail';
import { ExportButtons, Segmented } from './GridControls';
import { useGridState } from './useGridState';
import { useWidth } from './useWidth';
import { DEPENDS, useChangeVersion } from '../../api/useChanges';

type Cooc = MethodOutput<'getCooccurrence'>;
type Pairs = MethodOutput<'getCooccurrenceExcerpts'>;
type Kind = 'same' | 'overlap';
type Row = { domainId: number; name: string; color: string } & Record<string, number | string>;

const KINDS: { id: Kind; label: string; hint: string }[] = [
  { id: 'same', label: 'Same claim', hint: 'Claims tagged with both domains' },
  {
    id: 'overlap',
    label: 'Overlapping',
    hint: 'Pairs of claims, one in each domain, that overlap in the text',
  },
];

function NameCell(props: { data?: Row }): ReactNode {
  if (!props.data) return null;
  return (
    <span className="domain-name-cell" title={props.data.name}>
      <span className="swatch" style={{ background: props.data.color }} />
      {props.data.name}
    </span>
  );
}

/** Domains × domains: how often two domains meet, on one claim or in overlapping claims. */
export function CooccurrenceView(): ReactNode {
  const { domainById, setStatus } = useProject();
  const version = useChangeVersion(DEPENDS.claims);
  const gridApi = useRef<GridApi<Row> | null>(null);
  const [hostRef, , hostEl] = useWidth();
  const [columnsTick, setColumnsTick] = useState(0);
  const theme = useGridTheme();
  const saved = useGridState<{ kind: Kind }>('cooccurrence');
  const kind = saved.state.kind ?? 'same';
  const [data, setData] = useState<Cooc | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState<{ a: number; b: number } | null>(null);
  const [pairs, setPairs] = useState<Pairs | null>(null);

  useEffect(() => {
    let live = true;
    api
      .getCooccurrence({})
      .then((c) => live && setData(c))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    if (!pick) return;
    let live = true;
    setPairs(null);
    api
      .getCooccurrenceExcerpts({ domainA: pick.a, domainB: pick.b, kind, limit: 200 })
      .then((p) => live && setPairs(p))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [pick, kind, version]);

  const matrix = data?.[kind];
  const { rows, max } = useMemo(() => {
    if (!data || !matrix) return { rows: [] as Row[], max: 0 };
    let m = 0;
    const rs = data.columns.map<Row>((c, i) => {
      const row: Row = { domainId: c.domainId, name: c.name, color: c.color };
      data.columns.forEach((d, j) => {
        const v = matrix[i]?.[j] ?? 0;
        row[`d${d.domainId}`] = v;
        if (i !== j && v > m) m = v;
      });
      return row;
    });
    return { rows: rs, max: m };
  }, [data, matrix]);

  const columnDefs = useMemo<ColDef<Row>[]>(() => {
    if (!data) return [];
    return [
      {
        colId: 'name',
        field: 'name',
        headerName: 'Domain',
        pinned: 'left',
        width: 270,
        cellRenderer: NameCell,
      },
      ...data.columns.map<ColDef<Row>>((c) => ({
        colId: `d${c.domainId}`,
        field: `d${c.domainId}`,
        headerName: c.name,
        headerComponentParams: {
          innerHeaderComponent: () => (
            <span className="domain-header" title={c.name}>
              <span className="swatch" style={{ background: c.color }} />
              <span>{c.name}</span>
            </span>
          ),
        },
        flex: 1,
        minWidth: 126,
        headerClass: 'domain-col-header',
        type: 'numericColumn',
        wrapHeaderText: true,
        autoHeaderHeight: true,
        cellClass: (p) => [
          'num',
          'count-cell',
          p.data?.domainId === c.domainId ? 'diagonal' : '',
          p.value ? '' : 'zero',
        ],
        cellStyle: (p) =>
          p.data?.domainId === c.domainId
            ? null
            : { backgroundColor: heat(Number(p.value ?? 0), max) ?? 'transparent' },
      })),
    ];
  }, [data, max]);

  const onCellClicked = (e: CellClickedEvent<Row>): void => {
    const colId = e.column.getColId();
    if (!e.data || colId === 'name') return;
    setPick({ a: e.data.domainId, b: Number(colId.slice(1)) });
  };

  const texts = useTexts(pairs ? pairs.items.flatMap((item) => item.claims.map((c) => c.docId)) : []);

  const exportAs = async (format: 'csv' | 'xlsx'): Promise<void> => {
    // The rows in the order on screen (the analyst may have sorted them); the core writes the file.
    const rowOrder: number[] = [];
    gridApi.current?.forEachNodeAfterFilterAndSort((n) => n.data && rowOrder.push(n.data.domainId));
    try {
      const file = await api.exportCooccurrence({ format, kind, rowOrder });
      downloadBlob({ ...file, fileName: `cooccurrence-${kind}.${format}` });
      setStatus(`Exported the co-occurrence table as ${format.toUpperCase()}`, 'ok');
    } catch (e) {
      setStatus(`The co-occurrence table could not be exported: ${errorMessage(e)}`, 'error');
    }
  };

  if (error)
    return (
      <div className="empty-state" role="alert">
        <h2>The co-occurrence table could not be built</h2>
        <p>{error}</p>
      </div>
    );
  if (!data || !saved.loaded) return <div className="loading">Counting…</div>;
  const nameA = pick ? (domainById.get(pick.a)?.name ?? '') : '';
  const nameB = pick ? (domainById.get(pick.b)?.name ?? '') : '';

  return (
    <>
      <div className="grid-toolbar">
        <Segmented
          label="Co-occurrence"
          options={KINDS}
          value={kind}
          onChange={(id) => saved.save({ kind: id })}
        />
        <span className="muted grow">
          {KINDS.find((k) => k.id === kind)?.hint}; the diagonal counts each domain’s claims. Click a number
          for the excerpts.
        </span>
        <ExportButtons onExport={(f) => void exportAs(f)} />
      </div>
      <div className={pick ? 'grid-and-panel open' : 'grid-and-panel'}>
        <div
          ref={hostRef}
          className="grid-host grid-matrix with-rail"
          style={{ height: `min(70vh, ${rows.length * 32 + 136}px)` }}
          data-kind={kind}
        >
          <AgGridReact<Row>
            theme={theme}
            rowData={rows}
            columnDefs={columnDefs}
            defaultColDef={{ sortable: true, resizable: true }}
            getRowId={(p) => String(p.data.domainId)}
            onGridReady={(e) => {
              gridApi.current = e.api;
            }}
            onCellClicked={onCellClicked}
            onDisplayedColumnsChanged={() => setColumnsTick((t) => t + 1)}
            onColumnResized={() => setColumnsTick((t) => t + 1)}
            suppressColumnVirtualisation
          />
          <ScrollRail host={hostEl} tick={[columnsTick, columnDefs]} label="Scroll the domain columns" />
        </div>
        {pick && (
          <ExcerptPanel
            title={pick.a === pick.b ? nameA : `${nameA} × ${nameB}`}
            count={pairs ? `${pairs.total} ${kind === 'same' ? 'claims' : 'overlapping pairs'}` : '…'}
            onClose={() => setPick(null)}
          >
            {pairs && pairs.items.length === 0 && <p className="muted">Nothing here.</p>}
            {pairs && (
              <ul className="excerpts pairs">
                {pairs.items.map((item, i) => (
                  <li key={i} className="pair">
                    <span className="excerpt-doc">{item.title}</span>
                    <GridExcerpts claims={item.claims} showDocument={false} texts={texts} />
                  </li>
                ))}
              </ul>
            )}
          </ExcerptPanel>
        )}
      </div>
    </>
  );
}
