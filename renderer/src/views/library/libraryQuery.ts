import type { z } from 'zod';
import type { AttributeFilter } from '../../../../shared/api/corpus';
import type { DocumentFilter, DocumentOrder, DocumentSort } from '../../../../shared/api/documentPage';

// The Library grid's sort and column filters as a page query (issue 16): ag-grid's infinite row model hands its
// models to the datasource, which asks the core for the rows, so sorting and filtering 100,000 documents happen
// in SQL. Only the filters the core can answer are offered (one condition each: see filterParams in the table).

type Filter = z.input<typeof AttributeFilter>;

/** ag-grid's model of one simple column filter (text or number). */
export interface ColumnFilterModel {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  filterTo?: number | null;
}

/** Grid column id → the page's sort; attribute columns are `attr:<name>`. */
const SORT_OF: Record<string, DocumentSort> = {
  title: 'title',
  source: 'source',
  author: 'author',
  published: 'published',
  format: 'format',
  chars: 'chars',
  words: 'words',
  claims: 'claims',
  importedAt: 'importedAt',
};

export const ATTRIBUTE_COLUMN = 'attr:';

export function orderOf(sortModel: { colId: string; sort: 'asc' | 'desc' }[]): {
  sort: DocumentOrder;
  desc: boolean;
} {
  const s = sortModel[0];
  if (!s) return { sort: 'title', desc: false };
  const desc = s.sort === 'desc';
  if (s.colId.startsWith(ATTRIBUTE_COLUMN))
    return { sort: { attribute: s.colId.slice(ATTRIBUTE_COLUMN.length) }, desc };
  return { sort: SORT_OF[s.colId] ?? 'title', desc };
}

/** The number filter types the core answers as a range of whole numbers. */
export const RANGE_FILTERS = [
  'equals',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
];

function range(m: ColumnFilterModel): { min?: number; max?: number } {
  const v = Number(m.filter);
  if (m.filter === null || m.filter === undefined || !Number.isFinite(v)) return {};
  switch (m.type) {
    case 'equals':
      return { min: Math.ceil(v), max: Math.floor(v) };
    case 'lessThan':
      return { max: Math.ceil(v) - 1 };
    case 'lessThanOrEqual':
      return { max: Math.floor(v) };
    case 'greaterThan':
      return { min: Math.floor(v) + 1 };
    case 'greaterThanOrEqual':
      return { min: Math.ceil(v) };
    case 'inRange': {
      const to = Number(m.filterTo);
      return Number.isFinite(to) ? { min: Math.ceil(Math.min(v, to)), max: Math.floor(Math.max(v, to)) } : {};
    }
    default:
      return {};
  }
}

const nonNegative = (n: number | undefined): number | undefined =>
  n === undefined ? undefined : Math.max(0, n);

/** The attribute filter types the core answers, by ag-grid's name. */
const ATTRIBUTE_OPS: Record<string, Filter['op']> = {
  contains: 'contains',
  equals: 'eq',
  notEqual: 'ne',
  lessThan: 'lt',
  lessThanOrEqual: 'lte',
  greaterThan: 'gt',
  greaterThanOrEqual: 'gte',
  blank: 'empty',
  notBlank: 'notEmpty',
};
export const ATTRIBUTE_TEXT_FILTERS = ['contains', 'equals', 'notEqual', 'blank', 'notBlank'];
export const ATTRIBUTE_NUMBER_FILTERS = [
  ...RANGE_FILTERS.filter((t) => t !== 'inRange'),
  'notEqual',
  'inRange',
  'blank',
  'notBlank',
];

function attributeFilters(name: string, m: ColumnFilterModel): Filter[] {
  if (m.type === 'inRange') {
    if (m.filter === null || m.filter === undefined || m.filterTo === null || m.filterTo === undefined)
      return [];
    return [
      { name, op: 'gte', value: Number(m.filter) },
      { name, op: 'lte', value: Number(m.filterTo) },
    ];
  }
  const op = m.type ? ATTRIBUTE_OPS[m.type] : undefined;
  if (!op) return [];
  if (op === 'empty' || op === 'notEmpty') return [{ name, op }];
  if (m.filter === null || m.filter === undefined || m.filter === '') return [];
  return [{ name, op, value: m.filterType === 'number' ? Number(m.filter) : String(m.filter) }];
}

/** The grid's column filters (by column id) as the page's filter fields. */
export function filterOf(filterModel: Record<string, ColumnFilterModel>): DocumentFilter {
  const out: DocumentFilter = {};
  const attributes: Filter[] = [];
  for (const [colId, m] of Object.entries(filterModel)) {
    if (colId === 'words') {
      const r = range(m);
      out.minWords = nonNegative(r.min);
      out.maxWords = nonNegative(r.max);
    } else if (colId === 'claims') {
      const r = range(m);
      out.minClaims = nonNegative(r.min);
      out.maxClaims = nonNegative(r.max);
    } else if (colId.startsWith(ATTRIBUTE_COLUMN)) {
      attributes.push(...attributeFilters(colId.slice(ATTRIBUTE_COLUMN.length), m));
    }
  }
  if (attributes.length) out.attributes = attributes as DocumentFilter['attributes'];
  for (const k of Object.keys(out) as (keyof DocumentFilter)[]) if (out[k] === undefined) delete out[k];
  return out;
}
