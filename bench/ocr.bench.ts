// OCR bench (issue 18): a degraded 200 dpi scan of known text (noise, blur, a slight skew; an image-only PDF
// made by tests/support/scanPdf.ts) recognised through the import's own path (runExtractJob: render at the
// scan's resolution, tesseract.js workers one per core). Reports the character error rate against the known
// text (target < 1 %), seconds per page (target ~4–6 s on 2 cores) and the process's peak memory (the tesseract
// workers are threads of this process). PAGES (default 6) pages.
import os from 'node:os';
import { runExtractJob } from '../electron/core/import/extractor';
import { endPool, ocrWorkerCount } from '../electron/core/import/ocr/recogniser';
import { characterErrorRate, scannedPdf } from '../tests/support/scanPdf';
import { peakRssMb, writeSection } from './report';

const PAGES = Number(process.env.PAGES ?? 6);
const PARAGRAPHS = [
  'The ministry announced on Tuesday a new framework for defence cooperation with its neighbours, covering joint exercises, the procurement of air defence systems and the exchange of liaison officers between the general staffs.',
  'According to officials familiar with the negotiations, the agreement was delayed for several months by disputes over financing, the export controls on components and the role of parliament in approving deployments abroad.',
  'Critics argued that the document left open how the commitments would be verified, and several analysts noted that similar declarations in 2014 and 2019 had produced few measurable results beyond regular consultations.',
  'The report recommends that the government publish an annual review of the cooperation, with figures on spending, training and equipment deliveries, so that the public and partners can judge its progress.',
];
const page = (i: number): string =>
  [0, 1, 2, 3].map((k) => PARAGRAPHS[(i + k) % PARAGRAPHS.length]).join('\n\n');

const texts = Array.from({ length: PAGES }, (_, i) => page(i));
const degraded = { dpi: 200, noise: 0.003, blur: 0.5, skewDeg: 0.4, seed: 7 };
const bytes = await scannedPdf(texts, degraded);
const load = os.loadavg()[0].toFixed(1);
const t0 = performance.now();
const r = await runExtractJob({ name: 'scan.pdf', bytes, ocrLanguages: ['eng'] });
const seconds = (performance.now() - t0) / 1000;
await endPool();
if (!r.ok) throw new Error(r.error);
const spans = r.doc.pages!;
const perPage = texts.map((t, i) => characterErrorRate(t, r.doc.text.slice(spans[i].start, spans[i].end)));
const cer = characterErrorRate(texts.join('\n\n'), r.doc.text);
const confidence = (JSON.parse(r.doc.meta!.ocrPages) as { confidence: number }[]).map((c) => c.confidence);
const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
writeSection(
  'ocr',
  'OCR of a degraded 200 dpi scan (tesseract.js, eng)',
  `${PAGES} A4 pages of ~1,000 characters each, drawn at 200 dpi in DejaVu Serif 11 pt with salt-and-pepper
noise (0.3 % of pixels), a 0.5 px blur and a 0.4° skew, as an image-only PDF; recognised through the import's
extraction path with ${ocrWorkerCount()} tesseract.js worker(s) (LSTM, best_int model). Load average at start: ${load}.

| measure | value |
|---|---|
| character error rate (whole text) | ${pct(cer)} |
| worst page | ${pct(Math.max(...perPage))} |
| tesseract confidence per page | ${confidence.join(', ')} |
| wall time, first page included (worker start, model load) | ${seconds.toFixed(1)} s |
| seconds per page | ${(seconds / PAGES).toFixed(1)} s |
| peak memory (RSS of the process, workers included) | ${peakRssMb().toFixed(0)} MB |
`,
);
