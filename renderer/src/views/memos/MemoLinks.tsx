import type { ReactNode } from 'react';
import type { Memo } from '../../../../shared/api/memos';

/** What a memo is linked to, as chips: its document, its claim (the start of the quote), or the project. */
export function MemoLinks(props: { memo: Memo }): ReactNode {
  const m = props.memo;
  return (
    <span className="memo-links">
      {m.documentTitle !== null && (
        <span className="memo-chip doc" title="Document">
          {m.documentTitle}
        </span>
      )}
      {m.claimQuote !== null && <span className="memo-chip claim">❝ {m.claimQuote}</span>}
      {m.docId === null && m.claimId === null && <span className="memo-chip project">Project</span>}
    </span>
  );
}
