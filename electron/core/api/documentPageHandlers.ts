import { pageDocuments } from '../documentPage';
import type { Handler } from './handlers';

export const documentPageHandlers: { pageDocuments: Handler<'pageDocuments'> } = {
  pageDocuments: (p, i) => pageDocuments(p.db, i),
};
