import { useCallback, useRef, useState } from 'react';

/**
 * An element (through the returned ref) and its width, kept current as it resizes (window, side panel opening);
 * the width is 0 until it is laid out.
 */
export function useWidth(): [(el: HTMLElement | null) => void, number, HTMLElement | null] {
  const [width, setWidth] = useState(0);
  const [element, setElement] = useState<HTMLElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    setElement(el);
    if (!el) return;
    setWidth(el.clientWidth);
    observer.current = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.current.observe(el);
  }, []);
  return [ref, width, element];
}
