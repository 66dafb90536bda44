import type { Db } from '../db';
import { nowIso } from '../db';
import { rememberGuid } from './guids';
import type { PlanMemo } from './plan';

/**
 * Writes a file's memos into the project being imported (inside applyPlan's transaction), linked to the documents
 * and claims their sources and selections became, with their dates and GUIDs kept for the next export.
 */
export function applyMemos(
  db: Db,
  memos: PlanMemo[],
  docBySource: ReadonlyMap<string, number>,
  claimBySelection: ReadonlyMap<string, number>,
): number {
  const insert = db.cached(
    `INSERT INTO memos (title, text, analyst, document_id, claim_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of memos) {
    const created = m.created ?? nowIso();
    const info = insert.run(
      m.title,
      m.text,
      m.analyst,
      m.sourceGuid ? (docBySource.get(m.sourceGuid) ?? null) : null,
      m.selectionGuid ? (claimBySelection.get(m.selectionGuid) ?? null) : null,
      created,
      m.modified ?? created,
    );
    rememberGuid(db, 'memo', Number(info.lastInsertRowid), m.guid);
  }
  return memos.length;
}
