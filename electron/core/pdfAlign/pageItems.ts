import { DossierError } from '../errors';
import { loadPdfJs, PDF_READ_OPTIONS } from '../import/pdf';

// A PDF page's text items as the import read them: pdfjs-dist's legacy build with the import's options
// (import/pdf.ts) and getTextContent()'s default normalisation, the items that have a string. The renderer's
// text layer is fed the same call, so item i here is text span i there.

/** The strings of each page's text items, for the pages asked (all when none). */
export async function pageItemStrings(
  bytes: Uint8Array,
  pages?: readonly number[],
): Promise<Map<number, string[]>> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    password: '',
    ...PDF_READ_OPTIONS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw new DossierError('invalid_input', `the stored PDF cannot be read: ${(error as Error).message}`);
  }
  try {
    const out = new Map<number, string[]>();
    const wanted = pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    for (const n of wanted) {
      if (n < 1 || n > doc.numPages) throw new DossierError('not_found', `the PDF has no page ${n}`);
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      out.set(
        n,
        content.items.flatMap((i) => ('str' in i ? [i.str] : [])),
      );
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
