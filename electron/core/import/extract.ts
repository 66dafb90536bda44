import path from 'node:path';
import {
  emptyFile,
  type Extracted,
  htmlDocument,
  markdownDocument,
  txtDocument,
  unsupported,
} from './formats';
import * as html from './html';
import * as markdown from './markdown';

export { type Extracted, extractFile, isSupported, SUPPORTED_EXTENSIONS } from './formats';

/**
 * The formats that extract synchronously (plain text, Markdown, HTML), for the embedded sample, which installs
 * inside one transaction. Imports use extractFile, which handles every format.
 */
export function extractDocument(fileName: string, bytes: Uint8Array): Extracted {
  const ext = path.extname(fileName).toLowerCase();
  const base = path.basename(fileName, ext);
  if (bytes.length === 0) throw emptyFile();
  switch (ext) {
    case '.txt':
      return txtDocument(bytes, base);
    case '.md':
    case '.markdown':
      return markdownDocument(markdown, bytes, base);
    case '.html':
    case '.htm':
      return htmlDocument(html, bytes, base);
    default:
      throw unsupported(ext);
  }
}
