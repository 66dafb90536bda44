import { useEffect, useState, type ReactNode } from 'react';
import type { CustomHeaderGroupProps, CustomInnerHeaderProps } from 'ag-grid-react';
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import type { MethodOutput } from '../../../../shared/api';
import type { Measure } from '../../../../shared/api/grids';
import { formatValue, heat } from './format';

type Column = MethodOutput<'getMatrix'>['columns'][number];

export type MatrixRow = {
  rowId: string;
  key: string | null;
  label: string;
  docId?: number;
  total: number;
} & Record<string, number | string | null | undefined>;

/** Domain columns narrower than this get their names written upwards (rotated) rather than wrapped across. */
export const WIDE_COLUMN = 112;
/** A domain column's width when names are rotated: room for a five-digit count. */
export const NARROW_COLUMN = 54;
export const TOTAL_WIDTH = 84;
const HEADER_FONT = '11.5px';

/**
 * The height of the header row when names are written upwards: enough for the longest name in at most three
 * upward lines (a narrow column holds three), and for its longest word on one line; measured in the header's font.
 */
export function rotatedHeaderHeight(names: string[]): number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return 160;
  ctx.font = `${HEADER_FONT} ${getComputedStyle(document.body).fontFamily}`;
  const width = (t: string): number => ctx.measureText(t).width;
  const longest = Math.max(0, ...names.map((n) => width(n)));
  const longestWord = Math.max(0, ...names.flatMap((n) => n.split(/\s+/)).map(width));
  // Greedy wrapping leaves lines short of the limit: a third more than a third of the name keeps it to three.
  const line = Math.max(longestWord, (longest / 3) * 1.35, 60);
  return Math.ceil(Math.min(240, line + 16 + 18));
}

/** The title a domain's header shows on hover: its name, and what a parent's column adds up. */
function headerTitle(d: Column): string {
  return d.hasChildren ? `${d.name} (with its sub-domains)` : d.name;
}

/** A domain's column header: swatch and full name, across (wrapped) or upwards (rotated) when columns are narrow. */
function DomainHeader(
  props: CustomInnerHeaderProps & { domain: Column; rotated: boolean; textHeight: number },
): ReactNode {
  const { domain } = props;
  return (
    <span
      className={props.rotated ? 'domain-header rotated' : 'domain-header'}
      title={headerTitle(domain)}
      data-domain-id={domain.domainId}
      style={props.rotated ? { maxHeight: props.textHeight } : undefined}
    >
      <span className="swatch" style={{ background: domain.color }} />
      <span className="domain-name">
        {props.displayName}
        {domain.hasChildren && (
          <span className="muted" aria-label="with its sub-domains">
            {' '}
            (all)
          </span>
        )}
      </span>
    </span>
  );
}

/** A parent domain's group header: the toggle that shows or hides its sub-domains, and its name. */
function DomainGroupHeader(props: CustomHeaderGroupProps & { domain: Column }): ReactNode {
  const { domain, columnGroup } = props;
  const group = columnGroup.getProvidedColumnGroup();
  const [open, setOpen] = useState(group.isExpanded());
  useEffect(() => {
    const sync = (): void => setOpen(group.isExpanded());
    group.addEventListener('expandedChanged', sync);
    return () => group.removeEventListener('expandedChanged', sync);
  }, [group]);
  return (
    <span className="domain-group-header" title={headerTitle(domain)}>
      <button
        type="button"
        className="tree-toggle"
        aria-label={`${open ? 'Collapse' : 'Expand'} ${domain.name}`}
        aria-expanded={open}
        onClick={(e) => {
          e.stopPropagation();
          props.setExpanded(!open);
        }}
      >
        {open ? '▾' : '▸'}
      </button>
      <span className="swatch" style={{ background: domain.color }} />
      <span className="domain-name">{domain.name}</span>
    </span>
  );
}

export interface MatrixColumnsInput {
  columns: Column[];
  measure: Measure;
  dimensionLabel: string;
  /** Parents whose sub-domains are hidden. */
  collapsed: Set<number>;
  rotated: boolean;
  /** The header row's height when rotated. */
  headerHeight: number;
  labelWidth: number;
  max: number;
}

/**
 * The matrix's columns: the row label pinned left, the codebook as column groups (a parent's group holds its own
 * rolled-up column, always shown, and its sub-domains, shown while the group is open), the total pinned right.
 */
export function matrixColumns(m: MatrixColumnsInput): (ColDef<MatrixRow> | ColGroupDef<MatrixRow>)[] {
  const fmt = (v: unknown): string => (typeof v === 'number' ? formatValue(m.measure, v) : '');
  const children = new Map<number | null, Column[]>();
  for (const c of m.columns) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);

  const leaf = (c: Column, shownWhenOpen: boolean): ColDef<MatrixRow> => ({
    colId: `d${c.domainId}`,
    field: `d${c.domainId}`,
    headerName: c.name,
    headerTooltip: headerTitle(c),
    columnGroupShow: shownWhenOpen ? 'open' : undefined,
    headerComponentParams: {
      innerHeaderComponent: DomainHeader,
      domain: c,
      rotated: m.rotated,
      textHeight: m.headerHeight - 16,
    },
    suppressHeaderFilterButton: true,
    // Rotated: narrow, sharing what room there is up to a little more; across: share the width, never so narrow
    // that a name breaks mid-word.
    ...(m.rotated
      ? { flex: 1, minWidth: NARROW_COLUMN, maxWidth: 2 * NARROW_COLUMN }
      : { flex: 1, minWidth: WIDE_COLUMN, maxWidth: undefined }),
    headerClass: m.rotated ? ['domain-col-header', 'rotated'] : 'domain-col-header',
    type: 'numericColumn',
    filter: 'agNumberColumnFilter',
    valueFormatter: (p) => fmt(p.value),
    cellClass: (p) => ['num', 'count-cell', p.value ? '' : 'zero'],
    cellStyle: (p) =>
      p.node.rowPinned ? null : { backgroundColor: heat(Number(p.value ?? 0), m.max) ?? 'transparent' },
    wrapHeaderText: !m.rotated,
    autoHeaderHeight: !m.rotated,
  });

  const build = (c: Column, shownWhenOpen: boolean): ColDef<MatrixRow> | ColGroupDef<MatrixRow> => {
    const kids = children.get(c.domainId) ?? [];
    if (kids.length === 0) return leaf(c, shownWhenOpen);
    return {
      groupId: `g${c.domainId}`,
      headerName: c.name,
      headerTooltip: headerTitle(c),
      openByDefault: !m.collapsed.has(c.domainId),
      columnGroupShow: shownWhenOpen ? 'open' : undefined,
      headerGroupComponent: DomainGroupHeader,
      headerGroupComponentParams: { domain: c },
      headerClass: 'domain-group',
      marryChildren: true,
      children: [leaf(c, false), ...kids.map((k) => build(k, true))],
    };
  };

  return [
    {
      colId: 'label',
      field: 'label',
      headerName: m.dimensionLabel,
      pinned: 'left',
      width: m.labelWidth,
      lockPinned: true,
      cellClass: (p) => (p.data?.docId ? 'doc-cell' : 'row-label'),
      tooltipField: 'label',
      filter: 'agTextColumnFilter',
      floatingFilter: true,
    },
    ...(children.get(null) ?? []).map((c) => build(c, false)),
    {
      colId: 'total',
      field: 'total',
      headerName: 'Total',
      headerTooltip: 'Total of the row',
      headerClass: 'total-header',
      pinned: 'right',
      lockPinned: true,
      width: TOTAL_WIDTH,
      type: 'numericColumn',
      filter: 'agNumberColumnFilter',
      suppressHeaderFilterButton: true,
      valueFormatter: (p) => fmt(p.value),
      cellClass: ['num', 'count-cell', 'total-cell'],
    },
  ];
}

/** The row label column's width: the longest label's, within bounds (long titles show whole on hover). */
export function labelWidth(labels: string[], header: string): number {
  const longest = Math.max(header.length, ...labels.map((l) => l.length));
  return Math.round(Math.min(260, Math.max(150, longest * 6.6 + 28)));
}
