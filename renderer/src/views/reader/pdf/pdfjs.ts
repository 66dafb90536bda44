import * as pdfjs from 'pdfjs-dist';

// pdf.js for the page view, loaded only when a PDF is shown as pages (PdfPages is a lazy chunk). Every asset
// comes from the app's own build (vite.pdfjs.ts copies them under pdfjs/): nothing is fetched from elsewhere.
// The options are the import's (electron/core/import/pdf.ts), so that getTextContent() gives the same items
// the stored text and the alignment were made from.

const asset = (p: string): string => new URL(`pdfjs/${p}`, document.baseURI).href;

pdfjs.GlobalWorkerOptions.workerSrc = asset('pdf.worker.min.mjs');

export type PdfDocument = pdfjs.PDFDocumentProxy;
export type PdfPage = pdfjs.PDFPageProxy;
export const { TextLayer } = pdfjs;

export function openPdf(bytes: Uint8Array): pdfjs.PDFDocumentLoadingTask {
  return pdfjs.getDocument({
    data: bytes,
    password: '',
    cMapUrl: asset('cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts/'),
    wasmUrl: asset('wasm/'),
    iccUrl: asset('iccs/'),
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
}
