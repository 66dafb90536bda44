import type { DocumentSet, SetsFromAttributeInput } from '../../../shared/api/sets';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { recordEdit } from '../history';
import { toFtsQuery, wrapFtsError } from '../search';
import { getSet, insertSet } from './sets';

// Sets made from what the analyst already has: a search (every matching document, not the first page the search
// shows) or an attribute's values. Each is one undoable step, whatever the number of sets it makes.

/** Every document the document search matches, by id. */
function searchDocIds(db: Db, query: string): number[] {
  const fts = toFtsQuery(query);
  try {
    return db
      .cached('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid')
      .pluck()
      .all(fts) as number[];
  } catch (error) {
    wrapFtsError(error);
  }
}

export function createSetFromSearch(db: Db, name: string, query: string): DocumentSet {
  const docIds = searchDocIds(db, query);
  const description = `Documents matching “${query}”`;
  const id = recordEdit(db, 'create set from search', (t) => insertSet(db, t, name, description, docIds));
  return getSet(db, id);
}

export function createSetsFromAttribute(db: Db, input: SetsFromAttributeInput): DocumentSet[] {
  const attr = db.cached('SELECT id, name FROM attributes WHERE id = ?').get(input.attributeId) as
    { id: number; name: string } | undefined;
  if (!attr) throw new DossierError('not_found', `no document attribute with id ${input.attributeId}`);
  const rows = db
    .cached(
      `SELECT trim(value) AS value, document_id FROM document_attributes
       WHERE attribute_id = ? AND trim(value) <> '' ORDER BY value COLLATE NOCASE, document_id`,
    )
    .all(attr.id) as { value: string; document_id: number }[];
  // Values that differ only in case are one value, as the attribute filter compares text; the set is named after
  // the spelling most of its documents use (the first document's on a tie).
  const byValue = new Map<string, { value: string; docIds: number[]; spellings: Map<string, number> }>();
  for (const r of rows) {
    const k = r.value.toLocaleLowerCase();
    const group = byValue.get(k) ?? { value: r.value, docIds: [], spellings: new Map<string, number>() };
    group.docIds.push(r.document_id);
    group.spellings.set(r.value, (group.spellings.get(r.value) ?? 0) + 1);
    byValue.set(k, group);
  }
  let groups = [...byValue.values()].map((g) => {
    let best = g.value;
    for (const [spelling, n] of g.spellings) if (n > (g.spellings.get(best) ?? 0)) best = spelling;
    return { value: best, docIds: g.docIds.sort((a, b) => a - b) };
  });
  if (input.value !== undefined) {
    const wanted = input.value.trim().toLocaleLowerCase();
    groups = groups.filter((g) => g.value.toLocaleLowerCase() === wanted);
    if (groups.length === 0)
      throw new DossierError('not_found', `no document has "${input.value}" as its ${attr.name}`);
  } else if (input.name !== undefined) {
    throw new DossierError(
      'invalid_input',
      'a name is for the one set of a chosen value: give the value too',
    );
  }
  if (groups.length === 0) throw new DossierError('not_found', `no document has a value for ${attr.name}`);
  const ids = recordEdit(db, 'create sets from attribute', (t) =>
    groups.map((g) =>
      insertSet(
        db,
        t,
        (input.value !== undefined ? input.name : undefined) ?? `${attr.name}: ${g.value}`,
        `Documents whose ${attr.name} is ${g.value}`,
        g.docIds,
      ),
    ),
  );
  return ids.map((id) => getSet(db, id));
}
