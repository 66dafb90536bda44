import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { Domain } from '../../../../shared/api';
import type { ModelInfo, Suggestion } from '../../../../shared/api/suggest';
import { api } from '../../api/client';
import './suggest.css';

// "Suggest claims" (issue 17): suggestions from the model learnt on the analyst's own claims, reviewed one at a
// time — Accept (a) makes it a claim of theirs marked suggested, Reject (r) keeps it as a negative example, Skip
// (s) moves on. Nothing is applied without review. The Model tab shows, per domain, the claims it learnt from and
// its cross-validated precision and recall (folds by document), and which domains are hidden for too few claims;
// the Check tab lists claims the model strongly disputes.

type Tab = 'review' | 'model' | 'check';
type Dispute = Awaited<ReturnType<typeof api.consistencyCheck>>[number];

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);

export function SuggestDrawer(props: { docId: number; domains: Domain[]; onClose: () => void }): ReactNode {
  const { docId, domains, onClose } = props;
  const [tab, setTab] = useState<Tab>('review');
  const [scope, setScope] = useState<'document' | 'corpus'>('document');
  const [minScore, setMinScore] = useState(0.5);
  const [items, setItems] = useState<Suggestion[] | null>(null);
  const [at, setAt] = useState(0);
  const [model, setModel] = useState<ModelInfo | null>(null);
  const [disputes, setDisputes] = useState<Dispute[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = (id: number): string => domains.find((d) => d.id === id)?.name ?? String(id);

  const loadModel = useCallback(async () => {
    let m = await api.getModel({});
    if (!m.trained || m.stale) m = await api.trainModel({});
    setModel(m);
    return m;
  }, []);

  const load = useCallback(async () => {
    setError(null);
    try {
      await loadModel();
      const where = scope === 'document' ? { docIds: [docId] } : { all: true };
      const r = await api.suggestClaims({ ...where, minScore });
      setItems(r.suggestions);
      setAt(0);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [docId, scope, minScore, loadModel]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (tab === 'check') void api.consistencyCheck({}).then(setDisputes);
    if (tab === 'model') void loadModel();
  }, [tab, loadModel]);

  const current = items?.[at];
  const decide = useCallback(
    async (how: 'accept' | 'reject' | 'skip') => {
      if (!current) return;
      const d = { docId: current.docId, start: current.start, end: current.end, domainId: current.domainId };
      try {
        if (how === 'accept') await api.acceptSuggestion(d);
        if (how === 'reject') await api.rejectSuggestion(d);
        setAt((i) => i + 1);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [current],
  );

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') onClose();
    else if (tab === 'review' && e.key === 'a') void decide('accept');
    else if (tab === 'review' && e.key === 'r') void decide('reject');
    else if (tab === 'review' && (e.key === 's' || e.key === 'ArrowRight')) void decide('skip');
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <aside
      className="suggest-drawer"
      aria-label="Suggest claims"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      ref={(el) => el?.focus()}
    >
      <header>
        <h2>Suggest claims</h2>
        <button type="button" onClick={onClose} aria-label="Close suggestions">
          ×
        </button>
      </header>
      <div role="tablist" className="suggest-tabs">
        {(['review', 'model', 'check'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {t === 'review' ? 'Review' : t === 'model' ? 'Model' : 'Consistency check'}
          </button>
        ))}
      </div>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {tab === 'review' && (
        <>
          <label>
            Scope{' '}
            <select value={scope} onChange={(e) => setScope(e.target.value as 'document' | 'corpus')}>
              <option value="document">This document</option>
              <option value="corpus">Whole corpus</option>
            </select>
          </label>
          <label>
            Minimum score{' '}
            <select value={minScore} onChange={(e) => setMinScore(Number(e.target.value))}>
              {[0.1, 0.3, 0.5, 0.7, 0.9].map((x) => (
                <option key={x} value={x}>
                  {Math.round(x * 100)} %
                </option>
              ))}
            </select>
          </label>
          {items === null && <p className="muted">Learning from your claims…</p>}
          {items && !current && (
            <p className="muted">
              {items.length === 0
                ? 'No suggestions: tag a few more claims (each domain needs 5 in 2 documents).'
                : `Reviewed all ${items.length} suggestions.`}
            </p>
          )}
          {current && (
            <div className="suggest-item" data-testid="suggestion">
              <div>
                <strong>{name(current.domainId)}</strong>{' '}
                <span className="muted" data-testid="suggestion-score">
                  {Math.round(current.score * 100)} %
                </span>{' '}
                <span className="muted">
                  · {at + 1} of {items!.length}
                </span>
              </div>
              <p>
                <span className="suggest-context">…{current.before}</span>
                <mark>{current.quote}</mark>
                <span className="suggest-context">{current.after}…</span>
              </p>
              <div className="suggest-actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() => void decide('accept')}
                  aria-keyshortcuts="a"
                >
                  Accept (a)
                </button>
                <button type="button" onClick={() => void decide('reject')} aria-keyshortcuts="r">
                  Reject (r)
                </button>
                <button type="button" onClick={() => void decide('skip')} aria-keyshortcuts="s">
                  Skip (s)
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {tab === 'model' && model && (
        <div>
          <p className="muted">
            Learnt from {model.passages} passages on this machine; precision and recall cross-validated over{' '}
            {model.folds} folds by document. Domains with fewer than {model.minExamples} claims in{' '}
            {model.minDocuments} documents are hidden.
          </p>
          <table className="model-table" aria-label="Model per domain">
            <thead>
              <tr>
                <th>Domain</th>
                <th>Claims</th>
                <th>Precision</th>
                <th>Recall</th>
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
          <button type="button" onClick={() => void api.trainModel({}).then(setModel)}>
            Retrain now
          </button>
        </div>
      )}
      {tab === 'check' && (
        <ul aria-label="Claims the model disputes">
          {disputes?.length === 0 && <li className="muted">The model disputes none of your claims.</li>}
          {disputes?.map((d) => (
            <li key={`${d.claimId}:${d.domainId}`}>
              “{d.quote.slice(0, 120)}” — {name(d.domainId)} {Math.round(d.score * 100)} %
              {d.preferredDomainId !== null && ` (looks like ${name(d.preferredDomainId)})`}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
