import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { BlockView, type ClaimMark } from './BlockView';
import { blockIndexAt, spansPerBlock, type Block } from './blocks';
import type { Offsets } from './textRanges';
import { stripeObserver } from './stripes';
import { useOnScreen } from './useOnScreen';

export type { ClaimMark } from './BlockView';

/** Documents up to this length are rendered whole (all blocks in the DOM); longer ones only around the view. */
export const FULL_RENDER = 30_000;

export interface Measurable {
  getBoundingClientRect(): DOMRect;
}

export interface RevealOptions {
  /** Where the target goes, as a fraction of the pane's height from the top (default: the middle). */
  at?: number;
  /** Leave the scroll alone when the target is already well in view. */
  onlyIfHidden?: boolean;
}

/** What the Reader can ask of its text: bring an offset into the DOM and into view. */
export interface TextNav {
  /** `find` returns the exact target once its block is rendered (a highlight, a Range). */
  reveal: (offset: number, find: () => Measurable | null, options?: RevealOptions) => void;
}

const LINE_HEIGHT = 17 * 1.7;

/** A guess at a block's height before it is measured: close guesses keep the scrollbar steady. */
function estimate(block: Block, width: number): number {
  if (block.kind === 'gap') return 0;
  if (block.kind !== 'p') return block.kind === 'h1' ? 52 : 60;
  const perLine = Math.max(20, Math.floor((width || 620) / 8.4));
  const lines = Math.max(1, Math.ceil((block.bodyEnd - block.bodyStart) / perLine));
  return lines * LINE_HEIGHT + (block.continued ? 0 : 17);
}

function inView(r: DOMRect, box: DOMRect): boolean {
  return r.top >= box.top + 60 && r.bottom <= box.bottom - 60;
}

/**
 * The canonical text as a virtual list of blocks: only the blocks on screen (plus a few either side) are in the
 * DOM, each piece carrying `data-start` so that DOM positions map back to exact offsets. Short documents are
 * rendered whole, so their element's textContent equals the document's text exactly.
 */
export const DocumentText = memo(function DocumentText(props: {
  text: string;
  /** The text's blocks (splitBlocks), computed once by the Reader and shared with the reading caret. */
  blocks: Block[];
  /** The claims to draw, in text order. */
  marks: ClaimMark[];
  laneCount: number;
  selectedId: number | null;
  flashId: number | null;
  scrollRef: RefObject<HTMLElement | null>;
  navRef: RefObject<TextNav | null>;
  /** The part of the text on screen, reported when it changes. */
  onVisible: (range: Offsets) => void;
}): ReactNode {
  const { text, blocks, marks, laneCount, selectedId, flashId, scrollRef, navRef, onVisible } = props;
  const perBlock = useMemo(() => spansPerBlock(blocks, marks), [blocks, marks]);
  const rootRef = useRef<HTMLDivElement>(null);
  // The root as state too: what is on screen is measured once it exists.
  const [rootEl, setRootEl] = useState<HTMLDivElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [width, setWidth] = useState(0);
  const full = text.length <= FULL_RENDER;
  // The scroller is an ancestor: its ref is attached after this component's layout effects, so take it once
  // mounted (a passive effect) and let that render lay the list out.
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  useEffect(() => {
    setScroller(scrollRef.current);
    setRootEl(rootRef.current);
  }, [scrollRef]);

  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scroller,
    estimateSize: (i) => estimate(blocks[i], width),
    getItemKey: (i) => blocks[i].start,
    overscan: full ? blocks.length : 6,
    scrollMargin,
    // Sizes come from the ResizeObserver's entries only: a block just mounted keeps its estimate until the
    // observer reports it after layout (the default reads getBoundingClientRect at once, forcing a layout of
    // every block mounted while scrolling).
    measureElement: (el, entry, instance) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      const index = instance.indexFromElement(el);
      return instance.measurementsCache[index]?.size ?? estimate(blocks[index], width);
    },
  });

  // Margin stripes are placed from the same layout, by one observer for all blocks (stripes.ts).
  const [stripes] = useState(stripeObserver);
  useEffect(() => () => stripes.disconnect(), [stripes]);
  const observe = useCallback(
    (el: HTMLElement, on: boolean) => (on ? stripes.observe(el) : stripes.unobserve(el)),
    [stripes],
  );

  // The text starts below the page's header (and any bar above it): the list's offset in the scroller.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root || !scroller) return;
    const measure = (): void => {
      const top =
        root.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setScrollMargin((m) => (Math.abs(m - top) > 0.5 ? top : m));
      setWidth((w) => (Math.abs(w - root.clientWidth) > 0.5 ? root.clientWidth : w));
    };
    measure();
    const mutations = new MutationObserver(measure);
    mutations.observe(scroller, { childList: true });
    const resize = new ResizeObserver(measure);
    resize.observe(root);
    return () => {
      mutations.disconnect();
      resize.disconnect();
    };
  }, [scroller]);

  useEffect(() => {
    navRef.current = {
      reveal: (offset, find, options = {}) => {
        if (!scroller) return;
        const at = options.at ?? 0.5;
        const now = find();
        if (
          now &&
          options.onlyIfHidden &&
          inView(now.getBoundingClientRect(), scroller.getBoundingClientRect())
        )
          return;
        if (!now) {
          const target = virtualizer.getOffsetForIndex(blockIndexAt(blocks, offset), 'center');
          if (target) scroller.scrollTop = target[0];
        }
        // Blocks are measured as they mount, so positions move for a frame or two: settle on the target itself.
        let frames = 0;
        let still = 0;
        const settle = (): void => {
          if (++frames > 40) return;
          const el = find();
          if (el) {
            const r = el.getBoundingClientRect();
            const box = scroller.getBoundingClientRect();
            const delta = r.top + Math.min(r.height, box.height / 2) / 2 - (box.top + box.height * at);
            if (Math.abs(delta) > 2) {
              scroller.scrollTop += delta;
              still = 0;
            } else if (++still >= 2) return;
          }
          requestAnimationFrame(settle);
        };
        settle();
      },
    };
  }, [navRef, scroller, virtualizer, blocks]);

  const items = virtualizer.getVirtualItems();
  useOnScreen(scroller, rootEl, onVisible);

  const laneWidth = laneCount <= 4 ? 6 : Math.max(3, Math.floor(26 / laneCount));
  const offset = (items[0]?.start ?? scrollMargin) - scrollMargin;
  return (
    <div ref={rootRef} className="doc-virtual" style={{ height: virtualizer.getTotalSize() }}>
      <div className="doc-window" style={{ transform: `translateY(${offset}px)` }}>
        {items.map((item) => {
          const own = perBlock[item.index];
          const has = (id: number | null): number | null =>
            id !== null && own.some((m) => m.id === id) ? id : null;
          return (
            <BlockView
              key={item.key}
              index={item.index}
              text={text}
              block={blocks[item.index]}
              marks={own}
              selectedId={has(selectedId)}
              flashId={has(flashId)}
              laneWidth={laneWidth}
              width={width}
              measure={virtualizer.measureElement}
              observe={observe}
            />
          );
        })}
      </div>
    </div>
  );
});
