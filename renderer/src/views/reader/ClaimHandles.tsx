import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type PointerEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { Claim } from '../../../../shared/api';
import { snapToWords } from '../../../../shared/text';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { caretAt } from './caretDom';
import { boundaryOffset } from './selection';
import './ClaimHandles.css';

type Edge = 'start' | 'end';

interface Spot {
  left: number;
  top: number;
  height: number;
}

interface Drag {
  edge: Edge;
  /** The range the claim would have if the pointer were released now. */
  range: { start: number; end: number };
}

/** The claim's first and last line boxes, relative to the scrolling pane's content. */
function edgeSpots(root: HTMLElement, scroller: HTMLElement, id: number): { start: Spot; end: Spot } | null {
  const parts = root.querySelectorAll<HTMLElement>(`[data-claims~="${id}"]`);
  if (parts.length === 0) return null;
  const first = parts[0].getClientRects()[0];
  const lastRects = parts[parts.length - 1].getClientRects();
  const last = lastRects[lastRects.length - 1];
  if (!first || !last) return null;
  const box = scroller.getBoundingClientRect();
  const at = (x: number, r: DOMRect): Spot => ({
    left: x - box.left + scroller.scrollLeft,
    top: r.top - box.top + scroller.scrollTop,
    height: r.height,
  });
  return { start: at(first.left, first), end: at(last.right, last) };
}

/**
 * Handles at both ends of the selected claim: drag one to move that end. The new extent is shown as the text
 * selection while dragging, snaps to whole words (hold Alt for exact characters) and is saved on release as one
 * undoable edit.
 */
export function ClaimHandles(props: {
  claim: Claim;
  text: string;
  textRef: RefObject<HTMLElement | null>;
  scrollRef: RefObject<HTMLElement | null>;
}): ReactNode {
  const { claim, text, textRef, scrollRef } = props;
  const { setStatus } = useProject();
  const [spots, setSpots] = useState<{ start: Spot; end: Spot } | null>(null);
  const drag = useRef<Drag | null>(null);
  const [dragging, setDragging] = useState<Edge | null>(null);

  const measure = useCallback(() => {
    const root = textRef.current;
    const scroller = scrollRef.current;
    setSpots(root && scroller ? edgeSpots(root, scroller, claim.id) : null);
  }, [claim.id, textRef, scrollRef]);

  // After every render of the text (a new claim, an edit, a virtualized block coming into view), re-measure.
  useLayoutEffect(measure, [measure, claim.start, claim.end]);
  useEffect(() => {
    const root = textRef.current;
    const scroller = scrollRef.current;
    if (!root || !scroller) return;
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    const mutations = new MutationObserver(measure);
    mutations.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [measure, textRef, scrollRef]);

  const rangeAt = (
    edge: Edge,
    x: number,
    y: number,
    exact: boolean,
  ): { start: number; end: number } | null => {
    const root = textRef.current;
    const caret = caretAt(x, y);
    if (!root || !caret || !root.contains(caret.node)) return null;
    const at = boundaryOffset(root, text.length, caret.node, caret.offset);
    if (edge === 'start') {
      const start = Math.min(at, claim.end - 1);
      return exact
        ? { start, end: claim.end }
        : { start: snapToWords(text, start, claim.end).start, end: claim.end };
    }
    const end = Math.max(at, claim.start + 1);
    return exact
      ? { start: claim.start, end }
      : { start: claim.start, end: snapToWords(text, claim.start, end).end };
  };

  const showAsSelection = (range: { start: number; end: number }): void => {
    const root = textRef.current;
    if (!root) return;
    const point = (offset: number): [Node, number] | null => {
      for (const el of root.querySelectorAll<HTMLElement>('[data-start]')) {
        const from = Number(el.dataset.start);
        const node = el.firstChild;
        if (node?.nodeType === Node.TEXT_NODE && from <= offset && offset <= from + (node as Text).length)
          return [node, offset - from];
      }
      return null;
    };
    const a = point(range.start);
    const b = point(range.end);
    const selection = window.getSelection();
    if (!a || !b || !selection) return;
    selection.setBaseAndExtent(a[0], a[1], b[0], b[1]);
  };

  const onPointerDown = (edge: Edge) => (e: PointerEvent<HTMLElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { edge, range: { start: claim.start, end: claim.end } };
    setDragging(edge);
  };

  const onPointerMove = (e: PointerEvent<HTMLElement>): void => {
    const d = drag.current;
    if (!d) return;
    const next = rangeAt(d.edge, e.clientX, e.clientY, e.altKey);
    if (!next) return;
    d.range = next;
    showAsSelection(next);
  };

  const onPointerUp = async (e: PointerEvent<HTMLElement>): Promise<void> => {
    const d = drag.current;
    drag.current = null;
    setDragging(null);
    e.stopPropagation();
    window.getSelection()?.removeAllRanges();
    if (!d || (d.range.start === claim.start && d.range.end === claim.end)) return;
    try {
      await api.updateClaim({ id: claim.id, ...d.range });
      setStatus('Claim range changed ✓ · Ctrl+Z to undo', 'ok');
    } catch (error) {
      setStatus(`The range was not changed: ${errorMessage(error)}`, 'error');
    }
  };

  if (!spots) return null;
  return (['start', 'end'] as const).map((edge) => {
    const s = spots[edge];
    return (
      <span
        key={edge}
        className={`claim-handle ${edge}${dragging === edge ? ' dragging' : ''}`}
        role="slider"
        aria-label={
          edge === 'start' ? 'Drag to move the start of the claim' : 'Drag to move the end of the claim'
        }
        aria-valuenow={edge === 'start' ? claim.start : claim.end}
        title={edge === 'start' ? 'Drag to move the start (Alt: exact)' : 'Drag to move the end (Alt: exact)'}
        style={{ left: s.left, top: s.top, height: s.height }}
        onPointerDown={onPointerDown(edge)}
        onPointerMove={onPointerMove}
        onPointerUp={(e) => void onPointerUp(e)}
        onMouseDown={(e) => e.stopPropagation()}
        onMouseUp={(e) => e.stopPropagation()}
      />
    );
  });
}
