import type { Domain } from '../../../shared/api';

export interface CodebookNode {
  domain: Domain;
  /** 0 for a top-level domain. */
  depth: number;
  children: CodebookNode[];
}

/**
 * The codebook as a tree, siblings in the order given (the store's sort_order counts within one parent, so a
 * flat list sorted by it interleaves the children of different parents). A parent missing from the list, or a
 * parent cycle, leaves a domain unreached from the roots: it is put at the top rather than lost.
 */
export function codebookTree(domains: readonly Domain[]): CodebookNode[] {
  const ids = new Set(domains.map((d) => d.id));
  const kids = new Map<number | null, Domain[]>();
  for (const d of domains) {
    const parent = d.parentId !== null && ids.has(d.parentId) && d.parentId !== d.id ? d.parentId : null;
    const list = kids.get(parent);
    if (list) list.push(d);
    else kids.set(parent, [d]);
  }
  const seen = new Set<number>();
  const build = (domain: Domain, depth: number): CodebookNode => {
    seen.add(domain.id);
    const children = (kids.get(domain.id) ?? [])
      .filter((k) => !seen.has(k.id))
      .map((k) => build(k, depth + 1));
    return { domain, depth, children };
  };
  const roots = (kids.get(null) ?? []).map((d) => build(d, 0));
  for (const d of domains) if (!seen.has(d.id)) roots.push(build(d, 0));
  return roots;
}

/** The tree's domains depth first: each parent before its children, in codebook order. */
export function codebookOrder(tree: readonly CodebookNode[]): CodebookNode[] {
  const out: CodebookNode[] = [];
  const walk = (nodes: readonly CodebookNode[]): void => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}
