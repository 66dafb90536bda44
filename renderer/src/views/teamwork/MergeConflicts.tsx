import { useEffect, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useChangeVersion } from '../../api/useChanges';
import { useProject } from '../../components/ProjectContext';

// Claims a merge kept twice because both copies edited them: both versions side by side until the analyst keeps
// ours, theirs or both. Nothing is shown when there are none.

type Conflicts = MethodOutput<'listMergeConflicts'>;
type Version = Conflicts[number]['ours'];

function VersionCell(props: { v: Version }): ReactNode {
  return (
    <td>
      <span className="conflict-domains">{props.v.domains.join(', ')}</span>
      {props.v.note && <span className="conflict-note"> — {props.v.note}</span>}
      <span className="muted"> ({props.v.analyst || 'no analyst'})</span>
    </td>
  );
}

export function MergeConflicts(): ReactNode {
  const { setStatus } = useProject();
  const [list, setList] = useState<Conflicts>([]);
  const [error, setError] = useState<string | null>(null);
  const version = useChangeVersion({ tables: ['claims', 'claim_domains'] });
  const [again, setAgain] = useState(0);
  useEffect(() => {
    api
      .listMergeConflicts({})
      .then(setList)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [version, again]);
  if (!list.length && !error) return null;

  const keep = async (claimId: number, which: 'ours' | 'theirs' | 'both'): Promise<void> => {
    try {
      await api.resolveMergeConflict({ claimId, keep: which });
      setStatus(
        `Kept ${which === 'both' ? 'both versions' : `${which === 'ours' ? 'our' : 'their'} version`}`,
        'ok',
      );
      setAgain((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="merge-conflicts" aria-labelledby="merge-conflicts-title">
      <h3 id="merge-conflicts-title">Claims edited in both copies ({list.length})</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="teamwork-table">
        <thead>
          <tr>
            <th scope="col">Passage</th>
            <th scope="col">Ours</th>
            <th scope="col">Theirs (merged from)</th>
            <th scope="col">
              <span className="sr-only">Keep</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr key={c.claimId} data-claim={c.claimId}>
              <th scope="row">
                “{c.ours.quote.length > 80 ? `${c.ours.quote.slice(0, 79)}…` : c.ours.quote}”{' '}
                <span className="muted">{c.documentTitle}</span>
              </th>
              <VersionCell v={c.ours} />
              <VersionCell v={c.theirs} />
              <td className="conflict-actions">
                <button type="button" onClick={() => void keep(c.claimId, 'ours')}>
                  Keep ours
                </button>
                <button type="button" onClick={() => void keep(c.claimId, 'theirs')}>
                  Keep theirs
                </button>
                <button type="button" onClick={() => void keep(c.claimId, 'both')}>
                  Keep both
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
