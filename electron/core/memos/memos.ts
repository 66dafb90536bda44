import type {
  AddMemoInput,
  LinkMemoInput,
  ListMemosInput,
  Memo,
  UpdateMemoInput,
} from '../../../shared/api/memos';
import { type Db, nowIso } from '../db';
import { DossierError } from '../errors';
import { type MemoState, recordEdit } from '../history';
import { getAnalyst } from '../settings';

// Memos: the analyst's Markdown notes for the project, a document or a claim. Every write is one undoable step
// (history.ts snapshots memo rows as it does claims), and the change stream reports the memos table.

/** A memo row with what its chips show: its document's title, its claim's document and quote. */
export interface MemoRow extends MemoState {
  document_title: string | null;
  claim_document_id: number | null;
  claim_quote: string | null;
}

/** How much of a linked claim's quote a memo carries for its chip. */
const QUOTE_PREVIEW = 80;

export const MEMO_SELECT = `SELECT m.id, m.title, m.text, m.analyst, m.document_id, m.claim_id,
    d.title AS document_title, c.document_id AS claim_document_id,
    CASE WHEN c.id IS NULL THEN NULL WHEN length(c.quote) > ${QUOTE_PREVIEW}
      THEN substr(c.quote, 1, ${QUOTE_PREVIEW}) || '…' ELSE c.quote END AS claim_quote,
    m.created_at, m.updated_at
  FROM memos m LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN claims c ON c.id = m.claim_id`;

export function toMemo(r: MemoRow): Memo {
  return {
    id: r.id,
    title: r.title,
    text: r.text,
    analyst: r.analyst,
    docId: r.document_id,
    documentTitle: r.document_title,
    claimId: r.claim_id,
    claimDocId: r.claim_document_id,
    claimQuote: r.claim_quote,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getMemo(db: Db, id: number): Memo {
  const row = db.cached(`${MEMO_SELECT} WHERE m.id = ?`).get(id) as MemoRow | undefined;
  if (!row) throw new DossierError('not_found', `no memo with id ${id}`);
  return toMemo(row);
}

function assertExists(db: Db, table: 'documents' | 'claims', id: number): void {
  if (!db.cached(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) {
    const what = table === 'documents' ? 'document' : 'claim';
    throw new DossierError('not_found', `no ${what} with id ${id}`);
  }
}

export function addMemo(db: Db, input: AddMemoInput): Memo {
  if (input.docId !== undefined) assertExists(db, 'documents', input.docId);
  if (input.claimId !== undefined) assertExists(db, 'claims', input.claimId);
  const now = nowIso();
  const id = recordEdit(db, 'add memo', (t) => {
    const info = db
      .cached(
        `INSERT INTO memos (title, text, analyst, document_id, claim_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.title,
        input.text,
        input.analyst?.trim() || getAnalyst(db),
        input.docId ?? null,
        input.claimId ?? null,
        now,
        now,
      );
    const memoId = Number(info.lastInsertRowid);
    t.createdMemos([memoId]);
    return memoId;
  });
  return getMemo(db, id);
}

export function updateMemo(db: Db, u: UpdateMemoInput): Memo {
  const before = getMemo(db, u.id);
  const title = u.title ?? before.title;
  const text = u.text ?? before.text;
  if (title === before.title && text === before.text) return before;
  recordEdit(db, 'edit memo', (t) => {
    t.memos([u.id]);
    db.cached('UPDATE memos SET title = ?, text = ?, updated_at = ? WHERE id = ?').run(
      title,
      text,
      nowIso(),
      u.id,
    );
  });
  return getMemo(db, u.id);
}

export function deleteMemo(db: Db, id: number): { id: number } {
  recordEdit(db, 'delete memo', (t) => {
    t.memos([id]);
    const info = db.cached('DELETE FROM memos WHERE id = ?').run(id);
    if (info.changes === 0) throw new DossierError('not_found', `no memo with id ${id}`);
  });
  return { id };
}

/** Links a memo to a document and/or a claim (null unlinks; a field left out is kept). */
export function linkMemo(db: Db, l: LinkMemoInput): Memo {
  const before = getMemo(db, l.id);
  const docId = l.docId === undefined ? before.docId : l.docId;
  const claimId = l.claimId === undefined ? before.claimId : l.claimId;
  if (docId === before.docId && claimId === before.claimId) return before;
  if (docId !== null && docId !== before.docId) assertExists(db, 'documents', docId);
  if (claimId !== null && claimId !== before.claimId) assertExists(db, 'claims', claimId);
  const label = docId === null && claimId === null ? 'unlink memo' : 'link memo';
  recordEdit(db, label, (t) => {
    t.memos([l.id]);
    db.cached('UPDATE memos SET document_id = ?, claim_id = ?, updated_at = ? WHERE id = ?').run(
      docId,
      claimId,
      nowIso(),
      l.id,
    );
  });
  return getMemo(db, l.id);
}

export function unlinkMemo(db: Db, id: number, from: 'document' | 'claim' | 'both'): Memo {
  return linkMemo(db, {
    id,
    ...(from !== 'claim' ? { docId: null } : {}),
    ...(from !== 'document' ? { claimId: null } : {}),
  });
}

/**
 * Memos, most recently changed first: a document's are those linked to it or to one of its claims (what the
 * Reader shows beside its text); a claim's, those linked to it; 'project' scope, those linked to nothing.
 */
export function listMemos(db: Db, q: Partial<ListMemosInput> = {}): Memo[] {
  const where: string[] = [];
  const params: number[] = [];
  if (q.docId !== undefined) {
    where.push('(m.document_id = ? OR c.document_id = ?)');
    params.push(q.docId, q.docId);
  }
  if (q.claimId !== undefined) {
    where.push('m.claim_id = ?');
    params.push(q.claimId);
  }
  if (q.scope === 'project') where.push('m.document_id IS NULL AND m.claim_id IS NULL');
  const sql = `${MEMO_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
    ORDER BY m.updated_at DESC, m.id DESC LIMIT ? OFFSET ?`;
  const rows = db.cached(sql).all(...params, q.limit ?? -1, q.offset ?? 0) as MemoRow[];
  return rows.map(toMemo);
}
