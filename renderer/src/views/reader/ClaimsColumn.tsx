import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Claim, Domain } from '../../../../shared/api';
import { ClaimCard } from './ClaimCard';
import type { Offsets } from './textRanges';

export interface ColumnNav {
  /** Scrolls the column to the claim's card (rendering it if the list had not). */
  show: (id: number) => void;
}

/** Index of the first claim (in text order) still open at `offset`, or the first starting after it. */
/** How long the text stays still before the column follows it. */
const FOLLOW_AFTER_MS = 120;

function firstInView(claims: Claim[], view: Offsets): number {
  let lo = 0;
  let hi = claims.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (claims[mid].start < view.start) lo = mid + 1;
    else hi = mid;
  }
  // A claim that starts above the view and reaches into it comes first; look back a little for one.
  for (let i = Math.max(0, lo - 20); i < lo; i++) if (claims[i].end > view.start) return i;
  return lo < claims.length && claims[lo].start < view.end ? lo : -1;
}

/**
 * The claims of the open document as cards, in text order, following the text's scroll. A virtual list: a
 * document with 10,000 claims keeps a few dozen cards in the DOM.
 */
export function ClaimsColumn(props: {
  claims: Claim[];
  domainById: Map<number, Domain>;
  selectedId: number | null;
  view: Offsets | null;
  navRef: RefObject<ColumnNav | null>;
  head: ReactNode;
  onSelect: (id: number) => void;
  onDelete: (c: Claim) => void;
  onSaveNote: (c: Claim, note: string) => void;
  /** The paragraph number of an offset, as exports cite it. */
  paragraphAt?: (offset: number) => number;
}): ReactNode {
  const { claims, view, navRef } = props;
  const asideRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // The column's sticky head covers the top of the list: as tall as it is (two lines with a long domain filter).
  const [headHeight, setHeadHeight] = useState(44);
  const virtualizer = useVirtualizer({
    count: claims.length,
    getScrollElement: () => asideRef.current,
    estimateSize: () => 120,
    getItemKey: (i) => claims[i].id,
    overscan: 6,
    scrollMargin,
    scrollPaddingStart: headHeight + 8,
  });

  // The list starts below the column's head (whose height changes with the filter banner and hint).
  useLayoutEffect(() => {
    const list = listRef.current;
    const aside = asideRef.current;
    if (!list || !aside) return;
    const measure = (): void => {
      const top = list.getBoundingClientRect().top - aside.getBoundingClientRect().top + aside.scrollTop;
      setScrollMargin((m) => (Math.abs(m - top) > 0.5 ? top : m));
      const head = aside.querySelector<HTMLElement>('.column-head')?.offsetHeight;
      if (head) setHeadHeight((h) => (Math.abs(h - head) > 0.5 ? head : h));
    };
    const sizes = new ResizeObserver(measure);
    const watch = (): void => {
      measure();
      sizes.disconnect();
      for (let el = list.previousElementSibling; el; el = el.previousElementSibling) sizes.observe(el);
    };
    watch();
    const children = new MutationObserver(watch);
    children.observe(aside, { childList: true });
    return () => {
      sizes.disconnect();
      children.disconnect();
    };
  }, []);

  useEffect(() => {
    navRef.current = {
      show: (id) => {
        const i = claims.findIndex((c) => c.id === id);
        if (i >= 0) virtualizer.scrollToIndex(i, { align: 'auto' });
      },
    };
  }, [navRef, claims, virtualizer]);

  // Follow the text: when no card of a claim on screen is in the column's view, bring one there (the selected
  // claim's when it is on screen, so that a link to a claim shows its card; else the first). Once the text has
  // been still for a moment: following every step of a fast scroll laid the column out again on every frame.
  const { selectedId } = props;
  useEffect(() => {
    if (!view) return;
    const timer = setTimeout(() => {
      const shows = (c: Claim | undefined): boolean => !!c && c.start < view.end && c.end > view.start;
      const selected = selectedId === null ? -1 : claims.findIndex((c) => c.id === selectedId);
      const target = shows(claims[selected]) ? selected : firstInView(claims, view);
      const range = virtualizer.range;
      if (target < 0 || !range) return;
      if (target >= range.startIndex && target <= range.endIndex) return;
      if (target !== selected)
        for (let i = range.startIndex; i <= range.endIndex && i < claims.length; i++)
          if (shows(claims[i])) return;
      virtualizer.scrollToIndex(target, { align: target === selected ? 'center' : 'start' });
    }, FOLLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [view, claims, virtualizer, selectedId]);

  const items = virtualizer.getVirtualItems();
  const inView = (c: Claim): boolean => view !== null && c.start < view.end && c.end > view.start;
  return (
    <aside className="claims-column" ref={asideRef} aria-label="Claims">
      {props.head}
      <div ref={listRef} className="cards" style={{ height: virtualizer.getTotalSize() }}>
        <div style={{ transform: `translateY(${(items[0]?.start ?? scrollMargin) - scrollMargin}px)` }}>
          {items.map((item) => {
            const c = claims[item.index];
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="card-slot"
              >
                <ClaimCard
                  claim={c}
                  domains={c.domainIds.map((id) => props.domainById.get(id)).filter((d) => d !== undefined)}
                  selected={c.id === props.selectedId}
                  inView={inView(c)}
                  onSelect={() => props.onSelect(c.id)}
                  onDelete={() => props.onDelete(c)}
                  onSaveNote={(note) => props.onSaveNote(c, note)}
                  paragraph={props.paragraphAt?.(c.start)}
                />
              </div>
            );
          })}
        </div>
      </div>
    </aside>
  );
}
