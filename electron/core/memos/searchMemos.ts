import type { MemoHit } from '../../../shared/api/memos';
import type { Db } from '../db';
import { CLOSE, OPEN, toFtsQuery, unmark, wrapFtsError } from '../search';
import { MEMO_SELECT, type MemoRow, toMemo } from './memos';

/** Title above text: a word in the title says more about what the memo is about. */
const BM25 = 'bm25(memos_fts, 5.0, 1.0)';

/** Memos whose title or text matches (the document search's syntax), best first, with a snippet. */
export function searchMemos(db: Db, query: string, limit = 50): MemoHit[] {
  const fts = toFtsQuery(query);
  try {
    const rows = db
      .cached(
        `SELECT hit.rank, hit.snippet, memo.* FROM (
           SELECT rowid AS id, ${BM25} AS rank,
             snippet(memos_fts, -1, '${OPEN}', '${CLOSE}', '…', 24) AS snippet
           FROM memos_fts WHERE memos_fts MATCH ? ORDER BY rank LIMIT ?
         ) hit JOIN (${MEMO_SELECT}) memo ON memo.id = hit.id ORDER BY hit.rank`,
      )
      .all(fts, Math.min(Math.max(limit, 1), 1000)) as (MemoRow & {
      rank: number;
      snippet: string;
    })[];
    return rows.map((r) => {
      const s = unmark(r.snippet.replace(/\s+/g, ' '));
      return { memo: toMemo(r), snippet: s.text, snippetMarks: s.marks, score: -r.rank };
    });
  } catch (error) {
    wrapFtsError(error);
  }
}
