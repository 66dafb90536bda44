import {
  addMemo,
  deleteMemo,
  getMemo,
  linkMemo,
  listMemos,
  searchMemos,
  unlinkMemo,
  updateMemo,
} from '../memos';
import type { Handler } from './handlers';

type MemoMethod =
  | 'addMemo'
  | 'updateMemo'
  | 'deleteMemo'
  | 'getMemo'
  | 'listMemos'
  | 'searchMemos'
  | 'linkMemo'
  | 'unlinkMemo';

export const memoHandlers: { [M in MemoMethod]: Handler<M> } = {
  addMemo: (p, i) => addMemo(p.db, i),
  updateMemo: (p, i) => updateMemo(p.db, i),
  deleteMemo: (p, i) => deleteMemo(p.db, i.id),
  getMemo: (p, i) => getMemo(p.db, i.id),
  listMemos: (p, i) => listMemos(p.db, i),
  searchMemos: (p, i) => searchMemos(p.db, i.query, i.limit),
  linkMemo: (p, i) => linkMemo(p.db, i),
  unlinkMemo: (p, i) => unlinkMemo(p.db, i.id, i.from),
};
