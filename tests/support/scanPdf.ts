import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { rng as random } from '../../shared/random';

// Scanned-looking PDFs for the OCR tests and bench: known text drawn onto an image at a given dpi (optionally
// degraded: noise, blur, a slight skew as a flatbed gives), wrapped as an image-only PDF page by pdf-lib — no
// text layer, as a scanner writes it.

export interface ScanOptions {
  dpi?: number;
  /** Fraction of pixels flipped to random grey (salt and pepper); 0 = clean. */
  noise?: number;
  /** Gaussian blur radius in pixels. */
  blur?: number;
  /** Rotation in degrees. */
  skewDeg?: number;
  /** Font size in points. */
  fontPt?: number;
  /** Seed for the noise, so a bench run is repeatable. */
  seed?: number;
}

/** Lines wrapped to the page's text width, paragraphs kept apart by a blank line. */
function wrap(measure: (s: string) => number, text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && measure(next) > width) {
        out.push(line);
        line = word;
      } else line = next;
    }
    if (line) out.push(line);
    out.push('');
  }
  return out;
}

/** One A4 page image (PNG) with the text drawn on it. */
export function scanImage(text: string, o: ScanOptions = {}): { png: Buffer; width: number; height: number } {
  const dpi = o.dpi ?? 200;
  const px = dpi / 72;
  const width = Math.round(595 * px);
  const height = Math.round(842 * px);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const fontPx = (o.fontPt ?? 11) * px;
  ctx.font = `${fontPx}px "DejaVu Serif"`;
  ctx.fillStyle = '#111';
  ctx.textBaseline = 'top';
  if (o.skewDeg) {
    ctx.translate(width / 2, height / 2);
    ctx.rotate((o.skewDeg * Math.PI) / 180);
    ctx.translate(-width / 2, -height / 2);
  }
  const margin = 72 * px;
  let y = margin;
  for (const line of wrap((s) => ctx.measureText(s).width, text, width - 2 * margin)) {
    if (line) ctx.fillText(line, margin, y);
    y += fontPx * 1.45;
  }
  let out = canvas;
  if (o.blur) {
    const blurred = createCanvas(width, height);
    const b = blurred.getContext('2d');
    b.filter = `blur(${o.blur}px)`;
    b.drawImage(canvas, 0, 0);
    out = blurred;
  }
  if (o.noise) {
    const c = out.getContext('2d');
    const img = c.getImageData(0, 0, width, height);
    const next = random(o.seed ?? 1);
    for (let i = 0; i < img.data.length; i += 4) {
      if (next() >= o.noise) continue;
      const v = Math.floor(next() * 256);
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
    }
    c.putImageData(img, 0, 0);
  }
  return { png: out.toBuffer('image/png'), width, height };
}

/** An image-only PDF: one page per text, each page's image at `dpi` and filling the A4 page. */
export async function scannedPdf(pages: string[], o: ScanOptions = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const [i, text] of pages.entries()) {
    const { png } = scanImage(text, { ...o, seed: (o.seed ?? 1) + i });
    const image = await pdf.embedPng(png);
    const page = pdf.addPage([595, 842]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return pdf.save();
}

/** Character error rate: edit distance over the reference's length, whitespace runs counted as one space. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const a = reference.replace(/\s+/g, ' ').trim();
  const b = hypothesis.replace(/\s+/g, ' ').trim();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return a.length ? prev[b.length] / a.length : b.length ? 1 : 0;
}
