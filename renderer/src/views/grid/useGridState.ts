import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';

/**
 * A grid's saved state (per project, through getGridState/setGridState): `loaded` is false until the stored
 * state has arrived, so that a grid does not overwrite it with its defaults. Saves are debounced.
 */
export function useGridState<T extends object>(
  grid: string,
): { loaded: boolean; state: Partial<T>; save: (patch: Partial<T>, debounce?: boolean) => void } {
  const [loaded, setLoaded] = useState(false);
  const [state, setState] = useState<Partial<T>>({});
  const current = useRef<Partial<T>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api
      .getGridState({ grid })
      .then((r) => {
        if (!live) return;
        const stored = r.state && typeof r.state === 'object' ? (r.state as Partial<T>) : {};
        current.current = stored;
        setState(stored);
        setLoaded(true);
      })
      .catch(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [grid]);

  // A pending save is sent at once when the grid goes away (switching views), not lost.
  useEffect(
    () => () => {
      if (timer.current === undefined) return;
      clearTimeout(timer.current);
      void api.setGridState({ grid, state: current.current }).catch(() => undefined);
    },
    [grid],
  );

  const save = useCallback(
    (patch: Partial<T>, debounce = false) => {
      const next = { ...current.current, ...patch };
      // Grids report their state on every render pass: only a real change is saved.
      if (JSON.stringify(next) === JSON.stringify(current.current)) return;
      current.current = next;
      setState(next);
      clearTimeout(timer.current);
      timer.current = undefined;
      const send = (): void => {
        timer.current = undefined;
        void api.setGridState({ grid, state: current.current }).catch(() => undefined);
      };
      // A choice (measure, rows, a group) is saved at once; a stream of grid events (resizing) after a pause.
      if (debounce) timer.current = setTimeout(send, 250);
      else send();
    },
    [grid],
  );
  return { loaded, state, save };
}
