import crypto from 'node:crypto';
import { canonicalText, codePointLength, wordCount } from '../../shared/text';

// What a document's stored row derives from its text, apart from the database: the import computes it on the
// extracting thread (which need not load SQLite) while the importer commits the previous files.

export interface PreparedText {
  text: string;
  hash: string;
  chars: number;
  words: number;
}

/** Canonical text with its content hash, code points and words: everything addDocument derives from the text. */
export function prepareText(raw: string): PreparedText {
  const text = canonicalText(raw);
  return { text, hash: contentHash(text), chars: codePointLength(text), words: wordCount(text) };
}

export function contentHash(canonical: string): string {
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}
