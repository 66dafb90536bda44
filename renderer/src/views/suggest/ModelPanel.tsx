import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { ModelInfo } from '../../../../shared/api/suggest';
import { onStreamEvent } from '../../api/changeBus';
import { api } from '../../api/client';

// The Model tab (issue 17): per domain, the claims the model learnt from and its cross-validated precision and
// recall (folds by document), the hidden domains, and where the model stands. The core retrains by itself a few
// seconds after the last edit and says so on the change stream: this panel follows ("Training…", "Up to date")
// without asking.

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);
const time = (iso: string): string =>
  new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

function statusOf(m: ModelInfo): { text: string; kind: 'busy' | 'ok' | 'error' | 'stale' } {
  if (m.training && m.measuring)
    return { text: 'Suggestions up to date; measuring precision and recall…', kind: 'busy' };
  if (m.training) return { text: 'Training…', kind: 'busy' };
  if (m.lastError) return { text: `Training failed: ${m.lastError}`, kind: 'error' };
  if (!m.trained) return { text: 'Not trained yet', kind: 'stale' };
  if (m.stale) return { text: 'Your claims changed: retraining in a few seconds', kind: 'stale' };
  return { text: `Up to date (trained ${time(m.trainedAt!)})`, kind: 'ok' };
}

export function ModelPanel(props: { name: (id: number) => string }): ReactNode {
  const { name } = props;
  const [model, setModel] = useState<ModelInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api.getModel({}).then(setModel, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => {
    refresh();
    return onStreamEvent((e) => {
      if (e.type === 'suggest' && e.model) refresh();
    });
  }, [refresh]);
  const retrain = (): void => {
    setError(null);
    api.trainModel({}).then(setModel, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  if (!model) return error ? <p role="alert">{error}</p> : <p className="muted">Loading the model…</p>;
  const status = statusOf(model);
  return (
    <div className="model-panel">
      <p className={`model-status ${status.kind}`} role="status" data-testid="model-status">
        {status.text}
      </p>
      {error && <p role="alert">{error}</p>}
      <p className="muted">
        Learnt from {model.passages} passages on this machine; precision and recall cross-validated over{' '}
        {model.folds} folds by document. Domains with fewer than {model.minExamples} claims in{' '}
        {model.minDocuments} documents are hidden.
      </p>
      <table className="model-table" aria-label="Model per domain">
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Claims</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
          </tr>
        </thead>
        <tbody>
          {model.domains
            .filter((d) => d.examples > 0)
            .map((d) => (
              <tr key={d.domainId} data-testid={`model-row-${d.domainId}`}>
                <td>{name(d.domainId)}</td>
                <td className="num">{d.examples}</td>
                <td className="num">{d.hidden ? 'hidden' : pct(d.precision)}</td>
                <td className="num">{d.hidden ? '' : pct(d.recall)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <button type="button" onClick={retrain} disabled={model.training}>
        Retrain now
      </button>
    </div>
  );
}
