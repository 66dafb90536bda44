import {
  useCallback,
  useEffect,
  useState,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import { useWidth } from './useWidth';

// The grid's own horizontal scrollbar is the browser's, which some systems draw only while scrolling (overlay
// scrollbars) or not at all: columns past the edge then looked absent. This rail is always drawn under the grid,
// shows how much of the columns is in view, and scrolls them (drag, click, ‹ ›, arrow keys, Home/End). It drives
// the grid's scroll viewport, which AG Grid keeps in step with the columns.
const VIEWPORT = '.ag-body-horizontal-scroll-viewport';

interface Metrics {
  scrollWidth: number;
  clientWidth: number;
  scrollLeft: number;
}

/** A horizontal scroll rail for the AG Grid inside `host`; `tick` changes whenever the grid scrolls or resizes. */
export function ScrollRail(props: { host: HTMLElement | null; tick: unknown; label: string }): ReactNode {
  const { host, tick } = props;
  const [m, setM] = useState<Metrics>({ scrollWidth: 0, clientWidth: 0, scrollLeft: 0 });
  const [trackRef, trackWidth] = useWidth();
  const viewport = useCallback(() => host?.querySelector<HTMLElement>(VIEWPORT) ?? null, [host]);

  const read = useCallback(() => {
    const v = viewport();
    if (v) setM({ scrollWidth: v.scrollWidth, clientWidth: v.clientWidth, scrollLeft: v.scrollLeft });
  }, [viewport]);

  useEffect(() => {
    read();
    const v = viewport();
    if (!v) return;
    v.addEventListener('scroll', read, { passive: true });
    const ro = new ResizeObserver(read);
    ro.observe(v);
    return () => {
      v.removeEventListener('scroll', read);
      ro.disconnect();
    };
  }, [read, viewport, tick]);

  const max = Math.max(0, m.scrollWidth - m.clientWidth);
  const scrollTo = (left: number): void => {
    const v = viewport();
    if (v) v.scrollLeft = Math.max(0, Math.min(max, left));
  };
  const thumbWidth = m.scrollWidth > 0 ? Math.max(24, (trackWidth * m.clientWidth) / m.scrollWidth) : 0;
  const thumbLeft = max > 0 ? ((trackWidth - thumbWidth) * m.scrollLeft) / max : 0;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const steps: Record<string, number> = {
      ArrowLeft: m.scrollLeft - 60,
      ArrowRight: m.scrollLeft + 60,
      PageUp: m.scrollLeft - m.clientWidth,
      PageDown: m.scrollLeft + m.clientWidth,
      Home: 0,
      End: max,
    };
    if (!(e.key in steps)) return;
    e.preventDefault();
    scrollTo(steps[e.key]);
  };

  const drag = (e: ReactPointerEvent<HTMLDivElement>): void => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const start = m.scrollLeft;
    const perPixel = trackWidth > thumbWidth ? max / (trackWidth - thumbWidth) : 0;
    const move = (ev: PointerEvent): void => scrollTo(start + (ev.clientX - startX) * perPixel);
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  if (max <= 0) return null;
  return (
    <div className="scroll-rail">
      <button
        type="button"
        className="icon"
        aria-label="Scroll the columns left"
        disabled={m.scrollLeft <= 0}
        onClick={() => scrollTo(m.scrollLeft - m.clientWidth * 0.75)}
      >
        ‹
      </button>
      <div
        ref={trackRef}
        className="scroll-track"
        role="scrollbar"
        aria-label={props.label}
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={max > 0 ? Math.round((100 * m.scrollLeft) / max) : 0}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          // A click on the track pages towards it.
          const r = e.currentTarget.getBoundingClientRect();
          const x = e.clientX - r.left;
          scrollTo(m.scrollLeft + (x < thumbLeft ? -m.clientWidth : m.clientWidth));
        }}
      >
        <div className="scroll-thumb" style={{ width: thumbWidth, left: thumbLeft }} onPointerDown={drag} />
      </div>
      <button
        type="button"
        className="icon"
        aria-label="Scroll the columns right"
        disabled={m.scrollLeft >= max}
        onClick={() => scrollTo(m.scrollLeft + m.clientWidth * 0.75)}
      >
        ›
      </button>
    </div>
  );
}
