import { useRef, useState, type ReactNode } from 'react';
import type { ImportReport } from '../../../../shared/api';
import { api, bytesToBase64, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';

export const ACCEPTED = '.txt,.md';

/** Reads the chosen files and sends them to the core; the report says what came in and what did not. */
export function useImport(): {
  importFiles: (files: File[]) => Promise<void>;
  busy: boolean;
  report: ImportReport | null;
  error: string | null;
  dismiss: () => void;
} {
  const { changed, setStatus } = useProject();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const importFiles = async (files: File[]): Promise<void> => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    setStatus(`Importing ${files.length} ${files.length === 1 ? 'file' : 'files'}…`);
    try {
      const payload = await Promise.all(
        files.map(async (f) => ({
          name: f.name,
          base64: bytesToBase64(new Uint8Array(await f.arrayBuffer())),
        })),
      );
      const result = await api.importFiles({ files: payload });
      setReport(result);
      setStatus(
        `Import: ${result.imported.length} imported, ${result.skipped.length} skipped, ${result.failed.length} failed`,
        result.failed.length ? 'error' : 'ok',
      );
      changed();
    } catch (e) {
      setError(errorMessage(e));
      setStatus(`Import failed: ${errorMessage(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return { importFiles, busy, report, error, dismiss: () => (setReport(null), setError(null)) };
}

export function ImportButton(props: { onFiles: (files: File[]) => void; busy: boolean }): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="primary" disabled={props.busy} onClick={() => input.current?.click()}>
        {props.busy ? 'Importing…' : 'Import documents…'}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED}
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          props.onFiles(files);
        }}
      />
    </>
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What an import did, in the analyst's words, with the reasons one click away. */
export function ImportReportPanel(props: {
  report: ImportReport | null;
  error: string | null;
  onDismiss: () => void;
}): ReactNode {
  const { report, error } = props;
  if (!report && !error) return null;
  const failed = report?.failed ?? [];
  const skipped = report?.skipped ?? [];
  const kind = error || failed.length ? 'error' : 'ok';
  return (
    <section className={`import-report ${kind}`} role="status" aria-label="Import report">
      <div className="report-head">
        {error ? (
          <strong>Nothing was imported: {error}</strong>
        ) : (
          <strong>
            {plural(report!.imported.length, 'document imported', 'documents imported')}
            {skipped.length ? `, ${plural(skipped.length, 'file skipped', 'files skipped')}` : ''}
            {failed.length ? `, ${plural(failed.length, 'file', 'files')} not imported` : ''}.
          </strong>
        )}
        <button
          type="button"
          className="icon"
          aria-label="Dismiss the import report"
          onClick={props.onDismiss}
        >
          ×
        </button>
      </div>
      {report && report.imported.length > 0 && (
        <ul className="report-list">
          {report.imported.map((d) => (
            <li key={d.id}>
              <span className="badge ok">imported</span> {d.title} <span className="muted">({d.path})</span>
            </li>
          ))}
        </ul>
      )}
      {(failed.length > 0 || skipped.length > 0) && (
        <details open={failed.length > 0}>
          <summary>Details: why some files were not imported</summary>
          <ul className="report-list">
            {failed.map((f) => (
              <li key={`f${f.path}`}>
                <span className="badge error">failed</span> {f.path}: {f.error}
              </li>
            ))}
            {skipped.map((s) => (
              <li key={`s${s.path}`}>
                <span className="badge">skipped</span> {s.path}: {s.reason}
              </li>
            ))}
          </ul>
          {failed.length > 0 && (
            <p className="muted">
              Fix or replace the files above and import them again; nothing else was changed.
            </p>
          )}
        </details>
      )}
    </section>
  );
}
