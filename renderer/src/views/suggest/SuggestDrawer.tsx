import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { Domain } from '../../../../shared/api';
import type { Suggestion } from '../../../../shared/api/suggest';
import { onStreamEvent } from '../../api/changeBus';
import { api } from '../../api/client';
import { ModelPanel } from './ModelPanel';
import './suggest.css';

// "Suggest claims" (issue 17): suggestions from the model learnt on the analyst's own claims, reviewed one at a
// time — Accept (a) makes it a claim of theirs marked suggested, Reject (r) keeps it as a negative example, Skip
// (s or →) moves on, ← goes back. Nothing is applied without review. The core scores in a worker thread: a corpus
// run shows its progress (from the change stream) and can be cancelled, keeping what was scored. The Model tab
// (ModelPanel.tsx) shows the figures per domain; the Check tab lists claims the model strongly disputes.

type Tab = 'review' | 'model' | 'check';
type Dispute = Awaited<ReturnType<typeof api.consistencyCheck>>[number];
type Decision = 'accepted' | 'rejected';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
/** A run's name for the change stream and cancelSuggestions (letters, digits and '-'). */
const newJobId = (): string => `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function SuggestDrawer(props: { docId: number; domains: Domain[]; onClose: () => void }): ReactNode {
  const { docId, domains, onClose } = props;
  const [tab, setTab] = useState<Tab>('review');
  const [scope, setScope] = useState<'document' | 'corpus'>('document');
  const [minScore, setMinScore] = useState(0.5);
  const [items, setItems] = useState<Suggestion[] | null>(null);
  const [at, setAt] = useState(0);
  const [decided, setDecided] = useState<Map<number, Decision>>(new Map());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const [disputes, setDisputes] = useState<Dispute[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<string | null>(null);
  const cancelled = useRef<string | null>(null);
  const name = (id: number): string => domains.find((d) => d.id === id)?.name ?? String(id);

  const load = useCallback(async () => {
    const jobId = newJobId();
    running.current = jobId;
    setError(null);
    setItems(null);
    setStopped(null);
    setProgress(null);
    const stop = onStreamEvent((e) => {
      if (e.type === 'suggest' && e.job?.jobId === jobId)
        setProgress({ done: e.job.done, total: e.job.total });
    });
    try {
      const m = await api.getModel({});
      if (!m.trained || m.stale) await api.trainModel({});
      // A newer load took over, or Cancel was pressed while the model trained: nothing to score.
      if (running.current !== jobId) return;
      if (cancelled.current === jobId) {
        setItems([]);
        setStopped('cancelled');
        return;
      }
      const where = scope === 'document' ? { docIds: [docId] } : { all: true };
      const r = await api.suggestClaims({ ...where, minScore, jobId });
      if (running.current !== jobId) return;
      setItems(r.suggestions);
      setAt(0);
      setDecided(new Map());
      setStopped(r.stopped);
    } catch (e) {
      if (running.current === jobId) setError(message(e));
    } finally {
      stop();
      if (running.current === jobId) {
        running.current = null;
        setProgress(null);
      }
    }
  }, [docId, scope, minScore]);

  const cancel = useCallback(() => {
    const jobId = running.current;
    if (!jobId) return;
    cancelled.current = jobId;
    void api.cancelSuggestions({ jobId });
  }, []);

  useEffect(() => {
    void load();
    // A new scope or threshold (or closing the drawer) stops the run under way.
    return cancel;
  }, [load, cancel]);

  useEffect(() => {
    if (tab === 'check') api.consistencyCheck({}).then(setDisputes, (e: unknown) => setError(message(e)));
  }, [tab]);

  const current = items?.[at];
  const decision = decided.get(at);
  const decide = useCallback(
    async (how: 'accept' | 'reject' | 'skip' | 'back') => {
      if (how === 'back') return setAt((i) => Math.max(0, i - 1));
      if (!current) return;
      if (how !== 'skip') {
        // Gone back to one already decided: it stays as it is (never a second claim of it).
        if (decided.has(at)) return;
        const d = {
          docId: current.docId,
          start: current.start,
          end: current.end,
          domainId: current.domainId,
        };
        try {
          if (how === 'accept') await api.acceptSuggestion(d);
          else await api.rejectSuggestion(d);
          setDecided((m) => new Map(m).set(at, how === 'accept' ? 'accepted' : 'rejected'));
        } catch (e) {
          return setError(message(e));
        }
      }
      setAt((i) => i + 1);
    },
    [current, decided, at],
  );

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') onClose();
    else if (tab === 'review' && e.key === 'a') void decide('accept');
    else if (tab === 'review' && e.key === 'r') void decide('reject');
    else if (tab === 'review' && (e.key === 's' || e.key === 'ArrowRight')) void decide('skip');
    else if (tab === 'review' && e.key === 'ArrowLeft') void decide('back');
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
      <div role="tablist" className="suggest-tabs" aria-label="Suggestions">
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
          <div className="suggest-options">
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
                {/* The scores are calibrated: with few claims even good passages score low, so "any" (the
                    best first) and 5 % are offered besides the usual thresholds. */}
                {[0, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9].map((x) => (
                  <option key={x} value={x}>
                    {x === 0 ? 'any (best first)' : `${Math.round(x * 100)} %`}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {items === null && !error && (
            <div className="suggest-progress" role="status">
              {progress ? (
                <>
                  <span>
                    Scoring {progress.done} of {progress.total} documents…
                  </span>
                  <progress max={progress.total} value={progress.done} aria-label="Documents scored" />
                </>
              ) : (
                <span className="muted">Learning from your claims…</span>
              )}
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            </div>
          )}
          {stopped && items && (
            <p className="muted" data-testid="suggest-stopped">
              {stopped === 'cancelled' ? 'Cancelled' : 'Stopped at the time limit'}: these are the suggestions
              from the documents scored until then.
            </p>
          )}
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
                {decision && <span className="suggest-decided"> · {decision}</span>}
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
                  disabled={!!decision}
                >
                  Accept (a)
                </button>
                <button
                  type="button"
                  onClick={() => void decide('reject')}
                  aria-keyshortcuts="r"
                  disabled={!!decision}
                >
                  Reject (r)
                </button>
                <button type="button" onClick={() => void decide('skip')} aria-keyshortcuts="s ArrowRight">
                  Skip (s)
                </button>
                <button
                  type="button"
                  onClick={() => void decide('back')}
                  aria-keyshortcuts="ArrowLeft"
                  disabled={at === 0}
                  aria-label="Previous suggestion (←)"
                >
                  ←
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {tab === 'model' && <ModelPanel name={name} />}
      {tab === 'check' && (
        <ul aria-label="Claims the model disputes" className="suggest-disputes">
          {disputes === null && <li className="muted">Checking your claims…</li>}
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
