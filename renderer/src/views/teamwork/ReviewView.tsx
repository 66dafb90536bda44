import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useChangeVersion } from '../../api/useChanges';
import { useProject } from '../../components/ProjectContext';

// The disagreement review: for one domain and two analysts, the passages where they differ, one at a time, A's
// coding beside B's over the same text (A only, B only and both in three treatments, every boundary marked),
// next/previous, and the four resolutions as buttons with keys. Each resolution is one undoable step; with
// "Record as", the result becomes that analyst's claims and A's and B's stay as they were.

type Disagreements = MethodOutput<'listDisagreements'>;
type Passage = Disagreements['passages'][number];
type Resolution = 'accept-a' | 'accept-b' | 'merge' | 'keep-both';

const ACTIONS: { resolution: Resolution; label: (a: string, b: string) => string; key: string }[] = [
  { resolution: 'accept-a', label: (a) => `Accept ${a}’s`, key: 'a' },
  { resolution: 'accept-b', label: (_a, b) => `Accept ${b}’s`, key: 'b' },
  { resolution: 'merge', label: () => 'Merge into one claim', key: 'm' },
  { resolution: 'keep-both', label: () => 'Keep both', key: 'k' },
];

function Side(props: { passage: Passage; side: 'a' | 'b'; analyst: string }): ReactNode {
  const { passage: p, side } = props;
  const parts: ReactNode[] = [];
  let at = p.start;
  for (const piece of p.pieces) {
    if (piece.start > at)
      parts.push(<span key={`g${at}`}>{p.text.slice(at - p.start, piece.start - p.start)}</span>);
    const mine = piece.who === 'both' || piece.who === side;
    const cls = !mine ? 'piece-none' : piece.who === 'both' ? 'piece-both' : `piece-only piece-${side}`;
    parts.push(
      <span key={piece.start} className={`piece ${cls}`} data-who={mine ? piece.who : 'none'}>
        {p.text.slice(piece.start - p.start, piece.end - p.start)}
      </span>,
    );
    at = piece.end;
  }
  return (
    <div className={`review-side review-side-${side}`} aria-label={`${props.analyst}’s coding`} role="group">
      <h3>{props.analyst}</h3>
      <p className="review-text">
        <span className="context">{p.before.length >= 160 ? `…${p.before}` : p.before}</span>
        {parts}
        <span className="context">{p.after.length >= 160 ? `${p.after}…` : p.after}</span>
      </p>
    </div>
  );
}

export function ReviewView(props: {
  domainId: number;
  domain: string;
  analysts: [string, string];
  onBack: () => void;
}): ReactNode {
  const { setStatus } = useProject();
  const [a, b] = props.analysts;
  const [consensus, setConsensus] = useState<string | null>(null);
  const [list, setList] = useState<Disagreements | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const version = useChangeVersion({ tables: ['claims', 'claim_domains'] });
  const lastKey = useRef('');

  useEffect(() => {
    let live = true;
    api
      .listDisagreements({
        domainId: props.domainId,
        analysts: [a, b],
        ...(consensus ? { consensus } : {}),
      })
      .then((r) => {
        if (!live) return;
        setList(r);
        setIndex((i) => Math.min(i, Math.max(0, r.passages.length - 1)));
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [props.domainId, a, b, consensus, version]);

  const passage = list?.passages[index] ?? null;
  const resolve = useCallback(
    async (resolution: Resolution): Promise<void> => {
      if (!passage || busy) return;
      setBusy(true);
      setError(null);
      try {
        await api.resolveDisagreement({
          domainId: props.domainId,
          analysts: [a, b],
          docId: passage.docId,
          start: passage.start,
          end: passage.end,
          resolution,
          ...(consensus ? { recordAs: consensus } : {}),
        });
        const label = ACTIONS.find((x) => x.resolution === resolution)?.label(a, b) ?? resolution;
        setStatus(`${label}: resolved (Undo reverts it)`, 'ok');
        // With a consensus analyst the passage stays listed (resolved): go on to the next one.
        if (consensus) setIndex((i) => i + 1);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [passage, busy, props.domainId, a, b, consensus, setStatus],
  );

  const count = list?.passages.length ?? 0;
  const go = (d: number) => setIndex((i) => Math.min(Math.max(0, i + d), Math.max(0, count - 1)));

  return (
    <section
      className="review-view"
      aria-labelledby="review-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
        // "g then a" switches views (App's global keys): its second key is not "Accept A's".
        const afterG = lastKey.current === 'g';
        lastKey.current = e.key;
        if (afterG) return;
        const action = ACTIONS.find((x) => x.key === e.key);
        if (action) void resolve(action.resolution);
        else if (e.key === 'n' || e.key === 'ArrowDown') go(1);
        else if (e.key === 'p' || e.key === 'ArrowUp') go(-1);
        else if (e.key === 'Escape') props.onBack();
        else return;
        e.preventDefault();
      }}
    >
      <header className="agreement-header">
        <button type="button" onClick={props.onBack}>
          ← Agreement
        </button>
        <h2 id="review-title">
          Review: {props.domain} — {a} and {b}
        </h2>
        <span className="spacer" />
        <label className="review-consensus">
          <input
            type="checkbox"
            checked={consensus !== null}
            onChange={(e) => setConsensus(e.target.checked ? 'consensus' : null)}
          />
          Record as
          <input
            aria-label="Consensus analyst"
            value={consensus ?? 'consensus'}
            disabled={consensus === null}
            onChange={(e) => setConsensus(e.target.value || 'consensus')}
          />
        </label>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {list && count === 0 ? (
        <div className="empty-state compact">
          <h2>No disagreements left</h2>
          <p>
            {a} and {b} code {props.domain} alike everywhere.
          </p>
        </div>
      ) : passage ? (
        <>
          <div className="review-nav">
            <button type="button" onClick={() => go(-1)} aria-disabled={index === 0} title="Previous (p)">
              ← Previous
            </button>
            <span role="status" className="review-position">
              Passage {index + 1} of {count} · {passage.documentTitle}
              {passage.resolved ? ' · resolved' : ''}
            </span>
            <button type="button" onClick={() => go(1)} aria-disabled={index >= count - 1} title="Next (n)">
              Next →
            </button>
          </div>
          <div className="review-legend" aria-hidden="true">
            <span className="piece piece-only piece-a">{a} only</span>
            <span className="piece piece-only piece-b">{b} only</span>
            <span className="piece piece-both">both</span>
          </div>
          <div className="review-sides">
            <Side passage={passage} side="a" analyst={a} />
            <Side passage={passage} side="b" analyst={b} />
          </div>
          <div className="review-actions" role="group" aria-label="Resolve this passage">
            {ACTIONS.map((x) => (
              <button
                key={x.resolution}
                type="button"
                aria-disabled={busy}
                aria-keyshortcuts={x.key}
                title={`${x.label(a, b)} (${x.key})`}
                onClick={() => void resolve(x.resolution)}
              >
                {x.label(a, b)} <kbd>{x.key}</kbd>
              </button>
            ))}
          </div>
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
