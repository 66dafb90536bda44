import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Backup } from '../../../../shared/api/backups';
import { publishEverything } from '../../api/changeBus';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { useFocusTrap } from '../../components/useFocusTrap';
import './BackupsDialog.css';

// Backups of the open project: listed newest first (date, documents, claims), one made on demand, one restored
// after a confirmation. The core keeps the current state as a backup before it restores, and restores in place,
// so the app only reloads what it shows.

const REASONS: Record<Backup['reason'], string> = {
  auto: 'automatic',
  manual: 'asked for',
  'before-restore': 'before a restore',
};

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The top bar's entry: opens the Backups dialog. */
export function BackupsButton(): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="backups-button"
        aria-haspopup="dialog"
        title="Back up the project, or restore a backup"
        onClick={() => setOpen(true)}
      >
        Backups…
      </button>
      {open && <BackupsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

export function BackupsDialog(props: { onClose: () => void }): ReactNode {
  const { setStatus } = useProject();
  const card = useRef<HTMLDivElement>(null);
  const backUpNow = useRef<HTMLButtonElement>(null);
  useFocusTrap(card, { onClose: props.onClose, initialFocus: backUpNow, outsidePress: 'keep' });
  const [list, setList] = useState<{ folder: string; backups: Backup[] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirming, setConfirming] = useState<Backup | null>(null);

  const load = useCallback(() => {
    api
      .listBackups({})
      .then(setList)
      .catch((e: unknown) => setMessage({ text: errorMessage(e), error: true }));
  }, []);
  useEffect(load, [load]);

  const run = async (label: string, task: () => Promise<string>): Promise<void> => {
    setBusy(label);
    setMessage({ text: `${label}…` });
    try {
      setMessage({ text: await task() });
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    } finally {
      setBusy(null);
      load();
    }
  };

  const backup = (): Promise<void> =>
    run('Backing up', async () => {
      const made = await api.createBackup({});
      return `Backed up: ${made.documents} documents, ${made.claims} claims.`;
    });

  // The confirmation goes away with the button that had the focus: it goes back to "Back up now".
  const closeConfirm = (): void => {
    setConfirming(null);
    backUpNow.current?.focus();
  };

  const restore = (b: Backup): Promise<void> => {
    closeConfirm();
    return run('Restoring', async () => {
      const r = await api.restoreBackup({ path: b.path });
      // Everything the views show may have changed (the core tells the other windows through the change stream).
      publishEverything();
      const text = `Restored the backup of ${when(r.restored.createdAt)}: ${r.restored.documents} documents, ${r.restored.claims} claims. The state before is kept as a backup.`;
      setStatus(text, 'ok');
      return text;
    });
  };

  return (
    <div className="overlay">
      <div
        className="overlay-card backups-dialog"
        ref={card}
        role="dialog"
        aria-modal="true"
        aria-labelledby="backups-title"
        tabIndex={-1}
      >
        <h2 id="backups-title">Backups</h2>
        <p className="muted">
          Dossier backs up the project when it opens and every few minutes while you work, and keeps the last
          10 and one a day for a week{list ? `, in ${list.folder}` : ''}.
        </p>
        <div className="backups-actions">
          {/* aria-disabled, not disabled: a disabled button drops the focus out of the dialog. */}
          <button
            type="button"
            ref={backUpNow}
            aria-disabled={busy !== null}
            onClick={() => busy === null && void backup()}
          >
            Back up now
          </button>
        </div>
        <p role="status" className={message?.error ? 'backups-message error' : 'backups-message'}>
          {message?.text ?? ''}
        </p>
        {confirming && (
          <div className="backups-confirm" role="group" aria-label="Confirm the restore">
            <p>
              Restore the backup of {when(confirming.createdAt)} ({confirming.documents} documents,{' '}
              {confirming.claims} claims)? The project as it is now is backed up first.
            </p>
            <button type="button" className="primary" autoFocus onClick={() => void restore(confirming)}>
              Restore
            </button>
            <button type="button" onClick={closeConfirm}>
              Cancel
            </button>
          </div>
        )}
        {list === null ? (
          <p className="muted">Loading…</p>
        ) : list.backups.length === 0 ? (
          <p className="muted">No backups yet.</p>
        ) : (
          <div className="backups-scroll">
            <table className="backups-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Made</th>
                  <th scope="col" className="num">
                    Documents
                  </th>
                  <th scope="col" className="num">
                    Claims
                  </th>
                  <th scope="col">
                    <span className="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.backups.map((b) => (
                  <tr key={b.path} title={b.path}>
                    <td>{when(b.createdAt)}</td>
                    <td>{REASONS[b.reason]}</td>
                    <td className="num">{b.documents ?? '—'}</td>
                    <td className="num">{b.claims ?? '—'}</td>
                    <td>
                      {b.problem ? (
                        <span className="backups-problem" title={b.problem}>
                          cannot be restored
                        </span>
                      ) : (
                        <button
                          type="button"
                          aria-disabled={busy !== null}
                          aria-label={`Restore the backup of ${when(b.createdAt)}`}
                          onClick={() => busy === null && setConfirming(b)}
                        >
                          Restore…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="backups-footer">
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
