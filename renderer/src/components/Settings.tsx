import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, errorMessage } from '../api/client';
import { useProject } from './ProjectContext';
import './Settings.css';

/** The gear in the top bar: a popover where the analyst sets their name once; it is recorded on every edit. */
export function SettingsButton(): ReactNode {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div className="settings-anchor" ref={box}>
      <button
        type="button"
        className="icon gear"
        aria-label="Settings"
        aria-expanded={open}
        title="Settings"
        onClick={() => setOpen((o) => !o)}
      >
        ⚙
      </button>
      {open && <SettingsPopover onClose={() => setOpen(false)} />}
    </div>
  );
}

function SettingsPopover(props: { onClose: () => void }): ReactNode {
  const { changed, setStatus } = useProject();
  const [analyst, setAnalyst] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .getSettings({})
      .then((s) => setAnalyst(s.analyst))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  const save = async (): Promise<void> => {
    if (analyst === null) return;
    try {
      const s = await api.updateSettings({ analyst: analyst.trim() });
      setStatus(s.analyst ? `Edits are now recorded as ${s.analyst} ✓` : 'Analyst name cleared', 'ok');
      changed();
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <form
      className="settings-popover"
      role="dialog"
      aria-label="Settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <label>
        <span className="label">Analyst name</span>
        <input
          autoFocus
          value={analyst ?? ''}
          disabled={analyst === null}
          placeholder="e.g. J. Smith"
          maxLength={200}
          onChange={(e) => setAnalyst(e.target.value)}
        />
      </label>
      <p className="muted">Recorded on every claim and edit you make in this project.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={analyst === null}>
          Save
        </button>
      </div>
    </form>
  );
}
