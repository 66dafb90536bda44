import { createFocusTrap } from 'focus-trap';
import { useEffect, useRef, type RefObject } from 'react';

export interface TrapOptions {
  /** Escape, or a press outside (unless `outsidePress` is 'keep'): the overlay closes. */
  onClose: () => void;
  /** The element to focus first (default: the first tabbable one). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** 'close' (default): a press outside closes the overlay and goes through; 'keep': it is left alone. */
  outsidePress?: 'close' | 'keep';
  /** Presses inside this element (e.g. the card an editor sits in) neither close the overlay nor are blocked. */
  keepOn?: RefObject<HTMLElement | null>;
  /** Where focus goes back to on close (default: where it was when the overlay opened). */
  returnFocus?: RefObject<HTMLElement | null>;
}

/**
 * Focus for an overlay while it is mounted: moved into it when it opens, kept inside it (Tab and Shift+Tab
 * cycle), given back where it was when it closes; Escape closes it. A press outside closes it and is not
 * swallowed (a new selection in the text, a click on another view's tab), and then focus stays where it went.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, options: TrapOptions): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const o = latest.current;
    let pressedOutside = false;
    const within = (target: EventTarget | null): boolean =>
      target instanceof Node && !!latest.current.keepOn?.current?.contains(target);
    const trap = createFocusTrap(el, {
      initialFocus: () => o.initialFocus?.current ?? undefined,
      fallbackFocus: el,
      delayInitialFocus: false,
      preventScroll: true,
      // Escape is handled on the overlay itself (below): the trap's own listener is on the document, which an
      // overlay's handlers may keep a key from reaching.
      escapeDeactivates: false,
      // Only a press (mousedown, touchstart) closes: the click that ends a drag selection in the text, which
      // opened the tag popover, must not close it again.
      clickOutsideDeactivates: (e) => {
        if (e.type === 'click' || latest.current.outsidePress === 'keep' || within(e.target)) return false;
        pressedOutside = true;
        latest.current.onClose();
        return true;
      },
      allowOutsideClick: true,
      // After a press outside, focus stays with what was pressed.
      setReturnFocus: (before) => (pressedOutside ? false : (latest.current.returnFocus?.current ?? before)),
    });
    // Closing unmounts the overlay, whose cleanup deactivates the trap and gives focus back.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current.onClose();
    };
    el.addEventListener('keydown', onKey);
    trap.activate();
    return () => {
      el.removeEventListener('keydown', onKey);
      trap.deactivate();
    };
  }, [ref]);
}
