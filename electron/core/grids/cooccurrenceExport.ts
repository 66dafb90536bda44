import { DossierError } from '../errors';
import type { Cooccurrence } from './cooccurrence';
import type { GridTable } from './gridExport';

export type CooccurrenceKind = 'same' | 'overlap';

const TITLES: Record<CooccurrenceKind, string> = {
  same: 'Co-occurrence — same claim',
  overlap: 'Co-occurrence — overlapping claims',
};

/**
 * The co-occurrence table as the grid shows it: one row per domain (in `rowOrder` when given, as the analyst sorted
 * them; codebook order otherwise), one column per domain in codebook order, the diagonal counting each domain's
 * claims (same) or pairs within it (overlap).
 */
export function cooccurrenceTable(c: Cooccurrence, kind: CooccurrenceKind, rowOrder?: number[]): GridTable {
  const index = new Map(c.columns.map((col, i) => [col.domainId, i]));
  const order = rowOrder ?? c.columns.map((col) => col.domainId);
  const rows = order.map((id) => {
    const i = index.get(id);
    if (i === undefined)
      throw new DossierError('not_found', `no domain with id ${id} in the co-occurrence table`);
    return [c.columns[i].name, ...c[kind][i]];
  });
  if (new Set(order).size !== order.length)
    throw new DossierError('invalid_input', 'the row order names a domain twice');
  return { title: TITLES[kind], columns: ['Domain', ...c.columns.map((col) => col.name)], rows };
}
