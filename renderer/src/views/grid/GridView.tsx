import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { ClaimsTable } from './ClaimsTable';
import { CooccurrenceView } from './CooccurrenceView';
import { MatrixView } from './MatrixView';
import { useGridState } from './useGridState';
import './grid.css';
import { DEPENDS, useChangeVersion } from '../../api/useChanges';

type Tab = 'matrix' | 'cooccurrence' | 'claims';

const TABS: { id: Tab; label: string; intro: string }[] = [
  {
    id: 'matrix',
    label: 'Matrix',
    intro: 'Rows × domains: how much each document or group of documents says under each domain.',
  },
  { id: 'cooccurrence', label: 'Co-occurrence', intro: 'Domains × domains: where two domains meet.' },
  {
    id: 'claims',
    label: 'Claims table',
    intro: 'Every claim as a row: search, filter, group, and open it in the Reader.',
  },
];

/** The grids: matrix, co-occurrence and the claims table, each remembering its settings per project. */
export function GridView(): ReactNode {
  const version = useChangeVersion(DEPENDS.grid);
  const saved = useGridState<{ tab: Tab }>('view');
  const tab = saved.state.tab ?? 'matrix';
  const [dimensions, setDimensions] = useState<{ id: string; label: string }[]>([
    { id: 'documents', label: 'Document' },
  ]);

  useEffect(() => {
    let live = true;
    api
      .listRowDimensions({})
      .then((d) => live && setDimensions(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <div className="grid-view">
      <div className="view-head">
        <div>
          <h1>Grid</h1>
          <p className="muted">{TABS.find((t) => t.id === tab)?.intro}</p>
        </div>
        <div className="segmented grid-tabs" role="tablist" aria-label="Grids">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className={tab === t.id ? 'active' : undefined}
              onClick={() => saved.save({ tab: t.id })}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      {!saved.loaded ? (
        <div className="loading">Loading…</div>
      ) : tab === 'matrix' ? (
        <MatrixView dimensions={dimensions} />
      ) : tab === 'cooccurrence' ? (
        <CooccurrenceView />
      ) : (
        <ClaimsTable />
      )}
    </div>
  );
}
