import { useState, type FormEvent, type ReactNode } from 'react';
import { importState, replaceImportJob, useImportState } from './importJob';
import { awaitingPassword, importWithPassword, skipProtected } from './passwordRetry';
import './passwordPrompt.css';

/**
 * Asks for the password of each encrypted PDF the last import could not open, one file at a time: Open tries it
 * (a wrong one asks again, saying so), Skip leaves the file out. Shown in the import report, not as a modal.
 */
export function PasswordPrompt(): ReactNode {
  const { job } = useImportState();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const waiting = awaitingPassword(job);
  const file = waiting[0];
  if (!job || job.state === 'running' || !file) return null;
  const name = file.path.split('/').pop() ?? file.path;
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    const next = await importWithPassword(importState().job ?? job, file.path, password);
    setPassword('');
    setBusy(false);
    replaceImportJob(next);
  };
  const skip = (): void => {
    skipProtected(file.path);
    setPassword('');
    replaceImportJob({ ...job });
  };
  const incorrect = file.password === 'incorrect';
  return (
    <form className="password-prompt" aria-label="PDF password" onSubmit={(e) => void submit(e)}>
      <label htmlFor="pdf-password">
        {incorrect ? (
          <>
            <span className="error">Incorrect password.</span> Try again for <strong>{name}</strong>
          </>
        ) : (
          <>
            <strong>{name}</strong> is password-protected.
          </>
        )}
        {waiting.length > 1 && <span className="muted"> ({waiting.length} protected files)</span>}
      </label>
      <div className="password-row">
        <input
          id="pdf-password"
          type="password"
          autoComplete="off"
          autoFocus
          value={password}
          disabled={busy}
          aria-invalid={incorrect}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" className="primary" disabled={busy || !password}>
          {busy ? 'Opening…' : 'Open'}
        </button>
        <button type="button" disabled={busy} onClick={skip}>
          Skip
        </button>
      </div>
      <p className="muted">The password opens the file for this import only; Dossier does not keep it.</p>
    </form>
  );
}
