import { useEffect, useRef, type ReactNode } from 'react';
import { useProject } from '../../components/ProjectContext';
import {
  ACCEPTED,
  cancelImport,
  dismissImport,
  importState,
  importSummary,
  isBusy,
  startImport,
  useImportState,
  type ImportState,
} from './importJob';
import { importOutcome, importProgress, skipReason } from './importReport';
import { PasswordPrompt } from './PasswordPrompt';
import './library.css';

/** Starts a background import of the chosen files; the Library, left column and counts refresh at the end. */
export function useImport(): { importFiles: (files: File[]) => void; busy: boolean } {
  const { setStatus } = useProject();
  const imports = useImportState();
  const importFiles = (files: File[]): void => {
    void startImport(files, {
      onProgress: () => undefined,
      onDone: (job, error) => {
        if (job) {
          const summary = importSummary(job, importState().leftOut.length);
          const outcome = importOutcome(job, null);
          setStatus(
            `Import ${job.state === 'cancelled' ? 'cancelled' : 'finished'}: ${summary}`,
            outcome === 'with-failures' ? 'error' : outcome === 'ok' ? 'ok' : 'info',
          );
        } else if (error) setStatus(`Nothing was imported: ${error}`, 'error');
      },
    });
  };
  return { importFiles, busy: isBusy(imports) };
}

/** The two ways in: files (several at once) and a whole folder (with its sub-folders). */
export function ImportButton(props: { onFiles: (files: File[]) => void; busy: boolean }): ReactNode {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Not in React's typings; Chromium and Electron pick every file under the chosen folder.
    folder.current?.setAttribute('webkitdirectory', '');
  }, []);
  const take = (input: HTMLInputElement): void => {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    props.onFiles(chosen);
  };
  return (
    <div className="import-buttons">
      <button type="button" className="primary" disabled={props.busy} onClick={() => files.current?.click()}>
        {props.busy ? 'Importing…' : 'Import files…'}
      </button>
      <button type="button" disabled={props.busy} onClick={() => folder.current?.click()}>
        Import a folder…
      </button>
      <input
        ref={files}
        type="file"
        multiple
        accept={ACCEPTED}
        hidden
        data-testid="import-input"
        onChange={(e) => take(e.currentTarget)}
      />
      <input
        ref={folder}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        onChange={(e) => take(e.currentTarget)}
      />
    </div>
  );
}

function Bar(props: { state: ImportState; label: string }): ReactNode {
  const { reading, job } = props.state;
  // The step in hand (reading the files, then importing them), filled by the same counts as the words beside it.
  const step = importProgress(reading, job);
  const pct = step.fraction * 100;
  return (
    <div
      className="import-bar"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={step.total}
      aria-valuenow={step.done}
      aria-valuetext={step.line}
    >
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}

/** While an import runs: files done / total, the file in hand, MB/s, and Cancel. */
export function ImportProgressPanel(): ReactNode {
  const state = useImportState();
  const { reading, job } = state;
  if (!reading && job?.state !== 'running') return null;
  return (
    <section className="import-progress" aria-label="Import progress">
      <div className="import-progress-head">
        <strong>{importProgress(reading, job).line}…</strong>
        <button type="button" onClick={() => void cancelImport()}>
          Cancel
        </button>
      </div>
      <Bar state={state} label="Import progress" />
      <div className="import-current muted" title={job?.progress.currentFile}>
        {job?.progress.ocr
          ? `Recognising text (OCR): page ${job.progress.ocr.page} of ${job.progress.ocr.pages} · ${job.progress.ocr.path}`
          : job
            ? job.progress.currentFile || '…'
            : 'Reading the chosen files in the browser before sending them…'}
      </div>
    </section>
  );
}

/** The status bar's share of a running import, so that it stays in sight from every view. */
export function ImportStatus(): ReactNode {
  const state = useImportState();
  const { reading, job } = state;
  if (!reading && job?.state !== 'running') return null;
  return (
    <span className="import-status" data-testid="import-status">
      <Bar state={state} label="Import progress in the status bar" />
      <span className="import-status-text">
        {importProgress(reading, job).line}
        {!reading && job ? ` · ${job.progress.currentFile}` : '…'}
      </span>
      <button type="button" className="link" onClick={() => void cancelImport()}>
        Cancel
      </button>
    </span>
  );
}

/** What the last import did, in the analyst's words, with the per-file reasons one click away. */
export function ImportReportPanel(): ReactNode {
  const { job, leftOut, error, reading } = useImportState();
  if (reading || job?.state === 'running' || (!job && !error)) return null;
  const report = job?.report;
  const failed = report?.failed ?? [];
  const skipped = [...(report?.skipped ?? []), ...leftOut];
  const kind = importOutcome(job, error);
  return (
    <section className={`import-report ${kind}`} role="status" aria-label="Import report">
      <div className="report-head">
        <strong>
          {job
            ? `${job.state === 'cancelled' ? 'Import cancelled: ' : ''}${importSummary(job, leftOut.length)}`
            : `Nothing was imported: ${error}`}
        </strong>
        <button type="button" className="icon" aria-label="Dismiss the import report" onClick={dismissImport}>
          ×
        </button>
      </div>
      {job?.error && <p className="error">The import stopped: {job.error}</p>}
      <PasswordPrompt />
      {job?.state === 'cancelled' && (
        <p className="muted">
          Everything imported before the cancel is kept; import the same files again to bring in the rest.
        </p>
      )}
      {report && (report.imported.length > 0 || skipped.length > 0 || failed.length > 0) && (
        <details key={job?.jobId}>
          <summary>Details, file by file</summary>
          <ul className="report-list">
            {failed.map((f) => (
              <li key={`f${f.path}`}>
                <span className="badge error">failed</span> {f.path}: {f.error}
              </li>
            ))}
            {skipped.map((s) => (
              <li key={`s${s.path}`}>
                <span className="badge">skipped</span> {s.path}: {skipReason(s)}
              </li>
            ))}
            {report.imported.map((d) => (
              <li key={`i${d.id}`}>
                <span className="badge ok">imported</span> {d.title} <span className="muted">({d.path})</span>
              </li>
            ))}
          </ul>
          {failed.length > 0 && (
            <p className="muted">
              Fix or replace the failed files and import them again; nothing else changed.
            </p>
          )}
        </details>
      )}
    </section>
  );
}
