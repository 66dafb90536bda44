import { useRef, useState, type ReactNode } from 'react';
import type { QdcImportReport, QdpxImportReport } from '../../../../shared/api/exports';
import { api, bytesToBase64, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { plural } from './filters';

type Issue = QdpxImportReport['problems'][number];

async function readUpload(file: File): Promise<{ fileName: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new Error(`“${file.name}” is empty`);
  return { fileName: file.name, base64: bytesToBase64(bytes) };
}

/** A button that opens the file chooser for one file of the given kind. */
function ChooseFile(props: {
  label: string;
  accept: string;
  busy: boolean;
  onFile: (file: File) => void;
}): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" disabled={props.busy} onClick={() => input.current?.click()}>
        {props.busy ? 'Importing…' : props.label}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        aria-label={props.label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}

function IssueList(props: { title: string; badge: string; issues: Issue[]; open?: boolean }): ReactNode {
  if (props.issues.length === 0) return null;
  return (
    <details open={props.open}>
      <summary>
        {props.title} ({props.issues.length})
      </summary>
      <ul className="report-list">
        {props.issues.map((s, i) => (
          <li key={i}>
            <span className={`badge ${props.badge}`}>{s.kind}</span> {s.name}: {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

function QdpxSummary(props: { report: QdpxImportReport; fileName: string }): ReactNode {
  const r = props.report;
  const desktop = typeof window !== 'undefined' && Boolean(window.dossierBridge);
  return (
    <section
      className={`import-report ${r.problems.length ? 'warn' : 'ok'}`}
      role="status"
      aria-label=".qdpx import summary"
    >
      <strong>
        “{props.fileName}” imported as a new project{r.name ? ` (“${r.name}” in the file)` : ''}
      </strong>
      <ul className="exchange-counts">
        <li>{plural(r.sources, 'source')}</li>
        <li>{plural(r.codes, 'code')}</li>
        <li>{plural(r.claims, 'coded passage')}</li>
        <li>{plural(r.notes, 'note')}</li>
        <li>{plural(r.users, 'user')}</li>
        <li>{plural(r.variables, 'variable')}</li>
        {r.memos > 0 && <li>{plural(r.memos, 'memo')}</li>}
        {r.sets > 0 && <li>{plural(r.sets, 'document set')}</li>}
        {r.skipped.length > 0 && (
          <li className="warn-text">{plural(r.skipped.length, 'item')} not imported</li>
        )}
        {r.problems.length > 0 && <li className="warn-text">{plural(r.problems.length, 'problem')}</li>}
      </ul>
      <p className="import-positions">
        <strong>Positions:</strong> {r.positions.basis}.
      </p>
      <p className="exchange-path">
        Saved as <code>{r.path}</code>
      </p>
      <p className="muted">
        This project is unchanged.{' '}
        {desktop ? (
          <>To work in the new one, choose File → Open project… and pick the file above.</>
        ) : (
          <>
            To work in the new one, stop this server and run <code>dossier serve "{r.path}"</code>.
          </>
        )}
      </p>
      <IssueList title="Not imported" badge="" issues={r.skipped} open />
      <IssueList title="Problems" badge="error" issues={r.problems} open />
    </section>
  );
}

function QdcSummary(props: { report: QdcImportReport; fileName: string }): ReactNode {
  const r = props.report;
  return (
    <section
      className={`import-report ${r.problems.length ? 'warn' : 'ok'}`}
      role="status"
      aria-label=".qdc import summary"
    >
      <strong>Codebook “{props.fileName}” merged</strong>
      <ul className="exchange-counts">
        <li>{plural(r.codes, 'code')} read</li>
        <li>{plural(r.created, 'new domain')}</li>
        <li>{plural(r.existing, 'already in the codebook', 'already in the codebook')}</li>
      </ul>
      {r.created > 0 && <p className="muted">The new domains are in the codebook on the left.</p>}
      <IssueList title="Problems" badge="error" issues={r.problems} open />
    </section>
  );
}

/** Import from NVivo, MAXQDA, ATLAS.ti, QualCoder: a whole project (.qdpx) or a codebook (.qdc). */
export function Exchange(): ReactNode {
  const { setStatus } = useProject();
  const [projectName, setProjectName] = useState('');
  const [busy, setBusy] = useState<'qdpx' | 'qdc' | null>(null);
  const [qdpx, setQdpx] = useState<{ report: QdpxImportReport; fileName: string } | null>(null);
  const [qdc, setQdc] = useState<{ report: QdcImportReport; fileName: string } | null>(null);
  const [error, setError] = useState<{ kind: 'qdpx' | 'qdc'; text: string } | null>(null);

  const importQdpx = async (file: File): Promise<void> => {
    setBusy('qdpx');
    setError(null);
    setQdpx(null);
    setStatus(`Importing “${file.name}”…`);
    try {
      const name = projectName.trim();
      const report = await api.importQdpx({ ...(await readUpload(file)), projectName: name || undefined });
      setQdpx({ report, fileName: file.name });
      setStatus(`Imported “${file.name}” as a new project ✓`, 'ok');
    } catch (e) {
      const text = `“${file.name}” was not imported: ${errorMessage(e)}. Nothing was created or changed.`;
      setError({ kind: 'qdpx', text });
      setStatus(text, 'error');
    } finally {
      setBusy(null);
    }
  };

  const importQdc = async (file: File): Promise<void> => {
    setBusy('qdc');
    setError(null);
    setQdc(null);
    setStatus(`Importing the codebook “${file.name}”…`);
    try {
      const report = await api.importQdc(await readUpload(file));
      setQdc({ report, fileName: file.name });
      setStatus(`Codebook “${file.name}” merged: ${plural(report.created, 'new domain')} ✓`, 'ok');
    } catch (e) {
      const text = `“${file.name}” was not imported: ${errorMessage(e)}. The codebook is unchanged.`;
      setError({ kind: 'qdc', text });
      setStatus(text, 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="exchange" aria-labelledby="exchange-title">
      <h2 id="exchange-title">Exchange with other tools</h2>
      <div className="exchange-cards">
        <div className="exchange-card">
          <h3>Import a REFI-QDA project (.qdpx)</h3>
          <p className="muted">
            From NVivo, MAXQDA, ATLAS.ti or QualCoder: texts, codebook, coded passages, notes and variables
            become a new project beside this one. The report lists everything that could not come in (PDF,
            picture and audio sources, sets, graphs, notes on nothing Dossier keeps) and why.
          </p>
          <div className="exchange-actions">
            <input
              type="text"
              placeholder="New project name (optional)"
              aria-label="New project name"
              value={projectName}
              onChange={(e) => setProjectName(e.target.value)}
            />
            <ChooseFile
              label="Choose a .qdpx file…"
              accept=".qdpx"
              busy={busy === 'qdpx'}
              onFile={(f) => void importQdpx(f)}
            />
          </div>
          {error?.kind === 'qdpx' && (
            <p className="error-box" role="alert">
              {error.text}
            </p>
          )}
          {qdpx && <QdpxSummary {...qdpx} />}
        </div>
        <div className="exchange-card">
          <h3>Import a codebook (.qdc)</h3>
          <p className="muted">
            Merges the codes, with their hierarchy, colours and descriptions, into this project’s codebook.
            Codes whose name is already there are kept as they are.
          </p>
          <div className="exchange-actions">
            <ChooseFile
              label="Choose a .qdc file…"
              accept=".qdc,.xml"
              busy={busy === 'qdc'}
              onFile={(f) => void importQdc(f)}
            />
          </div>
          {error?.kind === 'qdc' && (
            <p className="error-box" role="alert">
              {error.text}
            </p>
          )}
          {qdc && <QdcSummary {...qdc} />}
        </div>
      </div>
    </section>
  );
}
