// The reading caret against the laid-out text: where to draw it, which offset is on the line above or below,
// and which text is on the caret's line. Read from the browser's layout (line boxes, hit testing), since line
// breaks depend on the window's width and the machine's fonts.

import { boundaryOffset } from './selection';
import { pointAt, rangesFor } from './textRanges';

export interface CaretBox {
  left: number;
  top: number;
  height: number;
}

const hidden = (node: Text): boolean => !!node.parentElement?.closest('.markup');

/** The caret's box (viewport coordinates) at `offset`, or null when that part of the text is not rendered. */
export function caretBox(root: HTMLElement, offset: number): CaretBox | null {
  const p = pointAt(root, offset);
  if (p && !hidden(p[0]) && p[1] < p[0].data.length) {
    const r = document.createRange();
    r.setStart(p[0], p[1]);
    r.setEnd(p[0], p[1] + 1);
    const rect = r.getClientRects()[0];
    if (rect && rect.height > 0) return { left: rect.left, top: rect.top, height: rect.height };
  }
  // At the end of a paragraph (or before hidden markup): just after the character before.
  if (offset === 0) return null;
  const before = rangesFor(root, [{ start: offset - 1, end: offset }])[0];
  const rects = before ? [...before.getClientRects()].filter((r) => r.height > 0) : [];
  const last = rects[rects.length - 1];
  return last ? { left: last.right, top: last.top, height: last.height } : null;
}

/** The DOM position under a point (caretPositionFromPoint, or the older caretRangeFromPoint). */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function offsetAtPoint(root: HTMLElement, textLength: number, x: number, y: number): number | null {
  const pos = caretAt(x, y);
  if (!pos || !root.contains(pos.node)) return null;
  return boundaryOffset(root, textLength, pos.node, pos.offset);
}

/** How far past the caret's line the next one is looked for (a heading's margins, a paragraph's gap). */
const REACH = 160;

/**
 * The offset on the line above (dir -1) or below (1) the caret, nearest to `goalX`; scrolls the pane when that
 * line is outside it, so that it can be hit-tested. Null when there is no such line in the rendered text.
 */
export function lineStep(
  root: HTMLElement,
  scroller: HTMLElement,
  textLength: number,
  offset: number,
  dir: 1 | -1,
  goalX: number,
): number | null {
  let box = caretBox(root, offset);
  if (!box) return null;
  const pane = scroller.getBoundingClientRect();
  for (let d = box.height * 0.6; d < REACH; d += 4) {
    let y = dir === 1 ? box.top + box.height + d - box.height * 0.5 : box.top - d + box.height * 0.5;
    // Hit testing works on what is on screen: bring the probed line in first.
    const over = dir === 1 ? y - (pane.bottom - 2) : pane.top + 2 - y;
    if (over > 0) {
      const before = scroller.scrollTop;
      scroller.scrollTop += dir * Math.ceil(over + box.height);
      const moved = scroller.scrollTop - before;
      if (moved === 0) return null;
      box = { ...box, top: box.top - moved };
      y -= moved;
    }
    const o = offsetAtPoint(root, textLength, goalX, y);
    if (o === null || o === offset) continue;
    const b = caretBox(root, o);
    if (!b) continue;
    const mid = box.top + box.height / 2;
    if (dir === 1 ? b.top > mid : b.top + b.height < mid) return o;
  }
  return null;
}

/** The offsets of the laid-out line holding the caret (for screen readers), or null when not rendered. */
export function lineAt(
  root: HTMLElement,
  textLength: number,
  offset: number,
): { start: number; end: number } | null {
  const box = caretBox(root, offset);
  if (!box) return null;
  const r = root.getBoundingClientRect();
  const y = box.top + box.height / 2;
  const start = offsetAtPoint(root, textLength, r.left + 1, y);
  const end = offsetAtPoint(root, textLength, r.right - 1, y);
  return start === null || end === null || end < start ? null : { start, end };
}
