import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { publishEverything } from '../../api/changeBus';
import { api, errorMessage } from '../../api/client';
import { useProject } from '../../components/ProjectContext';
import { Dialog } from '../../components/Dialog';

// Merge project… (another copy of this project, or a .qdpx from another tool) and Save a copy for an analyst…:
// each a dialog of its own, opened from one button. A merge is previewed first (a dry run: nothing written),
// then done as one undoable step; the report says what was added, found identical and in conflict, per kind.

type Report = MethodOutput<'mergeProject'>;

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

function useOtherProjects(): { folder: string; paths: string[] } {
  const [list, setList] = useState<{ folder: string; paths: string[] }>({ folder: '', paths: [] });
  useEffect(() => {
    api
      .listProjects({})
      .then((r) => setList({ folder: r.folder, paths: r.projects.map((p) => p.path) }))
      .catch(() => undefined);
  }, []);
  return list;
}

function ReportView(props: { report: Report }): ReactNode {
  const r = props.report;
  const rows: [string, { added: number; identical: number; conflicting: number }][] = [
    ['Documents', r.documents],
    ['Domains', r.domains],
    ['Claims', r.claims],
  ];
  const differing = r.domains.items.filter((i) => i.status !== 'added' && i.status !== 'only ours');
  return (
    <div className="merge-report" aria-label="Merge report" role="region">
      <p>
        {r.dryRun ? 'Merging' : 'Merged'} <strong>{r.source.name}</strong>
        {r.dryRun ? ' would give:' : ' (Undo reverts it):'}
      </p>
      <table className="teamwork-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Kind</span>
            </th>
            <th scope="col" className="num">
              Added
            </th>
            <th scope="col" className="num">
              Identical
            </th>
            <th scope="col" className="num">
              Conflicting
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([kind, c]) => (
            <tr key={kind}>
              <th scope="row">{kind}</th>
              <td className="num">{c.added}</td>
              <td className="num">{c.identical}</td>
              <td className="num">{c.conflicting}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {differing.length > 0 && (
        <>
          <h3>Codebook differences</h3>
          <ul>
            {differing.map((i) => (
              <li key={i.name}>
                {i.name}: {i.status} (ours “{i.ours}”, theirs “{i.theirs}”) — {i.resolution}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.claims.conflicts.length > 0 && (
        <>
          <h3>Claims edited in both copies</h3>
          <p className="muted">Both versions are kept; theirs is marked as a conflict until reviewed.</p>
          <ul>
            {r.claims.conflicts.map((c) => (
              <li key={c.ourClaimId}>
                “{c.excerpt}” ({c.analyst}, {c.documentTitle}): {c.differences.join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.problems.length > 0 && (
        <>
          <h3>Not merged</h3>
          <ul>
            {r.problems.map((p, i) => (
              <li key={i}>
                {p.name}: {p.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function MergeDialog(props: { onClose: () => void }): ReactNode {
  const { setStatus } = useProject();
  const input = useRef<HTMLInputElement>(null);
  const others = useOtherProjects();
  const [path, setPath] = useState('');
  const [rule, setRule] = useState<'keep-ours' | 'take-theirs'>('keep-ours');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean): Promise<void> => {
    if (busy || !path.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.mergeProject({ path: path.trim(), dryRun, domains: rule });
      setReport(r);
      if (!dryRun) {
        publishEverything();
        setStatus(
          `Merged ${r.source.name}: ${plural(r.claims.added, 'claim')} added, ${r.claims.conflicting} in conflict`,
          'ok',
        );
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Merge project" onClose={props.onClose} initialFocus={input} className="teamwork-dialog">
      <form
        className="teamwork-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
      >
        <label>
          <span className="label">Project to merge in (.dossier, or .qdpx from another tool)</span>
          <input
            ref={input}
            list="merge-candidates"
            value={path}
            placeholder={others.folder ? `${others.folder}/…` : '/path/to/copy.dossier'}
            onChange={(e) => {
              setPath(e.target.value);
              setReport(null);
            }}
          />
          <datalist id="merge-candidates">
            {others.paths.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <fieldset>
          <legend>A domain renamed or moved in the other copy</legend>
          <label>
            <input
              type="radio"
              checked={rule === 'keep-ours'}
              onChange={() => (setRule('keep-ours'), setReport(null))}
            />{' '}
            keep our name and place
          </label>
          <label>
            <input
              type="radio"
              checked={rule === 'take-theirs'}
              onChange={() => (setRule('take-theirs'), setReport(null))}
            />{' '}
            take theirs
          </label>
        </fieldset>
        <p className="error" role="alert">
          {error ?? ''}
        </p>
        {report && <ReportView report={report} />}
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            {report && !report.dryRun ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" aria-disabled={busy || !path.trim()}>
            Preview
          </button>
          <button
            type="button"
            className="primary"
            aria-disabled={busy || !report?.dryRun}
            onClick={() => report?.dryRun && void run(false)}
          >
            Merge
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function CopyForAnalystDialog(props: { onClose: () => void }): ReactNode {
  const { setStatus, project } = useProject();
  const input = useRef<HTMLInputElement>(null);
  const others = useOtherProjects();
  const [analyst, setAnalyst] = useState('');
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const suggested =
    others.folder && project ? `${others.folder}/${project.name} — ${analyst.trim() || 'blank'}.dossier` : '';

  const save = async (): Promise<void> => {
    setError(null);
    try {
      const r = await api.copyForAnalyst({
        path: (path.trim() || suggested).trim(),
        ...(analyst.trim() ? { analyst: analyst.trim() } : {}),
      });
      const text = `Saved ${r.path}: ${r.documents} documents, ${r.domains} domains, ${r.claims} claims`;
      setDone(text);
      setStatus(text, 'ok');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog
      title="Save a copy for an analyst"
      onClose={props.onClose}
      initialFocus={input}
      className="teamwork-dialog"
    >
      <form
        className="teamwork-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted">
          The copy has the same documents and codebook, and only this analyst’s claims (none when you name no
          one). Merge it back here when they are done.
        </p>
        <label>
          <span className="label">Analyst</span>
          <input ref={input} value={analyst} onChange={(e) => setAnalyst(e.target.value)} />
        </label>
        <label>
          <span className="label">Save as</span>
          <input value={path} placeholder={suggested} onChange={(e) => setPath(e.target.value)} />
        </label>
        <p className="error" role="alert">
          {error ?? ''}
        </p>
        {done && <p role="status">{done}</p>}
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" aria-disabled={!(path.trim() || suggested)}>
            Save copy
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The entry point (the Agreement view's header; the project menu can open the same dialog). */
export function MergeButton(): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Merge project…
      </button>
      {open && <MergeDialog onClose={() => setOpen(false)} />}
    </>
  );
}

export function CopyForAnalystButton(): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Save a copy for an analyst…
      </button>
      {open && <CopyForAnalystDialog onClose={() => setOpen(false)} />}
    </>
  );
}
