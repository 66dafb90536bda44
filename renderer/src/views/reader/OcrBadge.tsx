import type { ReactNode } from 'react';

/** Per recognised page, as the import stores it in the document's meta (ocrPages). */
function pagesOf(raw: string | undefined): { page: number; confidence: number }[] {
  try {
    const v = JSON.parse(raw ?? '[]') as unknown;
    return Array.isArray(v) ? (v as { page: number; confidence: number }[]) : [];
  } catch {
    return [];
  }
}

/**
 * "OCR" beside the info line of a document whose text (some pages of it) was recognised from a scan, with
 * tesseract's confidence per page: the analyst knows to check a quote against the page before citing it.
 */
export function OcrBadge(props: { meta: Record<string, string> }): ReactNode {
  if (!props.meta.ocr) return null;
  const pages = pagesOf(props.meta.ocrPages);
  const detail = pages.map((p) => `page ${p.page}: ${Math.round(p.confidence)} %`).join(', ');
  const label = `Text recognised from a scan by ${props.meta.ocr}${detail ? `; confidence ${detail}` : ''}`;
  return (
    <span className="badge ocr-badge" role="note" aria-label={label} title={label}>
      OCR
    </span>
  );
}
