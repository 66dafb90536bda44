import type { Dependency } from '../../../../shared/api/changes';

/** Memos change with their own table, and their chips with the documents' and claims' (titles, quotes). */
export const MEMO_TABLES = { tables: ['memos', 'documents', 'claims'] } as const satisfies Dependency;
