import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { api, errorMessage } from '../api/client';
import { useProject } from './ProjectContext';
import { useFocusTrap } from './useFocusTrap';
import type { OcrLanguage } from '../../../shared/api/corpus';
import { OcrLanguagesField } from './OcrLanguagesField';
import './Settings.css';

/** The gear in the top bar: a popover where the analyst sets their name once; it is recorded on every edit. */
export function SettingsButton(): ReactNode {
  const [open, setOpen] = useState(false);
  const gear = useRef<HTMLDivElement>(null);

  return (
    <div className="settings-anchor" ref={gear}>
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
      {open && <SettingsPopover onClose={() => setOpen(false)} keepOn={gear} />}
    </div>
  );
}

function SettingsPopover(props: { onClose: () => void; keepOn: RefObject<HTMLElement | null> }): ReactNode {
  const { setStatus } = useProject();
  const form = useRef<HTMLFormElement>(null);
  const name = useRef<HTMLInputElement>(null);
  // A press on the gear itself is its toggle's, not an outside press.
  useFocusTrap(form, { onClose: props.onClose, initialFocus: name, keepOn: props.keepOn });
  const [analyst, setAnalyst] = useState<string | null>(null);
  const [initials, setInitials] = useState('');
  const [perUser, setPerUser] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [ocrLanguages, setOcrLanguages] = useState<OcrLanguage[]>(['eng']);

  // The machine user's name (the data folder's settings), or the project's when the door serves one file alone.
  useEffect(() => {
    api
      .getUserSettings({})
      .then((s) => {
        setAnalyst(s.analyst);
        setInitials(s.initials);
        setPerUser(s.dataDir !== null);
        setOcrLanguages(s.ocrLanguages);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  const save = async (): Promise<void> => {
    if (analyst === null) return;
    try {
      const s = await api.updateUserSettings({
        analyst: analyst.trim(),
        initials: initials.trim() || undefined,
        ...(perUser ? { ocrLanguages } : {}),
      });
      setStatus(s.analyst ? `Edits are now recorded as ${s.analyst} ✓` : 'Analyst name cleared', 'ok');
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <form
      ref={form}
      className="settings-popover"
      role="dialog"
      aria-label="Settings"
      tabIndex={-1}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <span className="label">Analyst name</span>
        <input
          ref={name}
          value={analyst ?? ''}
          readOnly={analyst === null}
          placeholder="e.g. J. Smith"
          maxLength={200}
          onChange={(e) => setAnalyst(e.target.value)}
        />
      </label>
      {perUser && (
        <label>
          <span className="label">Initials</span>
          <input value={initials} maxLength={8} onChange={(e) => setInitials(e.target.value)} />
        </label>
      )}
      {perUser && <OcrLanguagesField value={ocrLanguages} onChange={setOcrLanguages} />}
      <p className="muted">
        {perUser
          ? 'Recorded on every claim, memo and edit you make, in every project; kept for your user on this computer.'
          : 'Recorded on every claim and edit you make in this project.'}
      </p>
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
