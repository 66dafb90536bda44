// Turns a DOM selection inside the rendered document into canonical-text offsets. Every text node in the
// document sits in an element carrying `data-start` (its offset in the text), so a DOM position maps exactly.

function mappedTextStart(root: HTMLElement, node: Node): number | null {
  const host = node.parentElement?.closest<HTMLElement>('[data-start]');
  if (!host || !root.contains(host)) return null;
  const start = Number(host.dataset.start);
  return Number.isFinite(start) ? start : null;
}

/** The text offset of a DOM boundary point (node, offset), clamped to the document. */
export function boundaryOffset(root: HTMLElement, textLength: number, node: Node, offset: number): number {
  const whole = document.createRange();
  whole.selectNodeContents(root);
  const where = whole.comparePoint(node, offset);
  if (where < 0) return 0;
  if (where > 0) return textLength;
  if (node.nodeType === Node.TEXT_NODE) {
    const start = mappedTextStart(root, node);
    if (start !== null) return Math.min(start + offset, textLength);
  }
  // An element boundary (or unmapped text): the start of the first mapped text node at or after it.
  const probe = document.createRange();
  probe.setStart(node, offset);
  probe.collapse(true);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (probe.comparePoint(t, 0) >= 0) {
      const start = mappedTextStart(root, t);
      if (start !== null) return start;
    }
  }
  return textLength;
}

/** The selected range as text offsets, or null when nothing inside the document is selected. */
export function selectionOffsets(
  root: HTMLElement,
  textLength: number,
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const a = boundaryOffset(root, textLength, range.startContainer, range.startOffset);
  const b = boundaryOffset(root, textLength, range.endContainer, range.endOffset);
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  return end > start ? { start, end } : null;
}
