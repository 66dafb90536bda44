import type { PdfJs, PdfPage } from '../pdf';

// A scanned page rendered to pixels at its image's own resolution: the scan's pixels one to one, neither
// upscaled (interpolated pixels hurt tesseract) nor shrunk. pdf.js draws through @napi-rs/canvas in Node.

/** Bounds on the scale: below ~100 dpi OCR is hopeless, above 600 dpi only memory grows. */
const MIN_SCALE = 100 / 72;
const MAX_SCALE = 600 / 72;

type RenderParameters = Parameters<PdfPage['render']>[0];

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: number[]): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * Pixels per PDF point of the largest image the page paints (null when it paints none: a blank page, or text
 * drawn as vector outlines, is not a scan and is not recognised): its width in pixels over the width it is drawn at
 * (an image fills the unit square of the current transformation matrix, tracked through save/restore/transform).
 */
export async function nativeScale(page: PdfPage, lib: PdfJs): Promise<number | null> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const { OPS } = lib;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let best = 0;
  let bestArea = 0;
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      const [w, h] =
        fn === OPS.paintImageXObject
          ? [args[1] as number, args[2] as number]
          : [(args[0] as { width: number }).width, (args[0] as { height: number }).height];
      const drawnWidth = Math.hypot(ctm[0], ctm[1]);
      if (!(w > 0 && h > 0 && drawnWidth > 0) || w * h <= bestArea) return;
      bestArea = w * h;
      best = w / drawnWidth;
    }
  });
  return best > 0 ? Math.min(MAX_SCALE, Math.max(MIN_SCALE, best)) : null;
}

/** The page as a PNG at `scale` pixels per point, on white (a transparent scan would read as black). */
export async function renderPagePng(page: PdfPage, scale: number): Promise<{ png: Buffer; dpi: number }> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js types its canvas as the DOM's; the core has no DOM types, so the parameters' own types are named.
  await page.render({
    canvas: canvas as unknown as RenderParameters['canvas'],
    canvasContext: ctx as unknown as RenderParameters['canvasContext'],
    viewport,
  }).promise;
  return { png: canvas.toBuffer('image/png'), dpi: Math.round(scale * 72) };
}
