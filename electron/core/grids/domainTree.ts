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
    .prepare('SELECT id, name, color, parent_id AS parentId FROM domains ORDER BY sort_order, id')
    .all() as { id: number; name: string; color: string; parentId: number | null }[];
  const ids = new Set(all.map((d) => d.id));
  const children = new Map<number | null, typeof all>();
  for (const d of all) {
    const p = d.parentId !== null && ids.has(d.parentId) && d.parentId !== d.id ? d.parentId : null;
    const list = children.get(p) ?? [];
    list.push(d);
    children.set(p, list);
  }
  const columns: TreeColumn[] = [];
  const seen = new Set<number>();
  const visit = (d: (typeof all)[number], depth: number, ancestors: number[]): void => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    const col: TreeColumn = {
      domainId: d.id,
      name: d.name,
      color: d.color,
      parentId: ancestors.length ? d.parentId : null,
      depth,
      subtree: [d.id],
    };
    columns.push(col);
    for (const c of children.get(d.id) ?? []) visit(c, depth + 1, [...ancestors, d.id]);
  };
  for (const d of children.get(null) ?? []) visit(d, 0, []);
  // Domains caught in a parent cycle have no root; show them at the top level rather than lose them.
  for (const d of all) visit(d, 0, []);
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
