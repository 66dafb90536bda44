import type { z } from 'zod';
import type { DocumentSelection } from '../../shared/api/documentPage';
import type { DocumentSet } from '../../shared/api/sets';
import { setDocumentAttribute } from './attributes';
import type { Db } from './db';
import { documentWhere } from './documentPage';
import { DossierError } from './errors';
import { assignToSet, createSet } from './sets';

// The Library's selection as the actions receive it (issue 16): ids picked one by one, or "all N matching" — a
// filter (less the rows unticked since) resolved here in SQL, so the renderer never lists 100,000 ids.

type Selection = z.output<typeof DocumentSelection>;

/** The ids a selection names, in id order; ids that name no document are refused before anything is written. */
export function selectionIds(db: Db, selection: Selection): number[] {
  if ('docIds' in selection) {
    const ids = [...new Set(selection.docIds)].sort((a, b) => a - b);
    const missing = db
      .cached('SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM documents) LIMIT 6')
      .pluck()
      .all(JSON.stringify(ids)) as number[];
    if (missing.length)
      throw new DossierError(
        'not_found',
        `no document with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}: nothing was changed`,
      );
    return ids;
  }
  const where = documentWhere(db, selection.matching);
  return db
    .prepareOnce(
      `SELECT d.id FROM documents d WHERE ${where.sql}
         AND d.id NOT IN (SELECT value FROM json_each(?)) ORDER BY d.id`,
    )
    .pluck()
    .all(...where.params, JSON.stringify(selection.except)) as number[];
}

export function countSelection(db: Db, selection: Selection): { documents: number } {
  if ('docIds' in selection) return { documents: selectionIds(db, selection).length };
  const where = documentWhere(db, selection.matching);
  const n = db
    .prepareOnce(
      `SELECT count(*) FROM documents d WHERE ${where.sql}
         AND d.id NOT IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .get(...where.params, JSON.stringify(selection.except)) as number;
  return { documents: n };
}

function nonEmpty(ids: number[]): number[] {
  if (!ids.length)
    throw new DossierError('invalid_input', 'the selection holds no document: nothing was changed');
  return ids;
}

/** Into an existing set (setId) or a new one (name): one undoable step either way, as Add to set… always was. */
export function addSelectionToSet(
  db: Db,
  input: { selection: Selection; setId?: number; name?: string },
): { set: DocumentSet; added: number } {
  const docIds = nonEmpty(selectionIds(db, input.selection));
  if (input.setId !== undefined) return assignToSet(db, { setId: input.setId, docIds });
  const set = createSet(db, { name: input.name ?? '', description: '', docIds });
  return { set, added: set.docCount };
}

/** One attribute's value for every selected document (null or '' clears it), in one transaction. */
export function setSelectionAttribute(
  db: Db,
  input: { selection: Selection; name: string; value: string | number | null },
): { documents: number } {
  const docIds = nonEmpty(selectionIds(db, input.selection));
  db.transaction(() => {
    for (const id of docIds) setDocumentAttribute(db, id, input.name, input.value);
  })();
  return { documents: docIds.length };
}
