import { useEffect, useState, type ReactNode } from 'react';
import type { Memo, MemoHit } from '../../../../shared/api/memos';
import { api, errorMessage } from '../../api/client';
import { useChangeVersion } from '../../api/useChanges';
import { useProject } from '../../components/ProjectContext';
import { Marked } from '../search/Marked';
import { memoExcerpt } from './markdown';
import { MemoEditor, type MemoDraft } from './MemoEditor';
import { MemoLinks } from './MemoLinks';
import { MEMO_TABLES } from './memoTables';
import './memos.css';

// The Memos view: the project's memos (a research journal, and memos on documents and claims) listed most recently
// changed first or found by full-text search, and the open one edited beside the list. The address names the memo
// open (#/memos?memo=3), or a new memo's document and claim (#/memos?doc=2&claim=7: "Add memo" elsewhere).

type Scope = 'all' | 'project';

const when = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export function MemosView(): ReactNode {
  const { route, navigate, setStatus } = useProject();
  const version = useChangeVersion(MEMO_TABLES);
  const [scope, setScope] = useState<Scope>('all');
  const [query, setQuery] = useState('');
  const [memos, setMemos] = useState<Memo[] | null>(null);
  const [hits, setHits] = useState<MemoHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const creating = !route.memoId && (route.memoDocId !== undefined || route.claimId !== undefined);
  const [draft, setDraft] = useState<MemoDraft | null>(null);

  useEffect(() => {
    let live = true;
    api
      .listMemos({ scope })
      .then((list) => live && (setMemos(list), setError(null)))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [scope, version]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    let live = true;
    // Typed words are searched after a short pause, not at every key.
    const t = setTimeout(() => {
      api
        .searchMemos({ query: q })
        .then((h) => live && (setHits(h), setError(null)))
        .catch((e: unknown) => live && (setHits([]), setError(errorMessage(e))));
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, version]);

  useEffect(() => {
    if (creating)
      setDraft({ title: '', text: '', docId: route.memoDocId ?? null, claimId: route.claimId ?? null });
    else setDraft(null);
  }, [creating, route.memoDocId, route.claimId]);

  const open =
    memos?.find((m) => m.id === route.memoId) ?? hits?.find((h) => h.memo.id === route.memoId)?.memo;
  const openMemo = (id: number): void => navigate({ view: 'memos', memoId: id });
  const newMemo = (): void => setDraft({ title: '', text: '', docId: null, claimId: null });

  const shown: { memo: Memo; hit?: MemoHit }[] = hits
    ? hits.map((h) => ({ memo: h.memo, hit: h }))
    : (memos ?? []).map((memo) => ({ memo }));

  return (
    <div className="memos-view">
      <section className="memo-list-pane" aria-label="Memos">
        <div className="memo-list-head">
          <h2>Memos</h2>
          <button type="button" className="primary" onClick={newMemo}>
            New memo
          </button>
        </div>
        <label className="memo-search">
          <span className="sr-only">Search memos</span>
          <input
            type="search"
            placeholder="Search memos…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={error ? 'memo-list-error' : undefined}
          />
        </label>
        <div className="memo-scope" role="group" aria-label="Which memos">
          {(['all', 'project'] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={scope === s}
              onClick={() => setScope(s)}
              disabled={!!hits}
            >
              {s === 'all' ? 'All' : 'Project journal'}
            </button>
          ))}
        </div>
        {error && (
          <p id="memo-list-error" className="memo-error" role="alert">
            {error}
          </p>
        )}
        {memos === null ? (
          <p className="muted">Loading memos…</p>
        ) : shown.length === 0 ? (
          <div className="empty-state small">
            {hits ? (
              <p>No memo matches “{query.trim()}”.</p>
            ) : (
              <p>
                No memos yet. Write one with <strong>New memo</strong>, or from a claim’s card (“Add memo”) to
                keep a thought beside the passage it is about.
              </p>
            )}
          </div>
        ) : (
          <ul className="memo-list">
            {shown.map(({ memo: m, hit }) => (
              <li key={m.id}>
                <button
                  type="button"
                  className={`memo-item${m.id === route.memoId ? ' selected' : ''}`}
                  aria-current={m.id === route.memoId ? 'true' : undefined}
                  onClick={() => openMemo(m.id)}
                >
                  <span className="memo-title">{m.title}</span>
                  <span className="memo-excerpt">
                    {hit ? (
                      <Marked text={hit.snippet} marks={hit.snippetMarks} />
                    ) : (
                      memoExcerpt(m.text) || '—'
                    )}
                  </span>
                  <span className="memo-meta muted">
                    {m.analyst || 'no analyst named'} · {when(m.updatedAt)}
                  </span>
                  <MemoLinks memo={m} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="memo-editor-pane" aria-label="Memo">
        {draft ? (
          <MemoEditor
            key="new"
            draft={draft}
            onSaved={(m) => {
              setDraft(null);
              setStatus(`Memo “${m.title}” saved`, 'ok');
              openMemo(m.id);
            }}
            onClose={() => {
              setDraft(null);
              if (creating) navigate({ view: 'memos' });
            }}
          />
        ) : open ? (
          <MemoEditor
            key={open.id}
            memo={open}
            onSaved={(m) => setStatus(`Memo “${m.title}” saved`, 'ok')}
            onDeleted={() => {
              setStatus('Memo deleted (Ctrl+Z undoes)', 'ok');
              navigate({ view: 'memos' });
            }}
            onClose={() => navigate({ view: 'memos' })}
          />
        ) : (
          <div className="empty-state small">
            <p>Open a memo from the list, or write a new one.</p>
          </div>
        )}
      </section>
    </div>
  );
}
