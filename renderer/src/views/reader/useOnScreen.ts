import { useEffect, useRef } from 'react';
import { offsetsOnScreen, type Offsets } from './textRanges';

/** A line showing fewer pixels than this at the top or bottom edge cannot be read: it is not on screen. */
const EDGE = 4;

/**
 * Reports the part of the text that is laid out inside the scroller's box, to the character, whenever it changes:
 * after a scroll, a resize, or blocks mounting, moving or being measured by the virtual list. Measured at most
 * once a frame, from what the browser laid out (estimated block positions were wrong after a fast scroll).
 */
export function useOnScreen(
  scroller: HTMLElement | null,
  root: HTMLElement | null,
  onVisible: (range: Offsets) => void,
): void {
  const report = useRef(onVisible);
  useEffect(() => {
    report.current = onVisible;
  }, [onVisible]);

  useEffect(() => {
    if (!scroller || !root) return;
    let frame = 0;
    let last: Offsets | null = null;
    const measure = (): void => {
      frame = 0;
      const box = scroller.getBoundingClientRect();
      const now = offsetsOnScreen(root, box.top + EDGE, box.bottom - EDGE);
      if (!now || (last && last.start === now.start && last.end === now.end)) return;
      last = now;
      report.current(now);
    };
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(scroller);
    resize.observe(root);
    // Blocks mount and unmount, the window of blocks moves (its transform), highlights change the pieces.
    // Stripes placed after layout (stripes.ts) move nothing that is read here.
    const mutations = new MutationObserver((records) => {
      if (records.some((r) => !(r.target instanceof HTMLElement && r.target.dataset.stripe))) schedule();
    });
    mutations.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    return () => {
      if (frame) cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      resize.disconnect();
      mutations.disconnect();
    };
  }, [scroller, root]);
}
