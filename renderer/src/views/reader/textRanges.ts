// DOM ranges for canonical-text offsets. The Reader renders only some blocks of a long document, so text nodes
// do not concatenate to the text: each one's offset comes from the `data-start` of the piece that holds it.

export interface Offsets {
  start: number;
  end: number;
}

interface Mapped {
  nodes: Text[];
  starts: number[];
}

function mappedNodes(root: HTMLElement): Mapped {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const host = n.parentElement?.closest<HTMLElement>('[data-start]');
    const start = Number(host?.dataset.start);
    if (!host || !Number.isFinite(start)) continue;
    nodes.push(n as Text);
    starts.push(start);
  }
  return { nodes, starts };
}

/** The text node holding `offset` and the position in it, or null when that part is not rendered. */
function locate(m: Mapped, offset: number, atEnd: boolean): [Text, number] | null {
  let lo = 0;
  let hi = m.nodes.length - 1;
  if (hi < 0) return null;
  // An end offset on a piece boundary belongs to the piece before it: search for offset - 1.
  const probe = atEnd ? offset - 1 : offset;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m.starts[mid] <= probe) lo = mid;
    else hi = mid - 1;
  }
  const node = m.nodes[lo];
  const at = offset - m.starts[lo];
  return at >= 0 && at <= node.data.length ? [node, at] : null;
}

/** The rendered text node and position of `offset` (the piece starting there when it is on a boundary), or null. */
export function pointAt(root: HTMLElement, offset: number): [Text, number] | null {
  return locate(mappedNodes(root), offset, false);
}

/** The rendered span of the text: [start of the first rendered piece, end of the last). */
export function renderedExtent(root: HTMLElement): Offsets | null {
  const m = mappedNodes(root);
  const last = m.nodes.length - 1;
  return last < 0 ? null : { start: m.starts[0], end: m.starts[last] + m.nodes[last].data.length };
}

/** A DOM range per span whose both ends are rendered; spans outside the rendered blocks give null. */
export function rangesFor(root: HTMLElement, spans: Offsets[]): (Range | null)[] {
  const m = mappedNodes(root);
  return spans.map((s) => {
    const a = locate(m, s.start, false);
    const b = locate(m, s.end, true);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  });
}

/** First index in spans (sorted by start) whose end is after `offset`. */
export function firstEndingAfter(spans: Offsets[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const lineBox = (r: Range): DOMRect => r.getBoundingClientRect();

/**
 * First character of `node` whose line box ends below `top` (search = 'first'), or last character whose line box
 * starts above `bottom` (search = 'last'): line boxes move down monotonically through a text node.
 */
function edgeChar(node: Text, y: number, search: 'first' | 'last'): number {
  const range = document.createRange();
  const box = (i: number): DOMRect => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return lineBox(range);
  };
  let lo = 0;
  let hi = node.data.length - 1;
  if (search === 'first') {
    // The smallest i with box(i).bottom > y.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (box(mid).bottom > y) hi = mid;
      else lo = mid + 1;
    }
  } else {
    // The largest i with box(i).top < y.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (box(mid).top < y) lo = mid;
      else hi = mid - 1;
    }
  }
  return lo;
}

/**
 * The part of the text laid out between `top` and `bottom` (viewport coordinates), to the character: read from
 * the rendered pieces' line boxes, not from estimated block positions, so that it holds on any machine's fonts
 * and while a virtual list is still measuring its blocks. Hidden pieces (markup) take no room and are skipped.
 */
export function offsetsOnScreen(root: HTMLElement, top: number, bottom: number): Offsets | null {
  const m = mappedNodes(root);
  const range = document.createRange();
  const box = (i: number): DOMRect => {
    range.selectNodeContents(m.nodes[i]);
    return lineBox(range);
  };
  // The first laid-out node at or after i (hidden markup and empty nodes have no line box).
  const shown = (i: number): number => {
    while (i < m.nodes.length && (m.nodes[i].data.length === 0 || box(i).height === 0)) i++;
    return i;
  };
  // Line boxes go down through the nodes in document order: a binary search finds the first node ending below
  // `top` with a few measurements, where a walk from the first rendered block measured every node above the view
  // (the virtual list keeps several blocks of dense highlights above it).
  let lo = 0;
  let hi = m.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const j = shown(mid);
    if (j >= m.nodes.length || box(j).bottom > top) hi = mid;
    else lo = j + 1;
  }
  let start = -1;
  let end = -1;
  for (let i = shown(lo); i < m.nodes.length; i = shown(i + 1)) {
    const node = m.nodes[i];
    const r = box(i);
    // Past the bottom, nothing further is on screen.
    if (r.top >= bottom) break;
    if (r.bottom <= top) continue;
    if (start < 0) start = m.starts[i] + (r.top < top ? edgeChar(node, top, 'first') : 0);
    end = m.starts[i] + (r.bottom > bottom ? edgeChar(node, bottom, 'last') + 1 : node.data.length);
  }
  return start < 0 ? null : { start, end: Math.max(end, start) };
}
