import { pageDocuments } from '../documentPage';
import { addSelectionToSet, countSelection, setSelectionAttribute } from '../documentSelection';
import type { Handler } from './handlers';

type PageMethod = 'pageDocuments' | 'countSelection' | 'addSelectionToSet' | 'setSelectionAttribute';

export const documentPageHandlers: { [M in PageMethod]: Handler<M> } = {
  pageDocuments: (p, i) => pageDocuments(p.db, i),
  countSelection: (p, i) => countSelection(p.db, i.selection),
  addSelectionToSet: (p, i) => addSelectionToSet(p.db, i),
  setSelectionAttribute: (p, i) => setSelectionAttribute(p.db, i),
};
