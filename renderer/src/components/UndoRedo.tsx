import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../shared/api';
import { CHANGE_TABLES } from '../../../shared/api/changes';
import { onChange } from '../api/changeBus';
import { api, errorMessage } from '../api/client';
import { useProject } from './ProjectContext';
import { isTyping } from '../views/reader/useReaderKeys';

type HistoryState = MethodOutput<'historyState'>;

const EMPTY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

/**
 * Undo and redo for every claim and codebook edit of the session (the core keeps the history): two buttons in the
 * top bar whose tooltips name the step, and Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z (or Ctrl+Y) anywhere outside a text field.
 */
export function UndoRedo(): ReactNode {
  const { setStatus } = useProject();
  const [state, setState] = useState<HistoryState>(EMPTY);
  // Presses are queued, not dropped: Ctrl+Z pressed three times quickly undoes three steps, one after another.
  const queue = useRef<Promise<void>>(Promise.resolve());

  // Asked once; then every change event carries the history after it, so an edit costs no request here. An
  // event without it (an import, the project switched) asks again.
  const [asks, setAsks] = useState(0);
  useEffect(() => {
    let live = true;
    api
      .historyState({})
      .then((s) => live && setState(s))
      .catch(() => live && setState(EMPTY));
    return () => {
      live = false;
    };
  }, [asks]);
  useEffect(
    () =>
      onChange({ tables: CHANGE_TABLES }, (event) => {
        if (event.history) setState(event.history);
        else setAsks((n) => n + 1);
      }),
    [],
  );

  const step = useCallback(
    async (which: 'undo' | 'redo'): Promise<void> => {
      try {
        const done = which === 'undo' ? await api.undo({}) : await api.redo({});
        setState(done.state);
        if (done.label === null) setStatus(which === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
        else {
          setStatus(`${which === 'undo' ? 'Undone' : 'Redone'}: ${done.label} ✓`, 'ok');
        }
      } catch (e) {
        setStatus(`Could not ${which}: ${errorMessage(e)}`, 'error');
      }
    },
    [setStatus],
  );

  const run = useCallback(
    (which: 'undo' | 'redo'): Promise<void> => (queue.current = queue.current.then(() => step(which))),
    [step],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' || (key === 'y' && e.ctrlKey && !e.shiftKey)) {
        e.preventDefault();
        void run(key === 'y' || e.shiftKey ? 'redo' : 'undo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  return (
    <div className="undo-redo" role="group" aria-label="History">
      <button
        type="button"
        className="icon"
        aria-label="Undo"
        title={state.undoLabel ? `Undo ${state.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        disabled={!state.canUndo}
        onClick={() => void run('undo')}
      >
        ↶
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Redo"
        title={state.redoLabel ? `Redo ${state.redoLabel} (Shift+Ctrl+Z)` : 'Nothing to redo'}
        disabled={!state.canRedo}
        onClick={() => void run('redo')}
      >
        ↷
      </button>
    </div>
  );
}
