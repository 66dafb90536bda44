import {
  assignToSet,
  createSet,
  createSetFromSearch,
  createSetsFromAttribute,
  deleteSet,
  getSet,
  listSets,
  renameSet,
  unassignFromSet,
} from '../sets';
import type { Handler } from './handlers';

type SetMethod =
  | 'listSets'
  | 'getSet'
  | 'createSet'
  | 'renameSet'
  | 'deleteSet'
  | 'assignToSet'
  | 'unassignFromSet'
  | 'createSetFromSearch'
  | 'createSetsFromAttribute';

export const setHandlers: { [M in SetMethod]: Handler<M> } = {
  listSets: (p) => listSets(p.db),
  getSet: (p, i) => getSet(p.db, i.id),
  createSet: (p, i) => createSet(p.db, i),
  renameSet: (p, i) => renameSet(p.db, i.id, i.name),
  deleteSet: (p, i) => deleteSet(p.db, i.id),
  assignToSet: (p, i) => assignToSet(p.db, i),
  unassignFromSet: (p, i) => unassignFromSet(p.db, i),
  createSetFromSearch: (p, i) => createSetFromSearch(p.db, i.name, i.query),
  createSetsFromAttribute: (p, i) => createSetsFromAttribute(p.db, i),
};
