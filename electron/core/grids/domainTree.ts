import { codebookDepths, codebookOrder } from '../../../shared/codebookOrder';
import type { Db } from '../db';

export interface TreeColumn {
  domainId: number;
  name: string;
  color: string;
  parentId: number | null;
  depth: number;
  /** Ids of the domain and all its descendants. */
  subtree: number[];
}

export interface DomainTree {
  columns: TreeColumn[];
  /** Column indexes a claim tagged with this domain counts in: its own and each ancestor's. */
  columnsOf: Map<number, number[]>;
  hasParents: boolean;
}

/** The codebook as grid columns in tree order (parents before their children), with roll-up sets. */
export function domainTree(db: Db): DomainTree {
  const all = db
    .cached('SELECT id, name, color, parent_id AS parentId, sort_order AS "order" FROM domains')
    .all() as { id: number; name: string; color: string; parentId: number | null; order: number }[];
  // The codebook's one ordering; a domain placed at the top level (missing parent, cycle) gets no parent here.
  const depths = codebookDepths(all);
  const columns: TreeColumn[] = codebookOrder(all).map((d) => {
    const depth = depths.get(d.id) ?? 0;
    return {
      domainId: d.id,
      name: d.name,
      color: d.color,
      parentId: depth > 0 ? d.parentId : null,
      depth,
      subtree: [d.id],
    };
  });
  const index = new Map(columns.map((c, i) => [c.domainId, i]));
  const columnsOf = new Map<number, number[]>();
  for (const c of columns) {
    const chain = [index.get(c.domainId)!];
    let p = c.parentId;
    const guard = new Set<number>([c.domainId]);
    while (p !== null && !guard.has(p)) {
      guard.add(p);
      const pi = index.get(p);
      if (pi === undefined) break;
      chain.push(pi);
      columns[pi].subtree.push(c.domainId);
      p = columns[pi].parentId;
    }
    columnsOf.set(c.domainId, chain);
  }
  return { columns, columnsOf, hasParents: columns.some((c) => c.subtree.length > 1) };
}
