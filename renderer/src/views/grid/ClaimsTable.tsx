import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  ColDef,
  GridApi,
  GridState,
  IDatasource,
  CellKeyDownEvent,
  IGetRowsParams,
  RowDoubleClickedEvent,
  SelectionChangedEvent,
  StateUpdatedEvent,
} from 'ag-grid-community';
import type { z } from 'zod';
import type { MethodInput, MethodOutput } from '../../../../shared/api';
import type { ClaimsFilter, GroupColumn, SortColumn } from '../../../../shared/api/grids';
import { api, errorMessage } from '../../api/client';
import { DomainChips } from '../../components/Excerpts';
import { useGridTheme } from '../../components/gridTheme';
import { useProject } from '../../components/ProjectContext';
import { downloadBlob } from './files';
import { ExcerptPanel, GridExcerpts } from './GridExcerpts';
import { ExportButtons, Segmented } from './GridControls';
import { ScrollRail } from './ScrollRail';
import { useWidth } from './useWidth';
import { useGridState } from './useGridState';
import { DEPENDS, useChangeVersion } from '../../api/useChanges';
import { SetChips } from '../sets/SetChips';

type Filter = z.infer<typeof ClaimsFilter>;
type Row = MethodOutput<'queryClaims'>['rows'][number];
type Group = MethodOutput<'getClaimGroups'>[number];
type By = z.infer<typeof GroupColumn>;
type Sort = NonNullable<MethodInput<'queryClaims'>['sort']>;
type Column = MethodInput<'exportClaimsTable'>['columns'][number]['field'];

interface Saved {
  search: string;
  domain: number | null;
  stance: string;
  grading: string;
  analyst: string;
  /** Document sets: only the claims of their documents. */
  sets?: number[];
  groupBy: By | '';
  group: { by: By; value: string | number | null; label: string } | null;
  /** How many lines of the quote and note each row shows. */
  lines: Lines;
  grid: GridState;
}

type Lines = 1 | 3 | 6;
// The table pages its rows from the core (infinite row model), which needs one row height for all: the analyst
// picks how many lines of the quote a row shows, and the selected claim is shown whole beside the table.
const LINES: { id: Lines; label: string; height: number }[] = [
  { id: 1, label: '1 line', height: 32 },
  { id: 3, label: '3 lines', height: 66 },
  { id: 6, label: '6 lines', height: 118 },
];

const SORTABLE: Record<string, z.infer<typeof SortColumn>> = {
  id: 'id',
  documentTitle: 'document',
  start: 'start',
  quote: 'quote',
  note: 'note',
  actor: 'actor',
  stance: 'stance',
  grading: 'grading',
  analyst: 'analyst',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
};

const GROUPS: { id: By; label: string }[] = [
  { id: 'document', label: 'Document' },
  { id: 'domain', label: 'Domain' },
  { id: 'actor', label: 'Actor' },
  { id: 'stance', label: 'Stance' },
  { id: 'grading', label: 'Grading' },
  { id: 'reliability', label: 'Reliability' },
  { id: 'credibility', label: 'Credibility' },
  { id: 'analyst', label: 'Analyst' },
  { id: 'createdAt', label: 'Created (day)' },
];

/** The claims filter a clicked group adds to the table. */
function groupFilter(by: By, value: string | number | null): Filter | null {
  switch (by) {
    case 'document':
      return { docIds: [Number(value)] };
    case 'domain':
      return { domainIds: [Number(value)], subdomains: false };
    case 'actor':
      return { actors: [value === null ? '' : String(value)] };
    case 'analyst':
      return { analysts: [value === null ? '' : String(value)] };
    case 'stance':
      return { stances: [value === null ? 'none' : (String(value) as 'supports')] };
    case 'reliability':
      return { reliabilities: [value === null ? 'none' : (String(value) as 'A')] };
    case 'credibility':
      return { credibilities: [value === null ? 'none' : (Number(value) as 1)] };
    case 'grading': {
      if (value === null) return { reliabilities: ['none'], credibilities: ['none'] };
      const m = /^([A-F])?([1-6])?$/.exec(String(value));
      if (!m) return null;
      return {
        reliabilities: [m[1] ? (m[1] as 'A') : 'none'],
        credibilities: [m[2] ? (Number(m[2]) as 1) : 'none'],
      };
    }
    default:
      return null;
  }
}

function DomainsCell(props: { data?: Row }): ReactNode {
  if (!props.data) return null;
  return (
    <span className="domain-chips">
      <DomainChips ids={props.data.domainIds} />
    </span>
  );
}

/** A text cell that wraps, clamped to the lines the table shows (an ellipsis where it goes on). */
function ClampedCell(props: { value?: unknown }): ReactNode {
  return <span className="clamped">{typeof props.value === 'string' ? props.value : ''}</span>;
}

const dateOnly = (p: { value?: unknown }): string =>
  typeof p.value === 'string' ? p.value.slice(0, 10) : '';

/** Every claim as a row, paged from the core as the analyst scrolls; sort, filter, group and search on the server. */
export function ClaimsTable(): ReactNode {
  const { navigate, domains, setStatus } = useProject();
  // The grid's tables: a set filter's documents change with the sets' members.
  const version = useChangeVersion(DEPENDS.grid);
  const theme = useGridTheme();
  const saved = useGridState<Saved>('claims');
  const s = saved.state;
  const [search, setSearch] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [analysts, setAnalysts] = useState<Group[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Row | null>(null);
  const [hostRef, , hostEl] = useWidth();
  const gridApi = useRef<GridApi<Row> | null>(null);
  const initialGrid = useRef<GridState | undefined>(undefined);
  const searchText = search ?? s.search ?? '';

  // The quick search waits for a pause in typing before it asks the core.
  const [debounced, setDebounced] = useState(searchText);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(searchText), 250);
    return () => clearTimeout(t);
  }, [searchText]);

  const baseFilter = useMemo<Filter>(() => {
    const f: Filter = {};
    if (debounced.trim()) f.search = debounced.trim();
    if (s.domain) f.domainIds = [s.domain];
    if (s.stance) f.stances = [s.stance as 'supports'];
    if (s.grading) {
      const g = groupFilter('grading', s.grading === 'none' ? null : s.grading);
      if (g) Object.assign(f, g);
    }
    if (s.analyst) f.analysts = [s.analyst];
    if (s.sets?.length) f.setIds = s.sets;
    return f;
  }, [debounced, s.domain, s.stance, s.grading, s.analyst, s.sets]);

  const filter = useMemo<Filter>(() => {
    const g = s.group ? groupFilter(s.group.by, s.group.value) : null;
    if (!g) return baseFilter;
    // A group on domains narrows within the chosen domain rather than replacing it.
    const merged: Filter = { ...baseFilter, ...g };
    if (g.domainIds && baseFilter.domainIds) merged.domainIds = g.domainIds;
    return merged;
  }, [baseFilter, s.group]);

  useEffect(() => {
    let live = true;
    api
      .getClaimGroups({ by: 'analyst' })
      .then((g) => live && setAnalysts(g))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    if (!saved.loaded || !s.groupBy) {
      setGroups(null);
      return;
    }
    let live = true;
    api
      .getClaimGroups({ by: s.groupBy, filter: baseFilter })
      .then((g) => live && setGroups(g))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [saved.loaded, s.groupBy, baseFilter, version]);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p: IGetRowsParams) => {
        const sort: Sort = p.sortModel
          .filter((m) => SORTABLE[m.colId])
          .map((m) => ({ column: SORTABLE[m.colId], dir: m.sort }));
        api
          .queryClaims({ filter, sort, offset: p.startRow, limit: p.endRow - p.startRow })
          .then((r) => {
            setTotal(r.total);
            setError(null);
            p.successCallback(r.rows, r.total);
          })
          .catch((e: unknown) => {
            setError(errorMessage(e));
            p.failCallback();
          });
      },
    }),
    // version: a change in the project reloads the pages.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filter, version],
  );

  const columnDefs = useMemo<ColDef<Row>[]>(
    () => [
      // The quote comes right after the document, so that it stays in view when the table is narrow.
      { field: 'documentTitle', headerName: 'Document', width: 170, tooltipField: 'documentTitle' },
      {
        field: 'quote',
        headerName: 'Quote',
        flex: 3,
        minWidth: 300,
        tooltipField: 'quote',
        cellClass: ['quote-cell', 'wrap-cell'],
        cellRenderer: ClampedCell,
      },
      {
        colId: 'domains',
        headerName: 'Domains',
        width: 180,
        sortable: false,
        cellRenderer: DomainsCell,
        valueGetter: (p) => p.data?.domains.join('; '),
      },
      {
        field: 'note',
        headerName: 'Note',
        flex: 1,
        minWidth: 140,
        tooltipField: 'note',
        cellClass: 'wrap-cell',
        cellRenderer: ClampedCell,
      },
      { field: 'actor', headerName: 'Actor', width: 120 },
      { field: 'stance', headerName: 'Stance', width: 100 },
      { field: 'grading', headerName: 'Grading', width: 90 },
      { field: 'analyst', headerName: 'Analyst', width: 110 },
      { field: 'createdAt', headerName: 'Created', width: 110, valueFormatter: dateOnly },
      { field: 'updatedAt', headerName: 'Updated', width: 110, valueFormatter: dateOnly, hide: true },
    ],
    [],
  );

  // A click selects (and shows the claim whole beside the table); a double click or Enter opens the Reader.
  const open = (r: Row | undefined): void => {
    if (r) navigate({ view: 'reader', docId: r.docId, claimId: r.id });
  };
  const onRowDoubleClicked = (e: RowDoubleClickedEvent<Row>): void => open(e.data);
  const onCellKeyDown = (e: CellKeyDownEvent<Row>): void => {
    if ((e.event as KeyboardEvent | undefined)?.key === 'Enter') open(e.data);
  };
  const onSelectionChanged = (e: SelectionChangedEvent<Row>): void =>
    setSelected(e.api.getSelectedRows()[0] ?? null);
  const lines = LINES.find((l) => l.id === s.lines) ?? LINES[1];

  const onStateUpdated = (e: StateUpdatedEvent<Row>): void => {
    const { sort, columnSizing, columnPinning, columnVisibility } = e.state;
    saved.save({ grid: { sort, columnSizing, columnPinning, columnVisibility } }, true);
  };

  const exportAs = async (format: 'csv' | 'xlsx'): Promise<void> => {
    const g = gridApi.current;
    if (!g) return;
    try {
      const sortModel = g.getColumnState().filter((c) => c.sort && SORTABLE[c.colId]);
      sortModel.sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0));
      const sort: Sort = sortModel.map((c) => ({ column: SORTABLE[c.colId], dir: c.sort ?? 'asc' }));
      // The core reads the claims the table's query names and writes the file; the rows never come here.
      const columns = g.getAllDisplayedColumns().map((c) => ({
        field: c.getColId() as Column,
        header: c.getColDef().headerName ?? c.getColId(),
      }));
      const file = await api.exportClaimsTable({ format, title: 'Claims', filter, sort, columns });
      downloadBlob({ ...file, fileName: `claims.${format}` });
      setStatus(`Exported ${file.count} claims as ${format.toUpperCase()}`, 'ok');
    } catch (e) {
      setStatus(`The claims could not be exported: ${errorMessage(e)}`, 'error');
    }
  };

  if (!saved.loaded) return <div className="loading">Loading…</div>;
  if (initialGrid.current === undefined) initialGrid.current = s.grid ?? {};

  const select = (
    label: string,
    value: string,
    onChange: (v: string) => void,
    options: [string, string][],
  ) => (
    <label className="field">
      <span>{label}</span>
      <select
        aria-label={`Filter by ${label.toLowerCase()}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  const gradings: [string, string][] = ['A', 'B', 'C', 'D', 'E', 'F']
    .flatMap((r) => ['1', '2', '3', '4', '5', '6'].map((c): [string, string] => [r + c, r + c]))
    .concat([['none', 'Not graded']]);

  return (
    <>
      <div className="grid-toolbar wrap">
        <input
          type="search"
          className="quick-search"
          placeholder="Search quotes and notes"
          aria-label="Search claims"
          value={searchText}
          onChange={(e) => {
            setSearch(e.target.value);
            saved.save({ search: e.target.value }, true);
          }}
        />
        {select(
          'Domain',
          s.domain ? String(s.domain) : '',
          (v) => saved.save({ domain: v ? Number(v) : null }),
          domains.map((d) => [String(d.id), `${d.parentId ? '· ' : ''}${d.name}`]),
        )}
        {select('Stance', s.stance ?? '', (v) => saved.save({ stance: v }), [
          ['supports', 'supports'],
          ['opposes', 'opposes'],
          ['neutral', 'neutral'],
          ['none', 'no stance'],
        ])}
        {select('Grading', s.grading ?? '', (v) => saved.save({ grading: v }), gradings)}
        {select(
          'Analyst',
          s.analyst ?? '',
          (v) => saved.save({ analyst: v }),
          analysts.filter((a) => a.value !== null).map((a) => [String(a.value), a.label]),
        )}
        <SetChips value={s.sets ?? []} onChange={(sets) => saved.save({ sets })} />
        <label className="field">
          <span>Group by</span>
          <select
            aria-label="Group by"
            value={s.groupBy ?? ''}
            onChange={(e) => saved.save({ groupBy: e.target.value as By | '', group: null })}
          >
            <option value="">No grouping</option>
            {GROUPS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <Segmented
          label="Lines per row"
          options={LINES}
          value={lines.id}
          onChange={(id) => saved.save({ lines: id })}
        />
        <span className="muted grow claims-total" aria-live="polite">
          {total === null ? '' : `${total.toLocaleString('en-US')} ${total === 1 ? 'claim' : 'claims'}`}
        </span>
        <ExportButtons onExport={(f) => void exportAs(f)} />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="claims-layout">
        {s.groupBy && (
          <nav className="claim-groups" aria-label="Groups">
            <div className="side-head">
              <span>{GROUPS.find((g) => g.id === s.groupBy)?.label}</span>
              {s.group && (
                <button type="button" className="link" onClick={() => saved.save({ group: null })}>
                  show all
                </button>
              )}
            </div>
            <ul>
              {(groups ?? []).map((g) => {
                const active = !!s.group && s.group.by === s.groupBy && s.group.value === g.value;
                const usable = s.groupBy ? groupFilter(s.groupBy, g.value) !== null : false;
                return (
                  <li key={String(g.value)}>
                    <button
                      type="button"
                      className={active ? 'current' : undefined}
                      aria-pressed={active}
                      disabled={!usable}
                      onClick={() =>
                        s.groupBy &&
                        saved.save({
                          group: active ? null : { by: s.groupBy, value: g.value, label: g.label },
                        })
                      }
                    >
                      <span className="name">{g.label}</span>
                      <span className="count">{g.count}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        <div
          ref={hostRef}
          className="grid-host claims-grid with-rail"
          style={{ '--quote-lines': lines.id } as CSSProperties}
          data-lines={lines.id}
        >
          <AgGridReact<Row>
            theme={theme}
            rowModelType="infinite"
            datasource={datasource}
            cacheBlockSize={200}
            maxBlocksInCache={50}
            columnDefs={columnDefs}
            defaultColDef={{ sortable: true, resizable: true }}
            initialState={initialGrid.current}
            getRowId={(p) => String(p.data.id)}
            onGridReady={(e) => {
              gridApi.current = e.api;
            }}
            onStateUpdated={onStateUpdated}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onSelectionChanged={onSelectionChanged}
            onRowDoubleClicked={onRowDoubleClicked}
            onCellKeyDown={onCellKeyDown}
            rowHeight={lines.height}
            rowClass="claim-row"
            tooltipShowDelay={500}
          />
          <ScrollRail host={hostEl} tick={[columnDefs, selected, s.groupBy]} label="Scroll the columns" />
        </div>
        {selected && (
          <ExcerptPanel
            title="Selected claim"
            count={`${selected.documentTitle} · double-click the row or press Enter to open it`}
            onClose={() => {
              gridApi.current?.deselectAll();
              setSelected(null);
            }}
          >
            <GridExcerpts claims={[selected]} showDocument={false} />
          </ExcerptPanel>
        )}
      </div>
    </>
  );
}
