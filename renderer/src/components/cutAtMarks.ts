/** A stretch of text between two consecutive mark boundaries, and the marks covering all of it (in marks' order). */
export interface Cut<M> {
  start: number;
  end: number;
  covering: M[];
}

/**
 * Cuts [start, end) at every boundary of the marks touching it, so each piece renders with one set of marks:
 * the Reader's claim highlights (views/reader/blocks.ts) and Compare's passages and underlines (SharedText.tsx).
 */
export function cutAtMarks<M extends { start: number; end: number }>(
  start: number,
  end: number,
  marks: M[],
): Cut<M>[] {
  if (start >= end) return [];
  const inside = marks.filter((m) => m.start < end && m.end > start);
  const cuts = new Set([start, end]);
  for (const m of inside) {
    if (m.start > start) cuts.add(m.start);
    if (m.end < end) cuts.add(m.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Cut<M>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    out.push({ start: s, end: e, covering: inside.filter((m) => m.start <= s && m.end >= e) });
  }
  return out;
}
