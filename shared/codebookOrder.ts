/** What ordering the codebook needs of a domain: its id, its parent and its place among its siblings. */
export interface Orderable {
  id: number;
  parentId: number | null;
  order: number;
}

/**
 * The codebook as a tree, flattened depth first: each domain followed by its sub-domains, siblings by their order
 * (then id). The store's order counts within one parent, so a flat sort by it puts a new sub-domain right after
 * the first top-level domain; this is the one ordering every list of domains uses (popover, filters, autocode,
 * Compare, grids). A missing parent or a parent cycle puts the domain at the top level rather than losing it.
 */
export function codebookOrder<T extends Orderable>(domains: readonly T[]): T[] {
  const ids = new Set(domains.map((d) => d.id));
  const children = new Map<number | null, T[]>();
  for (const d of domains) {
    const parent = d.parentId !== null && d.parentId !== d.id && ids.has(d.parentId) ? d.parentId : null;
    const list = children.get(parent);
    if (list) list.push(d);
    else children.set(parent, [d]);
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order || a.id - b.id);
  const out: T[] = [];
  const seen = new Set<number>();
  const walk = (d: T): void => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    out.push(d);
    for (const c of children.get(d.id) ?? []) walk(c);
  };
  for (const d of children.get(null) ?? []) walk(d);
  // Domains in a parent cycle are unreachable from the roots: at the top level, in their own order.
  for (const d of [...domains].sort((a, b) => a.order - b.order || a.id - b.id)) walk(d);
  return out;
}

/** Each domain's depth in the tree (0 for a top-level domain), as codebookOrder places it. */
export function codebookDepths(domains: readonly Orderable[]): Map<number, number> {
  const byId = new Map(domains.map((d) => [d.id, d]));
  const depths = new Map<number, number>();
  for (const d of codebookOrder(domains)) {
    const parent = d.parentId === null ? undefined : byId.get(d.parentId);
    depths.set(d.id, parent && depths.has(parent.id) ? depths.get(parent.id)! + 1 : 0);
  }
  return depths;
}
