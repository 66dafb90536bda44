import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Claim } from '../../../../shared/api';
import { api, base64ToBytes, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';

/** Offers a file to the user: a download in web mode (and, for now, in Electron too). */
export function saveFile(fileName: string, mimeType: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function toggle(list: number[], id: number): number[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

/** Tagged excerpts to CSV: one row per claim × domain, with exact code-point positions. */
export function ExportView(): ReactNode {
  const { documents, domains, version, setStatus } = useProject();
  const [domainIds, setDomainIds] = useState<number[]>([]);
  const [docIds, setDocIds] = useState<number[]>([]);
  const [bom, setBom] = useState(true);
  const [claims, setClaims] = useState<Claim[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .listClaims({})
      .then((cs) => live && setClaims(cs))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [version]);

  const rowCount = useMemo(
    () =>
      claims
        .filter((c) => docIds.length === 0 || docIds.includes(c.docId))
        .reduce(
          (n, c) => n + c.domainIds.filter((d) => domainIds.length === 0 || domainIds.includes(d)).length,
          0,
        ),
    [claims, docIds, domainIds],
  );

  const run = async (): Promise<void> => {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const file = await api.exportExcerpts({
        format: 'csv',
        domainIds: domainIds.length ? domainIds : undefined,
        docIds: docIds.length ? docIds : undefined,
        bom,
      });
      const bytes = base64ToBytes(file.base64);
      saveFile(file.fileName, file.mimeType, bytes);
      const message = `Exported ${rowCount} ${rowCount === 1 ? 'row' : 'rows'} to “${file.fileName}” (${(bytes.length / 1024).toFixed(1)} KB).`;
      setDone(message);
      setStatus(`${message} ✓`, 'ok');
    } catch (e) {
      setError(`The export failed: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export">
      <div className="view-head">
        <div>
          <h1>Export</h1>
          <p className="muted">
            Tagged excerpts as CSV: one row per claim and domain, with document, domain, quote, note and the
            exact start and end (in Unicode code points). Leave a list unticked to include everything.
          </p>
        </div>
      </div>
      <div className="export-filters">
        <fieldset>
          <legend>
            Domains <span className="muted">({domainIds.length ? `${domainIds.length} chosen` : 'all'})</span>
          </legend>
          {domains.map((d) => (
            <label key={d.id} className="check">
              <input
                type="checkbox"
                checked={domainIds.includes(d.id)}
                onChange={() => setDomainIds((l) => toggle(l, d.id))}
              />
              <span className="swatch" style={{ background: d.color }} />
              {d.name}
              <span className="count">{d.claims}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>
            Documents <span className="muted">({docIds.length ? `${docIds.length} chosen` : 'all'})</span>
          </legend>
          {documents.map((d) => (
            <label key={d.id} className="check">
              <input
                type="checkbox"
                checked={docIds.includes(d.id)}
                onChange={() => setDocIds((l) => toggle(l, d.id))}
              />
              {d.title}
              <span className="count">{d.claims}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <div className="export-actions">
        <label className="check">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
          For Excel (UTF-8 byte-order mark)
        </label>
        <span className="muted">
          {rowCount} {rowCount === 1 ? 'row' : 'rows'} will be exported
        </span>
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          {busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      {done && (
        <p className="confirm" role="status">
          ✓ {done}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
