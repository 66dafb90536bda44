import { createRequire } from 'node:module';
import path from 'node:path';
import type { PageSpan } from '../../../shared/api';
import { canonicalText } from '../../../shared/text';
import { DossierError } from '../errors';

// PDF text through pdfjs-dist (legacy build, the one meant for Node). Items come in content-stream order, which
// is the reading order a PDF producer wrote (columns stay whole); lines are grouped by baseline, joined into
// paragraphs on vertical gaps, and words split at line ends are rejoined.

export interface PdfDoc {
  text: string;
  pages: PageSpan[];
  title: string;
  author: string;
  published: string;
  meta: Record<string, string>;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  size: number;
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// Character maps (CJK fonts) and the standard fonts' metrics are read from pdfjs-dist's own folders.
const CMAP_URL = `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`;
const FONT_URL = `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`;

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
export const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** How the import opens a PDF; the page view's alignment (pdfAlign/pageItems.ts) reads its items the same way. */
export const PDF_READ_OPTIONS = {
  cMapUrl: CMAP_URL,
  cMapPacked: true,
  standardFontDataUrl: FONT_URL,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  stopAtErrors: false,
  verbosity: 0,
} as const;

function linesOf(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let text = '';
  let y = NaN;
  let size = 0;
  let endX = NaN;
  const push = (): void => {
    if (text.trim() !== '') lines.push({ text: text.replace(/\s+/g, ' ').trim(), y, size });
    text = '';
    endX = NaN;
  };
  for (const it of items) {
    const [, , , d, x, iy] = it.transform;
    const h = Math.abs(it.height || d) || 10;
    if (text !== '' && !Number.isNaN(y) && Math.abs(iy - y) > h * 0.5) push();
    if (text === '') {
      y = iy;
      size = h;
    } else if (!Number.isNaN(endX) && x - endX > h * 0.15 && !/\s$/.test(text) && !/^\s/.test(it.str)) {
      text += ' ';
    }
    text += it.str;
    if (it.str !== '') endX = x + it.width;
    size = Math.max(size, h);
    if (it.hasEOL) push();
  }
  push();
  return lines;
}

function joinLines(a: string, b: string): string {
  // "inter-\nnational" → "international"; a hyphen before a capital or digit is kept ("Franco-\nGerman").
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  if (/\p{L}-$/u.test(a) && /^[\p{Lu}\p{N}]/u.test(b)) return a + b;
  // Chinese and Japanese lines continue without a space.
  if (
    /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}、。]$/u.test(a) &&
    /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(b)
  )
    return a + b;
  return `${a} ${b}`;
}

/** Tesseract's lines rejoined into paragraphs (its blank lines), as the text layer's are (joinLines). */
function ocrParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .reduce((a, b) => (a ? joinLines(a, b) : b), ''),
    )
    .filter(Boolean)
    .join('\n\n');
}

function paragraphsOf(lines: Line[]): string[] {
  const paras: string[] = [];
  let current = '';
  let prev: Line | null = null;
  for (const line of lines) {
    if (prev) {
      const gap = prev.y - line.y;
      const lineHeight = Math.max(prev.size, line.size);
      const newPara =
        gap > lineHeight * 1.75 || gap < -lineHeight * 0.5 || Math.abs(line.size - prev.size) > 1.5;
      if (newPara) {
        paras.push(current);
        current = line.text;
      } else current = joinLines(current, line.text);
    } else current = line.text;
    prev = line;
  }
  if (current) paras.push(current);
  return paras;
}

function pdfDate(raw: unknown, lib: PdfJs): string {
  if (typeof raw !== 'string' || !raw) return '';
  const d = lib.PDFDateString.toDateObject(raw);
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : '';
}

/** Why an encrypted PDF did not open: no password was given, or the one given is wrong. */
export type PasswordProblem = 'needed' | 'incorrect';

/** An encrypted PDF that needs its user password (pdf.js PasswordException NEED_PASSWORD / INCORRECT_PASSWORD). */
export class PdfPasswordError extends DossierError {
  constructor(readonly problem: PasswordProblem) {
    super(
      'invalid_input',
      problem === 'needed' ? 'encrypted PDF: password required' : 'encrypted PDF: incorrect password',
    );
  }
}

export interface PdfReadOptions {
  /** The analyst's password for this file; never stored (only handed to pdf.js). */
  password?: string;
  /** Recognises a page that has no text layer (ocr/ocrPages.ts); without it such pages stay empty. */
  ocr?: PageRecogniser;
  /** Pages recognised at once (the OCR workers); default 1. */
  ocrConcurrency?: number;
}

/** What OCR made of one page: its text and tesseract's mean confidence (0–100). */
export interface RecognisedPage {
  text: string;
  confidence: number;
}
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
export type PageRecogniser = (
  page: PdfPage,
  lib: PdfJs,
  n: number,
  pages: number,
) => Promise<RecognisedPage | null>;

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * Opens with the empty password first (owner-only protection, "no printing" and the like, opens so), then with
 * the analyst's. pdf.js answers a wrong password for an owner-only file with INCORRECT_PASSWORD, hence the order.
 */
async function openPdf(lib: PdfJs, bytes: Uint8Array, password: string | undefined): Promise<PdfDocument> {
  const tries = password ? ['', password] : [''];
  for (const [i, pw] of tries.entries()) {
    // pdfjs detaches the buffer it is given: hand it a copy.
    const task = lib.getDocument({ data: new Uint8Array(bytes), password: pw, ...PDF_READ_OPTIONS });
    try {
      return await task.promise;
    } catch (error) {
      await task.destroy().catch(() => undefined);
      const e = error as { name?: string; code?: number; message?: string };
      if (e.name !== 'PasswordException')
        throw new DossierError('invalid_input', `corrupt PDF: ${e.message ?? String(error)}`);
      if (i === tries.length - 1) throw new PdfPasswordError(pw === '' ? 'needed' : 'incorrect');
    }
  }
  throw new PdfPasswordError('needed');
}

export async function extractPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfDoc> {
  const lib = await loadPdfJs();
  const doc = await openPdf(lib, bytes, options.password);
  try {
    // Image-only pages are recognised while the next pages are read, up to ocrConcurrency at a time (one per
    // OCR worker); per recognised page its number and confidence (kept in the document's meta as ocrPages).
    const recognised: { page: number; confidence: number }[] = [];
    const texts: string[] = [];
    const running = new Set<Promise<void>>();
    let failure: unknown = null;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i) => 'str' in i) as TextItem[];
      texts[n] = canonicalText(paragraphsOf(linesOf(items)).join('\n\n'));
      const ocr = options.ocr;
      if (texts[n].trim() !== '' || !ocr) {
        page.cleanup();
        continue;
      }
      while (running.size >= Math.max(1, options.ocrConcurrency ?? 1)) await Promise.race(running);
      if (failure) break;
      const task = ocr(page, lib, n, doc.numPages)
        .then((r) => {
          if (!r) return;
          texts[n] = ocrParagraphs(canonicalText(r.text));
          recognised.push({ page: n, confidence: Math.round(r.confidence * 10) / 10 });
        })
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => {
          page.cleanup();
          running.delete(task);
        });
      running.add(task);
    }
    await Promise.all(running);
    if (failure) throw new DossierError('invalid_input', `OCR failed: ${(failure as Error).message}`);
    recognised.sort((x, y) => x.page - y.page);
    const pages: PageSpan[] = [];
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const pageText = texts[n];
      if (pageText !== '' && text !== '') text += '\n\n';
      const start = text.length;
      text += pageText;
      pages.push({ page: n, start, end: text.length });
    }
    if (text.trim() === '')
      throw new DossierError(
        'invalid_input',
        options.ocr ? 'no text layer, and OCR found no text' : 'no text layer (scanned image?)',
      );
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as {
      info: Record<string, unknown>;
    };
    const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
    const meta: Record<string, string> = {};
    for (const k of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
      if (str(info[k])) meta[k.toLowerCase()] = str(info[k]);
    }
    const created = pdfDate(info.CreationDate, lib);
    if (created) meta.created = created;
    meta.pages = String(doc.numPages);
    if (recognised.length) {
      // The document's text (some of it) is tesseract's reading: the Library shows a badge from this.
      meta.ocr = 'tesseract';
      meta.ocrPages = JSON.stringify(recognised);
    }
    return { text, pages, title: str(info.Title), author: str(info.Author), published: created, meta };
  } finally {
    await doc.destroy();
  }
}
