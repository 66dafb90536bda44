import {
  CHANGE_TABLES,
  MAX_CHANGED_IDS,
  type ChangeTable,
  type TableChange,
} from '../../../shared/api/changes';
import type { Db } from '../db';
import { channel } from './state';

// Changes are collected by SQLite itself, not by each write function: TEMP triggers (they live in this
// connection only and never reach the project file) note every row written to the tables the views show in a
// TEMP table, once per row (0 where a row has no id or no document). Whatever writes (a method, undo and redo,
// an import, a migration's repair), it is seen; a transaction that rolls back takes its notes with it, so a
// failed call reports nothing.

const LOG = 'temp.dossier_changes';

/** Per table: which id a row is reported by, and the document it belongs to (SQL over NEW/OLD as `r`). */
const TRACKED: Record<ChangeTable, { id: string; doc: string }> = {
  documents: { id: 'r.id', doc: 'r.id' },
  document_attributes: { id: 'r.document_id', doc: 'r.document_id' },
  attributes: { id: 'r.id', doc: '0' },
  domains: { id: 'r.id', doc: '0' },
  claims: { id: 'r.id', doc: 'r.document_id' },
  // The claim's document, read while the claim still exists (a claim's own delete notes its document anyway).
  claim_domains: {
    id: 'r.claim_id',
    doc: '(SELECT COALESCE(MAX(document_id), 0) FROM main.claims WHERE id = r.claim_id)',
  },
  // Keyed by name, no id: reported as a whole.
  project_meta: { id: '0', doc: '0' },
  // A memo's document: the one it is linked to, or its claim's.
  memos: {
    id: 'r.id',
    doc: 'COALESCE(r.document_id, (SELECT MAX(document_id) FROM main.claims WHERE id = r.claim_id), 0)',
  },
  document_sets: { id: 'r.id', doc: '0' },
  // Reported by set; the member's document is named, so that a view of that document knows.
  document_set_members: { id: 'r.set_id', doc: 'r.document_id' },
};

function triggerSql(table: ChangeTable, op: 'INSERT' | 'UPDATE' | 'DELETE', row: 'NEW' | 'OLD'): string {
  const { id, doc } = TRACKED[table];
  const expr = (s: string): string => s.replaceAll('r.', `${row}.`);
  // Not INSERT OR IGNORE with a UNIQUE key: a statement's own conflict clause (undo restores rows with INSERT OR
  // REPLACE, …) overrides its triggers', and a repeated note would then fail the edit.
  return `CREATE TEMP TRIGGER IF NOT EXISTS dossier_changes_${table}_${op.toLowerCase()}_${row.toLowerCase()}
    AFTER ${op} ON main.${table} BEGIN
      INSERT INTO ${LOG} (tbl, row_id, doc_id) SELECT '${table}', ${expr(id)}, ${expr(doc)}
        WHERE NOT EXISTS (SELECT 1 FROM ${LOG}
          WHERE tbl = '${table}' AND row_id = ${expr(id)} AND doc_id = ${expr(doc)});
    END;`;
}

/** Starts noting this connection's changes (once per connection; a read-only project has none to note). */
export function trackChanges(db: Db): void {
  const stream = channel(db);
  if (stream.tracked) return;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS dossier_changes (
    tbl TEXT NOT NULL, row_id INTEGER NOT NULL, doc_id INTEGER NOT NULL)`);
  db.exec(`CREATE INDEX IF NOT EXISTS temp.dossier_changes_rows ON dossier_changes (tbl, row_id, doc_id)`);
  for (const table of CHANGE_TABLES) {
    db.exec(triggerSql(table, 'INSERT', 'NEW'));
    db.exec(triggerSql(table, 'DELETE', 'OLD'));
    // An update that moves a claim to another document concerns both: the old row is noted as well.
    db.exec(triggerSql(table, 'UPDATE', 'NEW'));
    db.exec(triggerSql(table, 'UPDATE', 'OLD'));
  }
  stream.tracked = true;
}

/**
 * Notes tables written through another connection (an import's worker thread has its own): this one's triggers
 * did not see those rows, so the next drain reports the tables whole.
 */
export function noteWrittenElsewhere(db: Db, tables: readonly ChangeTable[]): void {
  for (const t of tables) channel(db).elsewhere.add(t);
}

/** Notes documents written through another connection by id, as their own triggers would have. */
export function noteDocuments(
  db: Db,
  tables: readonly ('documents' | 'document_attributes')[],
  ids: number[],
): void {
  if (!db.changes?.tracked || ids.length === 0) return;
  const note = db.cached(`INSERT INTO ${LOG} (tbl, row_id, doc_id) SELECT @t, @id, @id
    WHERE NOT EXISTS (SELECT 1 FROM ${LOG} WHERE tbl = @t AND row_id = @id AND doc_id = @id)`);
  db.transaction(() => {
    for (const table of tables) for (const id of ids) note.run({ t: table, id });
  })();
}

const DOCUMENT_TABLES: readonly ChangeTable[] = [
  'documents',
  'document_attributes',
  'claims',
  'claim_domains',
];

export interface DrainedChanges {
  tables: TableChange[];
  docIds: number[] | null;
}

/**
 * What was written since the last drain, collapsed per table (ids, or null above MAX_CHANGED_IDS), and forgets
 * it. Null when nothing was, when tracking is off, or while a transaction is open (its notes are not final yet).
 */
export function drainChanges(db: Db): DrainedChanges | null {
  const stream = db.changes;
  if (!stream?.tracked || !db.open || db.inTransaction) return null;
  const elsewhere = [...stream.elsewhere];
  stream.elsewhere.clear();
  const counts = db.cached(`SELECT tbl, COUNT(DISTINCT row_id) AS n FROM ${LOG} GROUP BY tbl`).all() as {
    tbl: ChangeTable;
    n: number;
  }[];
  for (const tbl of elsewhere) {
    const had = counts.find((c) => c.tbl === tbl);
    if (had) had.n = Infinity;
    else counts.push({ tbl, n: Infinity });
  }
  if (counts.length === 0) return null;
  const idsOf = db.cached(
    `SELECT DISTINCT row_id AS id FROM ${LOG} WHERE tbl = ? AND row_id > 0 ORDER BY row_id LIMIT ?`,
  );
  const tables = counts
    .sort((a, b) => CHANGE_TABLES.indexOf(a.tbl) - CHANGE_TABLES.indexOf(b.tbl))
    .map(({ tbl, n }): TableChange => {
      if (n > MAX_CHANGED_IDS || tbl === 'project_meta') return { table: tbl, ids: null };
      return { table: tbl, ids: (idsOf.all(tbl, MAX_CHANGED_IDS) as { id: number }[]).map((r) => r.id) };
    });
  const docs = (
    db
      .cached(`SELECT DISTINCT doc_id AS id FROM ${LOG} WHERE doc_id > 0 ORDER BY doc_id LIMIT ?`)
      .all(MAX_CHANGED_IDS + 1) as { id: number }[]
  ).map((r) => r.id);
  db.exec(`DELETE FROM ${LOG}`);
  const allDocs = docs.length > MAX_CHANGED_IDS || elsewhere.some((t) => DOCUMENT_TABLES.includes(t));
  return { tables, docIds: allDocs ? null : docs };
}
