import type { Db } from '../db';
import { DossierError } from '../errors';
import type { RowDef, RowSet } from './dimensions';

// Document sets as grid rows. Unlike an attribute's values, sets overlap: a document in two sets counts in both
// rows (the matrix's totals count it once, see matrix.ts). `set` gives every set by name and a last row of the
// documents in none, so that the rows cover the corpus as other dimensions do; `set:<id>,<id>…` gives only those
// sets, in that order: two sets side by side are a comparison of one against the other.

export const NO_SET = '(in no set)';

export function isSetDimension(dimension: string): boolean {
  return dimension === 'set' || dimension.startsWith('set:');
}

interface MemberRow {
  set_id: number;
  document_id: number | null;
  chars: number;
  words: number;
}

function chosenSets(db: Db, dimension: string): { id: number; name: string }[] {
  const all = db.cached('SELECT id, name FROM document_sets ORDER BY name COLLATE NOCASE, id').all() as {
    id: number;
    name: string;
  }[];
  if (dimension === 'set') return all;
  const spec = dimension.slice(4);
  const ids = spec.split(',').map((s) => Number(s.trim()));
  if (spec.trim() === '' || ids.some((n) => !Number.isInteger(n) || n <= 0))
    throw new DossierError('invalid_input', `row dimension "${dimension}": name sets by id, e.g. set:1,2`);
  const byId = new Map(all.map((s) => [s.id, s]));
  return [...new Set(ids)].map((id) => {
    const s = byId.get(id);
    if (!s) throw new DossierError('not_found', `no document set with id ${id}`);
    return s;
  });
}

/** The rows of a `set` or `set:<ids>` dimension, each with its documents (and, with `sizes`, their sizes). */
export function setRows(db: Db, dimension: string, sizes: boolean): RowSet {
  const sets = chosenSets(db, dimension);
  const size = sizes ? 'd.char_count AS chars, d.word_count AS words' : '0 AS chars, 0 AS words';
  const members = db
    .prepareOnce(
      `SELECT m.set_id, m.document_id, ${size}
       FROM document_set_members m JOIN documents d ON d.id = m.document_id ORDER BY m.set_id, m.document_id`,
    )
    .all() as MemberRow[];
  const rows: RowDef[] = sets.map((s) => ({
    key: String(s.id),
    label: s.name,
    docIds: [],
    chars: 0,
    words: 0,
  }));
  const rowOf = new Map(sets.map((s, i) => [s.id, i]));
  const inSome = new Set<number>();
  for (const m of members) {
    if (m.document_id === null) continue;
    inSome.add(m.document_id);
    const i = rowOf.get(m.set_id);
    if (i === undefined) continue;
    rows[i].docIds.push(m.document_id);
    rows[i].chars += m.chars;
    rows[i].words += m.words;
  }
  if (dimension === 'set') {
    const rest = db.prepareOnce(`SELECT d.id, ${size} FROM documents d ORDER BY d.id`).all() as {
      id: number;
      chars: number;
      words: number;
    }[];
    const none: RowDef = { key: null, label: NO_SET, docIds: [], chars: 0, words: 0 };
    for (const d of rest) {
      if (inSome.has(d.id)) continue;
      none.docIds.push(d.id);
      none.chars += d.chars;
      none.words += d.words;
    }
    if (none.docIds.length) rows.push(none);
  }
  const rowOfDoc = new Map<number, number>();
  rows.forEach((row, i) => row.docIds.forEach((id) => rowOfDoc.has(id) || rowOfDoc.set(id, i)));
  return { dimension, label: dimension === 'set' ? 'Set' : 'Sets compared', rows, rowOfDoc };
}
