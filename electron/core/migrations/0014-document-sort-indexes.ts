import { type Migration, sqlMigration } from './types';

// The Library at 100,000 documents (issue 16): a page deep in the list sorted by date, words or characters walked
// every row and sorted them (372 ms at offset 99,500); with an index in the page's order (the id breaking ties, as
// pageDocuments orders) it walks the index. Title has one since 0006. Only the columns analysts sort large corpora
// by: each index is one more b-tree every imported document updates.
export const DOCUMENT_SORT_INDEXES_SQL = `
    CREATE INDEX documents_by_published ON documents (published, id);
    CREATE INDEX documents_by_words ON documents (word_count, id);
    CREATE INDEX documents_by_chars ON documents (char_count, id);
  `;

export const migration0014: Migration = sqlMigration(14, 'document-sort-indexes', DOCUMENT_SORT_INDEXES_SQL);
