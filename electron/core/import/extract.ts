import path from 'node:path';
import { DossierError } from '../errors';
import type { NewDocument } from '../documents';

export type Extracted = Omit<NewDocument, 'originalName' | 'fileSize'>;

export const SUPPORTED_EXTENSIONS = ['.txt', '.md'] as const;

export function isSupported(fileName: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(fileName).toLowerCase());
}

function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new DossierError('invalid_input', 'binary data in a text file');
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

function firstLineTitle(text: string, fallback: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  return line.length > 0 && line.length <= 200 ? line.replace(/^#+\s*/, '') : fallback;
}

/** Turns a file's bytes into a document's title, text and metadata. */
export function extractDocument(fileName: string, bytes: Uint8Array): Extracted {
  const ext = path.extname(fileName).toLowerCase();
  const base = path.basename(fileName, ext);
  if (bytes.length === 0) throw new DossierError('invalid_input', 'empty file');
  const text = decodeUtf8(bytes).replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new DossierError('invalid_input', 'empty file (only white space)');
  switch (ext) {
    case '.txt':
      return { title: firstLineTitle(text, base), text, format: 'txt' };
    case '.md':
      return { title: firstLineTitle(text, base), text, format: 'md' };
    default:
      throw new DossierError('unsupported', `unsupported file type "${ext || '(none)'}"`);
  }
}
