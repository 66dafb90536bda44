import type { Dependency } from '../../../../shared/api/changes';

/**
 * Memos change with their own table, and their chips with the documents' titles. Not with every claim edit: tagging
 * would refetch them each time (a deleted claim unlinks its memos, which is a change to `memos`); a chip's quote
 * after a claim's range was moved updates at the next memo change.
 */
export const MEMO_TABLES = { tables: ['memos', 'documents'] } as const satisfies Dependency;
