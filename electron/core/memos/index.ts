export { addMemo, deleteMemo, getMemo, linkMemo, listMemos, unlinkMemo, updateMemo } from './memos';
export { searchMemos } from './searchMemos';
