import type { DocumentSummary } from '../../shared/api';
import { canonicalText } from '../../shared/text';
import type { Db } from './db';
import { getDocumentSummary } from './documents';
import { DossierError } from './errors';
import { recordEdit } from './history';

/**
 * Gives a document the title the analyst recognises it by (the importer's guess may be a masthead or a file
 * name). One undoable step; the change stream reports the document, and search follows through its trigger.
 */
export function updateDocument(db: Db, input: { id: number; title: string }): DocumentSummary {
  const title = canonicalText(input.title).trim();
  if (title === '') throw new DossierError('invalid_input', 'a document needs a title');
  recordEdit(db, 'rename document', (t) => {
    t.documents([input.id]);
    const info = db.cached('UPDATE documents SET title = ? WHERE id = ?').run(title, input.id);
    if (info.changes === 0) throw new DossierError('not_found', `no document with id ${input.id}`);
  });
  return getDocumentSummary(db, input.id);
}
