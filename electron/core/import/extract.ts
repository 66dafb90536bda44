import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { NewDocument } from '../documents';
import { DossierError } from '../errors';
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { renderMarkdown } from './markdown';
import { extractPdf } from './pdf';
import { decodeText, headlineTitle } from './textFile';

export type Extracted = Omit<NewDocument, 'originalName' | 'fileSize'>;

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;

export function isSupported(fileName: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(fileName).toLowerCase());
}

const EMPTY = (): DossierError => new DossierError('invalid_input', 'empty file');

function nonEmpty(text: string, what = 'empty file (only white space)'): string {
  if (text.trim() === '') throw new DossierError('invalid_input', what);
  return text;
}

/** HTML bytes decoded by BOM, then the page's declared charset, then the plain-text rules. */
function decodeHtml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
  // A page saved again by a browser is often UTF-8 whatever its <meta> says: valid UTF-8 wins.
  if (
    declared &&
    !hasBom &&
    !/^utf-?8$/i.test(declared) &&
    iconv.encodingExists(declared) &&
    !isUtf8(bytes)
  ) {
    return iconv.decode(Buffer.from(bytes), declared);
  }
  return decodeText(bytes).text;
}

/** Formats that extract synchronously (used by the embedded sample, which installs inside one transaction). */
export function extractDocument(fileName: string, bytes: Uint8Array): Extracted {
  const ext = path.extname(fileName).toLowerCase();
  const base = path.basename(fileName, ext);
  if (bytes.length === 0) throw EMPTY();
  switch (ext) {
    case '.txt': {
      const { text, encoding } = decodeText(bytes);
      nonEmpty(text);
      return { title: headlineTitle(text) ?? base, text, format: 'txt', meta: { encoding } };
    }
    case '.md':
    case '.markdown': {
      const md = renderMarkdown(decodeText(bytes).text);
      nonEmpty(md.text, 'empty file (no text in the Markdown)');
      return {
        title: md.title ?? headlineTitle(md.text) ?? base,
        text: md.text,
        format: 'md',
        author: md.meta.author ?? '',
        published: md.meta.date ?? '',
        meta: md.meta,
      };
    }
    case '.html':
    case '.htm': {
      const h = extractHtml(decodeHtml(bytes));
      nonEmpty(h.text, 'no readable text in the page');
      return {
        title: h.title || base,
        text: h.text,
        format: 'html',
        author: h.author,
        published: h.published,
        source: h.source,
        meta: h.meta,
      };
    }
    default:
      throw new DossierError('unsupported', `unsupported file type "${ext || '(none)'}"`);
  }
}

/** Turns any supported file's bytes into a document's title, text and metadata. */
export async function extractFile(fileName: string, bytes: Uint8Array): Promise<Extracted> {
  const ext = path.extname(fileName).toLowerCase();
  const base = path.basename(fileName, ext);
  if (bytes.length === 0) throw EMPTY();
  if (ext === '.pdf') {
    const p = await extractPdf(bytes);
    return {
      title: p.title || base,
      text: p.text,
      format: 'pdf',
      author: p.author,
      published: p.published,
      meta: p.meta,
      pages: p.pages,
    };
  }
  if (ext === '.docx') {
    const d = await extractDocx(bytes);
    nonEmpty(d.text, 'empty document (no text in the DOCX)');
    return {
      title: d.title || base,
      text: d.text,
      format: 'docx',
      author: d.author,
      published: d.published,
      meta: d.meta,
    };
  }
  return extractDocument(fileName, bytes);
}
