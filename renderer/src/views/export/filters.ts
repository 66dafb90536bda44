import type { MethodInput, MethodOutput } from '../../../../shared/api';

export type FilterOptions = MethodOutput<'getExportFilterOptions'>;
export type Reliability = FilterOptions['reliability'][number];

/** What the analyst has ticked; an empty list means "all". */
export interface ExportFilters {
  domainIds: number[];
  docIds: number[];
  /** Document sets: the claims of the documents in any of them. */
  setIds?: number[];
  /** Attribute id → the values chosen for it. */
  attributes: Record<number, string[]>;
  analysts: string[];
  reliability: Reliability[];
  credibility: number[];
}

export const NO_FILTERS: ExportFilters = {
  domainIds: [],
  docIds: [],
  attributes: {},
  analysts: [],
  reliability: [],
  credibility: [],
};

const orUndefined = <T>(list: T[]): T[] | undefined => (list.length ? list : undefined);

/** The filters as the API takes them: empty lists left out. */
export function filterInput(f: ExportFilters): MethodInput<'countExcerpts'> {
  const attributes = Object.entries(f.attributes)
    .filter(([, values]) => values.length > 0)
    .map(([id, values]) => ({ attributeId: Number(id), values }));
  return {
    domainIds: orUndefined(f.domainIds),
    docIds: orUndefined(f.docIds),
    setIds: orUndefined(f.setIds ?? []),
    attributes: orUndefined(attributes),
    analysts: orUndefined(f.analysts),
    reliabilities: orUndefined(f.reliability),
    credibilities: orUndefined(f.credibility),
  };
}

export function activeFilterCount(f: ExportFilters): number {
  return (
    (f.domainIds.length ? 1 : 0) +
    (f.docIds.length ? 1 : 0) +
    (f.setIds?.length ? 1 : 0) +
    Object.values(f.attributes).filter((v) => v.length > 0).length +
    (f.analysts.length ? 1 : 0) +
    (f.reliability.length ? 1 : 0) +
    (f.credibility.length ? 1 : 0)
  );
}

export function toggled<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
