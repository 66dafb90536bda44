import { updateDocument } from '../documentEdits';
import type { Handler } from './handlers';

export const documentHandlers: { updateDocument: Handler<'updateDocument'> } = {
  updateDocument: (p, i) => updateDocument(p.db, i),
};
