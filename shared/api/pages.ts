import { z } from 'zod';
import { Id } from './model';
import { method } from './method';

// The page view of a PDF (issue 18): its original bytes, and per page the alignment of pdf.js's text items
// (getTextContent() with default options, the items the import read) to the stored text.

export const DocumentOriginal = z.object({
  id: Id,
  sha256: z.string(),
  mediaType: z.string(),
  /** The file's bytes, base64. */
  base64: z.string(),
});
export type DocumentOriginal = z.infer<typeof DocumentOriginal>;

export const PageAlignment = z.object({
  docId: Id,
  page: z.number().int().positive(),
  /** The page's span in the stored text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /**
   * One entry per text item (pdf.js items with a `str`, in order), one number per UTF-16 unit of the item's
   * string: the stored offset that unit is, or -1 (whitespace, a line-end hyphen the import rejoined, or an item
   * that could not be aligned).
   */
  items: z.array(z.array(z.number().int())),
  /** Items with text that could not be aligned: their text is in the stored text's view only. */
  unaligned: z.array(z.number().int().nonnegative()),
  /** Stored characters (not whitespace) of the page that no item maps to. */
  unmapped: z.number().int().nonnegative(),
  /** Line-end hyphens counted as rejoined. */
  hyphens: z.number().int().nonnegative(),
});
export type PageAlignment = z.infer<typeof PageAlignment>;

export const pagesMethods = {
  getDocumentOriginal: method(z.object({ id: Id }), DocumentOriginal),
  getPageAlignment: method(
    z.object({ docId: Id, page: z.number().int().positive().max(100_000) }),
    PageAlignment,
  ),
};
