import type { AssignInput, CreateSetInput, DocumentSet } from '../../../shared/api/sets';
import { type Db, nowIso } from '../db';
import { DossierError } from '../errors';
import { recordEdit } from '../history';

// Document sets: every write is one undoable step (history.ts snapshots a set with its members) in one
// transaction, and the change stream reports document_sets and document_set_members (their TEMP triggers).

interface SetRow {
  id: number;
  name: string;
  description: string;
  created_at: string;
  doc_ids: string | null;
  claim_count: number;
}

const SET_SELECT = `SELECT s.id, s.name, s.description, s.created_at,
    (SELECT group_concat(document_id) FROM
       (SELECT document_id FROM document_set_members WHERE set_id = s.id ORDER BY document_id)) AS doc_ids,
    (SELECT count(*) FROM claims c WHERE c.document_id IN
       (SELECT document_id FROM document_set_members WHERE set_id = s.id)) AS claim_count
  FROM document_sets s`;

function toSet(r: SetRow): DocumentSet {
  const docIds = r.doc_ids ? r.doc_ids.split(',').map(Number) : [];
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    docIds,
    docCount: docIds.length,
    claimCount: r.claim_count,
    createdAt: r.created_at,
  };
}

export function listSets(db: Db): DocumentSet[] {
  const rows = db.cached(`${SET_SELECT} ORDER BY s.name COLLATE NOCASE, s.id`).all() as SetRow[];
  return rows.map(toSet);
}

export function getSet(db: Db, id: number): DocumentSet {
  const row = db.cached(`${SET_SELECT} WHERE s.id = ?`).get(id) as SetRow | undefined;
  if (!row) throw new DossierError('not_found', `no document set with id ${id}`);
  return toSet(row);
}

/** The set with this name (case-insensitive), or a not_found error that lists the sets there are. */
export function setIdByName(db: Db, name: string): number {
  const id = db.cached('SELECT id FROM document_sets WHERE name = ? COLLATE NOCASE').pluck().get(name) as
    number | undefined;
  if (id !== undefined) return id;
  const names = db
    .cached('SELECT name FROM document_sets ORDER BY name COLLATE NOCASE')
    .pluck()
    .all() as string[];
  throw new DossierError(
    'not_found',
    `no document set named "${name}"${names.length ? ` (there are: ${names.join(', ')})` : ' (the project has none yet)'}`,
  );
}

function assertFreeName(db: Db, name: string, except?: number): void {
  const other = db.cached('SELECT id, name FROM document_sets WHERE name = ? COLLATE NOCASE').get(name) as
    { id: number; name: string } | undefined;
  if (other && other.id !== except)
    throw new DossierError('conflict', `a document set named "${other.name}" already exists`);
}

/** Refuses ids that name no document, listing the first few, before anything is written. */
export function assertDocuments(db: Db, docIds: readonly number[]): void {
  if (docIds.length === 0) return;
  const missing = db
    .cached(
      `SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM documents) ORDER BY value LIMIT 6`,
    )
    .pluck()
    .all(JSON.stringify(docIds)) as number[];
  if (missing.length) {
    const shown = missing.slice(0, 5).join(', ');
    throw new DossierError(
      'not_found',
      `no document with id ${shown}${missing.length > 5 ? ', …' : ''}: nothing was added to the set`,
    );
  }
}

const addMembers = (db: Db, setId: number, docIds: readonly number[]): number =>
  db
    .cached(
      `INSERT INTO document_set_members (set_id, document_id)
       SELECT DISTINCT ?, value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`,
    )
    .run(setId, JSON.stringify(docIds)).changes;

/** Inserts a set row and its members inside an edit already recording (the creators share it). */
export function insertSet(
  db: Db,
  t: { createdSets(ids: Iterable<number>): void },
  name: string,
  description: string,
  docIds: readonly number[],
): number {
  assertFreeName(db, name);
  const info = db
    .cached('INSERT INTO document_sets (name, description, created_at) VALUES (?, ?, ?)')
    .run(name, description, nowIso());
  const id = Number(info.lastInsertRowid);
  t.createdSets([id]);
  addMembers(db, id, docIds);
  return id;
}

export function createSet(db: Db, input: CreateSetInput): DocumentSet {
  assertDocuments(db, input.docIds);
  const id = recordEdit(db, 'create set', (t) =>
    insertSet(db, t, input.name, input.description, input.docIds),
  );
  return getSet(db, id);
}

export function renameSet(db: Db, id: number, name: string): DocumentSet {
  const before = getSet(db, id);
  if (before.name === name) return before;
  assertFreeName(db, name, id);
  recordEdit(db, 'rename set', (t) => {
    t.sets([id]);
    db.cached('UPDATE document_sets SET name = ? WHERE id = ?').run(name, id);
  });
  return getSet(db, id);
}

export function deleteSet(db: Db, id: number): { id: number } {
  recordEdit(db, 'delete set', (t) => {
    t.sets([id]);
    const info = db.cached('DELETE FROM document_sets WHERE id = ?').run(id);
    if (info.changes === 0) throw new DossierError('not_found', `no document set with id ${id}`);
  });
  return { id };
}

function setOf(db: Db, ref: AssignInput): number {
  if (ref.setId !== undefined) {
    getSet(db, ref.setId);
    return ref.setId;
  }
  return setIdByName(db, ref.name ?? '');
}

export function assignToSet(db: Db, input: AssignInput): { set: DocumentSet; added: number } {
  const id = setOf(db, input);
  assertDocuments(db, input.docIds);
  const added = recordEdit(db, 'add to set', (t) => {
    t.sets([id]);
    return addMembers(db, id, input.docIds);
  });
  return { set: getSet(db, id), added };
}

export function unassignFromSet(db: Db, input: AssignInput): { set: DocumentSet; removed: number } {
  const id = setOf(db, input);
  const removed = recordEdit(db, 'remove from set', (t) => {
    t.sets([id]);
    return db
      .cached(
        'DELETE FROM document_set_members WHERE set_id = ? AND document_id IN (SELECT value FROM json_each(?))',
      )
      .run(id, JSON.stringify(input.docIds)).changes;
  });
  return { set: getSet(db, id), removed };
}
