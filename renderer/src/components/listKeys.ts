/**
 * Where an arrow key (or Home, End) moves the current item of a list of `count` items from `at`: the keyboard
 * pattern shared by the views' tab list, the document list and menus. Null for any other key.
 */
export function stepIndex(
  key: string,
  at: number,
  count: number,
  o: { next: string; previous: string; wrap: boolean },
): number | null {
  if (count === 0) return null;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  if (key === o.next) return o.wrap ? (at + 1) % count : Math.min(at + 1, count - 1);
  if (key === o.previous) return o.wrap ? (at - 1 + count) % count : Math.max(at - 1, 0);
  return null;
}

export const VERTICAL = { next: 'ArrowDown', previous: 'ArrowUp' } as const;
export const HORIZONTAL = { next: 'ArrowRight', previous: 'ArrowLeft' } as const;
