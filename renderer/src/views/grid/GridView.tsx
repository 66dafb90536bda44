import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { AgGridReact, type CustomHeaderProps } from 'ag-grid-react';
import type { CellClassParams, CellClickedEvent, ColDef } from 'ag-grid-community';
import type { Claim, MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { ExcerptList } from '../../components/Excerpts';
import { useGridTheme } from '../../components/gridTheme';
import { useProject } from '../../components/ProjectContext';

type GridData = MethodOutput<'getGrid'>;
type Row = { docId: number | null; title: string; total: number } & Record<string, number | string | null>;

interface Cell {
  docId: number | null;
  domainId: number | null;
  label: string;
}

const TOTAL = 'total';

function DomainHeader(props: CustomHeaderProps & { color?: string }): ReactNode {
  return (
    <span className="domain-header" title={props.displayName}>
      {props.color && <span className="swatch" style={{ background: props.color }} />}
      <span>{props.displayName}</span>
    </span>
  );
}

/** Documents × domains: each cell counts claims; every number opens the excerpts behind it. */
export function GridView(): ReactNode {
  const { version, navigate } = useProject();
  const theme = useGridTheme();
  const [data, setData] = useState<GridData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cell, setCell] = useState<Cell | null>(null);
  const [excerpts, setExcerpts] = useState<Claim[] | null>(null);

  useEffect(() => {
    let live = true;
    api
      .getGrid({})
      .then((g) => live && setData(g))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    if (!cell) return;
    let live = true;
    setExcerpts(null);
    api
      .listClaims({ docId: cell.docId ?? undefined, domainId: cell.domainId ?? undefined })
      .then((cs) => live && setExcerpts(cs))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [cell, version]);

  const { rows, totals, max } = useMemo(() => {
    if (!data) return { rows: [] as Row[], totals: [] as Row[], max: 0 };
    let m = 0;
    const rs: Row[] = data.rows.map((r, i) => {
      const row: Row = { docId: r.docId, title: r.title, total: 0 };
      data.columns.forEach((c, j) => {
        const n = data.counts[i]?.[j] ?? 0;
        row[`d${c.domainId}`] = n;
        row.total += n;
        m = Math.max(m, n);
      });
      return row;
    });
    const total: Row = { docId: null, title: 'All documents', total: 0 };
    data.columns.forEach((c) => {
      const n = rs.reduce((s, r) => s + (r[`d${c.domainId}`] as number), 0);
      total[`d${c.domainId}`] = n;
      total.total += n;
    });
    return { rows: rs, totals: [total], max: m };
  }, [data]);

  const columns = useMemo<ColDef<Row>[]>(() => {
    if (!data) return [];
    const heat = (p: CellClassParams<Row>) => {
      const n = Number(p.value ?? 0);
      if (p.node.rowPinned || !n || !max) return null;
      return { backgroundColor: `rgba(59, 91, 219, ${(0.1 + 0.5 * (n / max)).toFixed(3)})` };
    };
    return [
      {
        field: 'title',
        headerName: 'Document',
        pinned: 'left',
        width: 230,
        cellClass: 'doc-cell',
        tooltipField: 'title',
      },
      ...data.columns.map<ColDef<Row>>((c) => ({
        colId: `d${c.domainId}`,
        field: `d${c.domainId}`,
        headerName: c.name,
        headerComponent: DomainHeader,
        headerComponentParams: { color: c.color },
        flex: 1,
        minWidth: 76,
        type: 'rightAligned',
        cellClass: (p) => ['num', 'count-cell', Number(p.value) ? '' : 'zero'],
        cellStyle: heat,
        wrapHeaderText: true,
        autoHeaderHeight: true,
      })),
      {
        colId: TOTAL,
        field: TOTAL,
        headerName: 'Total',
        pinned: 'right',
        width: 72,
        type: 'rightAligned',
        cellClass: ['num', 'count-cell', 'total-cell'],
      },
    ];
  }, [data, max]);

  const onCellClicked = (e: CellClickedEvent<Row>): void => {
    const colId = e.column.getColId();
    if (!e.data || colId === 'title') {
      if (e.data?.docId) navigate({ view: 'reader', docId: e.data.docId });
      return;
    }
    const domainId = colId === TOTAL ? null : Number(colId.slice(1));
    const domainName =
      domainId === null ? 'all domains' : (data?.columns.find((c) => c.domainId === domainId)?.name ?? '');
    setCell({ docId: e.data.docId, domainId, label: `${e.data.title} × ${domainName}` });
  };

  if (error)
    return (
      <div className="empty-state" role="alert">
        <h2>The grid could not be built</h2>
        <p>{error}</p>
      </div>
    );
  if (!data) return <div className="loading">Counting claims…</div>;
  const anyClaims = totals[0]?.total > 0;
  // Few documents: the grid takes just the height it needs; many: it scrolls inside a fixed frame.
  const small = rows.length <= 25;

  return (
    <div className="grid-view">
      <div className="view-head">
        <div>
          <h1>Grid</h1>
          <p className="muted">
            Documents × domains: each cell counts claims. Click a number to see the excerpts behind it.
          </p>
        </div>
      </div>
      {!anyClaims && (
        <div className="empty-state compact">
          <h2>No claims yet</h2>
          <p>
            Tag some claims in the Reader first: select a passage, pick a domain, and the counts appear here.
          </p>
        </div>
      )}
      <div className={`grid-host grid-matrix${small ? ' auto-height' : ''}`}>
        <AgGridReact<Row>
          theme={theme}
          rowData={rows}
          pinnedBottomRowData={totals}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true, suppressMovable: true }}
          getRowId={(p) => String(p.data.docId ?? 'total')}
          onCellClicked={onCellClicked}
          domLayout={small ? 'autoHeight' : 'normal'}
        />
      </div>
      {cell && (
        <section className="cell-excerpts" aria-label="Excerpts">
          <div className="section-head">
            <h2>{cell.label}</h2>
            <span className="muted">
              {excerpts ? `${excerpts.length} ${excerpts.length === 1 ? 'claim' : 'claims'}` : '…'}
            </span>
            <button
              type="button"
              className="icon"
              aria-label="Close the excerpts"
              onClick={() => setCell(null)}
            >
              ×
            </button>
          </div>
          {excerpts && (
            <ExcerptList
              claims={excerpts}
              showDocument={cell.docId === null}
              empty="No claims in this cell."
            />
          )}
        </section>
      )}
    </div>
  );
}
