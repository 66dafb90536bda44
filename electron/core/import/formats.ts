import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { NewDocument } from '../documents';
import { DossierError } from '../errors';
import type * as HtmlModule from './html';
import type * as MarkdownModule from './markdown';
import type { PdfReadOptions } from './pdf';
import { normalizeByline, normalizeDate } from '../../../shared/metadata';
import { type Decoded, decodeText } from './textFile';
import { chooseTitle } from './titleChoice';

// One function per format from bytes to a document. The parsers (linkedom, marked, mammoth, pdfjs) load only
// when a file of their format comes, so that importing plain text — and starting the import worker — stays
// cheap.

export type Extracted = Omit<NewDocument, 'originalName' | 'fileSize'> & {
  /** For the import report, not stored: e.g. that the encoding was guessed. */
  warnings?: string[];
};

const warned = (d: Decoded): { warnings?: string[] } => (d.warning ? { warnings: [d.warning] } : {});

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;

export function isSupported(fileName: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(fileName).toLowerCase());
}

export const emptyFile = (): DossierError => new DossierError('invalid_input', 'empty file');

function nonEmpty(text: string, what = 'empty file (only white space)'): string {
  if (text.trim() === '') throw new DossierError('invalid_input', what);
  return text;
}

/** HTML bytes decoded by BOM, then the page's declared charset, then the plain-text rules. */
function decodeHtml(bytes: Uint8Array): Decoded {
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
    return { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared };
  }
  return decodeText(bytes);
}

export function txtDocument(bytes: Uint8Array, base: string): Extracted {
  const decoded = decodeText(bytes);
  const { text, encoding } = decoded;
  nonEmpty(text);
  return { title: chooseTitle({ base, text }), text, format: 'txt', meta: { encoding }, ...warned(decoded) };
}

export function markdownDocument(md: typeof MarkdownModule, bytes: Uint8Array, base: string): Extracted {
  const decoded = decodeText(bytes);
  const doc = md.renderMarkdown(decoded.text);
  nonEmpty(doc.text, 'empty file (no text in the Markdown)');
  return {
    title: chooseTitle({ base, text: doc.text, declared: doc.title ?? '' }),
    text: doc.text,
    format: 'md',
    author: normalizeByline(doc.meta.author ?? ''),
    published: normalizeDate(doc.meta.date ?? ''),
    meta: doc.meta,
    ...warned(decoded),
  };
}

export function htmlDocument(html: typeof HtmlModule, bytes: Uint8Array, base: string): Extracted {
  const decoded = decodeHtml(bytes);
  const h = html.extractHtml(decoded.text);
  nonEmpty(h.text, 'no readable text in the page');
  return {
    title: chooseTitle({ base, text: h.text, declared: h.title, siteName: h.source }),
    text: h.text,
    format: 'html',
    author: normalizeByline(h.author),
    published: normalizeDate(h.published),
    source: h.source,
    url: h.url,
    meta: h.meta,
    ...warned(decoded),
  };
}

export function unsupported(ext: string): DossierError {
  return new DossierError('unsupported', `unsupported file type "${ext || '(none)'}"`);
}

/** Turns any supported file's bytes into a document's title, text and metadata. */
export async function extractFile(
  fileName: string,
  bytes: Uint8Array,
  pdfOptions: PdfReadOptions = {},
): Promise<Extracted> {
  const ext = path.extname(fileName).toLowerCase();
  const base = path.basename(fileName, ext);
  if (bytes.length === 0) throw emptyFile();
  switch (ext) {
    case '.txt':
      return txtDocument(bytes, base);
    case '.md':
    case '.markdown':
      return markdownDocument(await import('./markdown'), bytes, base);
    case '.html':
    case '.htm':
      return htmlDocument(await import('./html'), bytes, base);
    case '.pdf': {
      const p = await (await import('./pdf')).extractPdf(bytes, pdfOptions);
      return {
        title: chooseTitle({ base, text: p.text, declared: p.title }),
        text: p.text,
        format: 'pdf',
        author: normalizeByline(p.author),
        published: normalizeDate(p.published),
        meta: p.meta,
        pages: p.pages,
      };
    }
    case '.docx': {
      const d = await (await import('./docx')).extractDocx(bytes);
      nonEmpty(d.text, 'empty document (no text in the DOCX)');
      return {
        title: chooseTitle({ base, text: d.text, declared: d.title }),
        text: d.text,
        format: 'docx',
        author: normalizeByline(d.author),
        published: normalizeDate(d.published),
        meta: d.meta,
      };
    }
    default:
      throw unsupported(ext);
  }
}
