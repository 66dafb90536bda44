import { startTransition, useEffect, useState } from 'react';
import type { ChangeTable, Dependency } from '../../../shared/api/changes';
import { onChange } from './changeBus';

/**
 * A number that grows each time a change concerns `dep`: put it in a loading effect's dependencies and the
 * effect reruns for those changes only (a note edited elsewhere does not reload the grid's codebook).
 * `key` names the query for handledBy: changes it applied itself do not count.
 */
export function useChangeVersion(dep: Dependency, key?: string): number {
  const [version, setVersion] = useState(0);
  const tables = dep.tables.join(',');
  useEffect(
    () =>
      onChange(
        { tables: tables.split(',') as ChangeTable[], docId: dep.docId },
        // Low priority: what the analyst just did (a highlight drawn locally) renders first.
        () => startTransition(() => setVersion((v) => v + 1)),
        key,
      ),
    [tables, dep.docId, key],
  );
  return version;
}

/** What the usual views depend on. */
export const DEPENDS = {
  /** Claims and their domains (grids, the claims table, exports, comparisons). */
  claims: { tables: ['claims', 'claim_domains', 'domains', 'documents'] },
  /** Documents and their attributes (the Library's table, attribute filters). */
  attributes: { tables: ['documents', 'document_attributes', 'attributes'] },
  /** Grids, matrices and exports: claims, and the documents' attributes they may be grouped or filtered by. */
  grid: {
    tables: [
      'claims',
      'claim_domains',
      'domains',
      'documents',
      'document_attributes',
      'attributes',
      'document_sets',
      'document_set_members',
    ],
  },
  /** What a search may find: documents, their metadata, claims. */
  search: { tables: ['documents', 'document_attributes', 'claims', 'claim_domains'] },
} as const satisfies Record<string, Dependency>;
