// Lookups over a page's alignment (shared/api/pages.ts PageAlignment.items): from a position in the text layer
// (item index, UTF-16 unit in the item's string) to a stored offset, and from a stored range back to the item
// ranges that show it. Used by the renderer's page view and by the tests of the alignment.

export type ItemOffsets = readonly (readonly number[])[];

/** A run of units [from, to) of one item. */
export interface ItemRange {
  item: number;
  from: number;
  to: number;
}

/**
 * The stored offset a selection boundary at (item, unit) stands for: a start takes the first mapped unit at or
 * after it, an end the last mapped unit before it (plus one), so that whitespace and rejoined hyphens at a
 * selection's edges are left out. null when nothing mapped lies that way.
 */
export function storedOffsetAt(
  items: ItemOffsets,
  item: number,
  unit: number,
  side: 'start' | 'end',
): number | null {
  if (side === 'start') {
    for (let i = item, u = unit; i < items.length; i++, u = 0)
      for (; u < items[i].length; u++) if (items[i][u] >= 0) return items[i][u];
    return null;
  }
  for (let i = item, u = unit - 1; i >= 0; i--, u = (items[i - 1]?.length ?? 0) - 1)
    for (; u >= 0; u--) if (items[i][u] >= 0) return items[i][u] + 1;
  return null;
}

/** The item ranges whose units map into [start, end): what a claim covers on the page. */
export function itemRangesFor(items: ItemOffsets, start: number, end: number): ItemRange[] {
  const out: ItemRange[] = [];
  items.forEach((offsets, item) => {
    let from = -1;
    let last = -1;
    offsets.forEach((o, u) => {
      if (o >= start && o < end) {
        if (from < 0) from = u;
        last = u;
      } else if (o >= 0 && from >= 0) {
        out.push({ item, from, to: last + 1 });
        from = -1;
      }
    });
    if (from >= 0) out.push({ item, from, to: last + 1 });
  });
  return out;
}

/** Whether [start, end) has stored characters no item shows (an item that could not be aligned). */
export function coversRange(items: ItemOffsets, text: string, start: number, end: number): boolean {
  const shown = new Set<number>();
  for (const offsets of items) for (const o of offsets) if (o >= start && o < end) shown.add(o);
  for (let i = start; i < end; i++) if (!/\s/u.test(text[i]) && !shown.has(i)) return false;
  return true;
}
