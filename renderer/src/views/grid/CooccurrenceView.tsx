import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClickedEvent, ColDef } from 'ag-grid-community';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { DomainChips } from '../../components/Excerpts';
import { useGridTheme } from '../../components/gridTheme';
import { useProject } from '../../components/ProjectContext';
import { readerHref } from '../../components/route';
import { heat } from './format';
import { ExcerptPanel } from './GridExcerpts';
import { useGridState } from './useGridState';
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
  const { domainById } = useProject();
  const version = useChangeVersion(DEPENDS.claims);
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
        <div className="segmented" role="radiogroup" aria-label="Co-occurrence">
          {KINDS.map((k) => (
            <button
              key={k.id}
              type="button"
              role="radio"
              aria-checked={kind === k.id}
              className={kind === k.id ? 'active' : undefined}
              title={k.hint}
              onClick={() => saved.save({ kind: k.id })}
            >
              {k.label}
            </button>
          ))}
        </div>
        <span className="muted grow">
          {KINDS.find((k) => k.id === kind)?.hint}; the diagonal counts each domain’s claims. Click a number
          for the excerpts.
        </span>
      </div>
      <div
        className="grid-host grid-matrix"
        style={{ height: `min(66vh, ${rows.length * 32 + 112}px)` }}
        data-kind={kind}
      >
        <AgGridReact<Row>
          theme={theme}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true }}
          getRowId={(p) => String(p.data.domainId)}
          onCellClicked={onCellClicked}
          suppressColumnVirtualisation
        />
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
                  {item.claims.map((c) => (
                    <a key={c.id} className="excerpt" href={readerHref(c.docId, c.id)} data-claim-id={c.id}>
                      <span className="excerpt-quote">“{c.quote}”</span>
                      <span className="excerpt-meta">
                        <DomainChips ids={c.domainIds} />
                      </span>
                    </a>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </ExcerptPanel>
      )}
    </>
  );
}
