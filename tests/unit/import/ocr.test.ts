import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtractJob } from '../../../electron/core/import/extractor';
import { threadExtractor } from '../../../electron/core/import/extractionWorker';
import { importWorkerSpec } from '../../../electron/core/import/extractor';
import { extractPdf } from '../../../electron/core/import/pdf';
import { endPool } from '../../../electron/core/import/ocr/recogniser';
import { nativeScale } from '../../../electron/core/import/ocr/renderPage';
import { loadPdfJs } from '../../../electron/core/import/pdf';
import { characterErrorRate, scannedPdf } from '../../support/scanPdf';
import { createProject } from '../../../electron/core/project';
import { dossier } from '../helpers';

// OCR of image-only PDF pages (tesseract.js, everything from node_modules): a generated 200 dpi scan of known
// text is read back within a generous error bound (the real figure is in bench/ocr.bench.ts), nothing is
// fetched and nothing is written into the current folder, and the document says its text is OCR.

const PAGE_1 =
  'The ministry announced a new framework for defence cooperation with its neighbours on Tuesday.\n\n' +
  'Officials said the agreement would cover joint exercises, procurement and the exchange of liaison officers.';
const PAGE_2 = 'A second page follows, with the conclusions of the working group and its recommendations.';

afterAll(() => endPool());

describe('OCR of scanned PDFs', () => {
  it('renders at the scan’s own resolution (200 dpi here), never upscaled', async () => {
    const bytes = await scannedPdf([PAGE_2], { dpi: 200 });
    const lib = await loadPdfJs();
    const doc = await lib.getDocument({ data: bytes }).promise;
    const scale = await nativeScale(await doc.getPage(1), lib);
    expect(scale! * 72).toBeCloseTo(200, 0);
    await doc.destroy();
    // A blank page paints no image: not a scan, not recognised.
    const blank = await PDFDocument.create();
    blank.addPage([595, 842]);
    const empty = await lib.getDocument({ data: await blank.save() }).promise;
    expect(await nativeScale(await empty.getPage(1), lib)).toBeNull();
    await empty.destroy();
  });

  it('reads a 200 dpi scan back, page by page, offline and writing nothing into the current folder', async () => {
    const bytes = await scannedPdf([PAGE_1, PAGE_2], { dpi: 200, noise: 0.002, blur: 0.4 });
    // Without OCR, the old refusal.
    await expect(extractPdf(bytes)).rejects.toThrow(/no text layer/);
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-ocr-cwd-'));
    const before = process.cwd();
    const realFetch = globalThis.fetch;
    const fetched: string[] = [];
    globalThis.fetch = ((url: string | URL) => {
      fetched.push(String(url));
      return Promise.reject(new Error('offline'));
    }) as typeof fetch;
    process.chdir(cwd);
    const pages: string[] = [];
    try {
      const r = await runExtractJob({ name: 'scan.pdf', bytes, ocrLanguages: ['eng'] }, (n, of) =>
        pages.push(`${n}/${of}`),
      );
      if (!r.ok) throw new Error(r.error);
      expect(pages.sort()).toEqual(['1/2', '2/2']);
      const { text, pages: spans, meta } = r.doc;
      expect(characterErrorRate(`${PAGE_1}\n\n${PAGE_2}`, text)).toBeLessThan(0.05);
      expect(text.slice(spans![1].start, spans![1].end)).toContain('working group');
      // Lines rejoined into paragraphs, as with a text layer: no line break inside a paragraph.
      expect(text.split('\n\n')).toHaveLength(3);
      expect(text).not.toMatch(/[^\n]\n[^\n]/);
      expect(meta!.ocr).toBe('tesseract (eng)');
      const confidence = JSON.parse(meta!.ocrPages) as { page: number; confidence: number }[];
      expect(confidence.map((c) => c.page)).toEqual([1, 2]);
      for (const c of confidence) expect(c.confidence).toBeGreaterThan(50);
    } finally {
      process.chdir(before);
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
    expect(fs.readdirSync(cwd)).toEqual([]);
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it('an unknown OCR language is refused with a clear reason', async () => {
    const r = await runExtractJob({
      name: 'scan.pdf',
      bytes: await scannedPdf([PAGE_2]),
      ocrLanguages: ['xxx'],
    });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/OCR failed: no OCR language "xxx"/) });
  });

  it('Cancel stops a file being recognised in the extraction thread', async () => {
    const spec = importWorkerSpec()!;
    const extractor = threadExtractor(spec);
    const bytes = await scannedPdf([PAGE_1, PAGE_2, PAGE_1, PAGE_2, PAGE_1, PAGE_2]);
    let first: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (first = resolve));
    const result = extractor.extract({ name: 'scan.pdf', bytes, ocrLanguages: ['eng'] }, () => first());
    await started;
    extractor.cancel!();
    expect(await result).toEqual({ ok: false, error: 'cancelled' });
    await extractor.close();
  });

  it('dossier import --ocr-lang reads a scan; a language not shipped is a usage error (exit 2)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-ocr-cli-'));
    const project = path.join(dir, 'p.dossier');
    createProject(project, 'empty').db.close();
    const scan = path.join(dir, 'scan.pdf');
    fs.writeFileSync(scan, await scannedPdf([PAGE_2]));
    const bad = dossier('import', project, scan, '--ocr-lang', 'eng,rus');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--ocr-lang takes languages from eng, ukr, pol, fra, deu (got "eng,rus")');
    const r = dossier('import', project, scan, '--ocr-lang', 'eng', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).imported).toHaveLength(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
