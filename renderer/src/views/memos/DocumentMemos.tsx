import { useEffect, useState, type ReactNode } from 'react';
import type { Memo } from '../../../../shared/api/memos';
import { api } from '../../api/client';
import { useChangeVersion } from '../../api/useChanges';
import { formatRoute } from '../../components/route';
import { memoExcerpt } from './markdown';
import { MEMO_TABLES } from './memoTables';
import './memos.css';

/** A document's memos (on it or on its claims) as a small stack above its text in the Reader. */
export function DocumentMemos(props: { docId: number }): ReactNode {
  const version = useChangeVersion({ ...MEMO_TABLES, docId: props.docId });
  const [memos, setMemos] = useState<Memo[]>([]);
  useEffect(() => {
    let live = true;
    api
      .listMemos({ docId: props.docId })
      .then((m) => live && setMemos(m))
      .catch(() => live && setMemos([]));
    return () => {
      live = false;
    };
  }, [props.docId, version]);
  if (memos.length === 0) return null;
  return (
    <aside className="doc-memos" aria-label="Memos on this document">
      <div className="doc-memos-head">
        <span>
          {memos.length} {memos.length === 1 ? 'memo' : 'memos'}
        </span>
        <a href={formatRoute({ view: 'memos', memoDocId: props.docId })}>Add memo</a>
      </div>
      <ul>
        {memos.map((m) => (
          <li key={m.id}>
            <a href={formatRoute({ view: 'memos', memoId: m.id })}>{m.title}</a>
            {m.claimQuote !== null && <span className="muted"> · on “{m.claimQuote}”</span>}
            {m.text && <span className="muted"> — {memoExcerpt(m.text, 90)}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}
