import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { useFocusTrap } from '../../components/useFocusTrap';

// The first start asks who the analyst is, once per machine user (the data folder's settings): every claim, memo
// and edit records the name, and exports carry it. Changeable later in Settings.

export function AnalystPrompt(): ReactNode {
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    api
      .getUserSettings({})
      .then((s) => setNeeded(s.needsAnalyst))
      .catch(() => setNeeded(false));
  }, []);
  return needed ? <AnalystDialog onDone={() => setNeeded(false)} /> : null;
}

function AnalystDialog(props: { onDone: () => void }): ReactNode {
  const { setStatus } = useProject();
  const card = useRef<HTMLFormElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  // Escape and a press outside leave it open: the name is needed before anything is recorded.
  useFocusTrap(card, {
    onClose: () => nameInput.current?.focus(),
    initialFocus: nameInput,
    outsidePress: 'keep',
  });
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async (): Promise<void> => {
    if (!name.trim()) {
      setError('Give your name (or the name your team knows you by).');
      nameInput.current?.focus();
      return;
    }
    try {
      const s = await api.updateUserSettings({ analyst: name, initials: initials || undefined });
      setStatus(`Welcome, ${s.analyst}: your claims and edits are recorded under your name`, 'ok');
      props.onDone();
    } catch (e) {
      setError(errorMessage(e));
      nameInput.current?.focus();
    }
  };

  return (
    <div className="overlay">
      <form
        ref={card}
        className="overlay-card project-dialog analyst-prompt"
        role="dialog"
        aria-modal="true"
        aria-labelledby="analyst-prompt-title"
        aria-describedby="analyst-prompt-why"
        tabIndex={-1}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="analyst-prompt-title">Who is analysing?</h2>
        <p id="analyst-prompt-why" className="muted">
          Dossier records your name on every claim, memo and edit, and exports carry it, so that a team can
          tell who coded what. It is kept for your user on this computer, not in the project; change it in
          Settings.
        </p>
        <div className="project-form">
          <label>
            <span className="label">Your name</span>
            <input
              ref={nameInput}
              value={name}
              maxLength={200}
              autoComplete="name"
              placeholder="e.g. Łucja Analityk"
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
          </label>
          <label>
            <span className="label">Initials</span>
            <input
              value={initials}
              maxLength={8}
              placeholder="ŁA"
              className="initials"
              onChange={(e) => setInitials(e.target.value)}
            />
          </label>
          <p className="error" role="alert">
            {error ?? ''}
          </p>
          <div className="actions">
            <button type="submit" className="primary">
              Start
            </button>
          </div>
        </div>
      </form>
    </div>
  );
}
