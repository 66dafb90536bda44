import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareText } from '../preparedText';
import { DossierError } from '../errors';
import { type Extracted, extractFile } from './formats';
import { ocrWorkerCount, tesseractRecogniser } from './ocr/recogniser';
import { type PasswordProblem, PdfPasswordError } from './pdf';

// Reading and extracting one file, with every failure turned into a reason. Also where the import worker's
// module is found: under tsx/vitest the TypeScript source runs through tsx; a bundled app names its built
// worker file with setImportWorkerPath() (electron-vite: `import p from './worker?modulePath'`). Extraction
// always runs in a worker (extractionWorker.ts): no user file is parsed on a thread that answers the UI.

export interface ExtractJob {
  name: string;
  /** Read from here when bytes are not given. */
  path?: string;
  bytes?: Uint8Array;
  /** The file's size, for its time limit. */
  size?: number;
  /** Base time limit for this file (see extractionWorker.ts). */
  timeLimitMs?: number;
  /** An encrypted PDF's password, from the analyst; used to open the file and never stored or reported. */
  password?: string;
  /** OCR languages for pages without a text layer; without them such pages stay empty. */
  ocrLanguages?: string[];
}

/** Told as each scanned page is recognised: the extractor's clock restarts (a page has its own time). */
export type OnOcrPage = (page: number, pages: number) => void;

export type ExtractResult =
  // original: a PDF's bytes, kept in the project for its page view (pdfAlign/originals.ts).
  | { ok: true; doc: Extracted; warnings?: string[]; original?: Uint8Array }
  // password: the file is an encrypted PDF whose password is missing or wrong (ask the analyst).
  | { ok: false; error: string; password?: PasswordProblem };

let configuredWorker: string | URL | null = null;

/** For bundled builds: the path of the built worker module. */
export function setImportWorkerPath(file: string | URL | null): void {
  configuredWorker = file;
}

export function importWorkerSpec(): { file: string | URL; execArgv: string[] } | null {
  if (configuredWorker) return { file: configuredWorker, execArgv: [] };
  // The path alone: tsx's tsImport() (the e2e tests' server) adds a query to the module's URL.
  if (new URL(import.meta.url).pathname.endsWith('.ts')) {
    // A plain path (not `new URL('./worker.ts', import.meta.url)`) so that bundlers do not copy the source file.
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.ts');
    return { file, execArgv: ['--import', 'tsx'] };
  }
  return null;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runExtractJob(job: ExtractJob, onOcrPage?: OnOcrPage): Promise<ExtractResult> {
  try {
    // A synchronous read: the import runs on its own thread, and a thread-pool round trip per small file costs
    // more than the read itself.
    const bytes = job.bytes ?? fs.readFileSync(job.path!);
    const ocr = job.ocrLanguages?.length
      ? tesseractRecogniser({ languages: job.ocrLanguages, onPage: onOcrPage })
      : undefined;
    const { warnings, ...doc } = await extractFile(job.name, bytes, {
      password: job.password,
      ocr,
      // Only with OCR: os.availableParallelism() per small file was a measurable share of its extraction.
      ...(ocr ? { ocrConcurrency: ocrWorkerCount() } : {}),
    });
    if (doc.meta?.ocr) doc.meta.ocr = `tesseract (${job.ocrLanguages!.join('+')})`;
    // Canonical text, hash and counts here, on the extracting thread, while the importer commits.
    const { text, ...prepared } = prepareText(doc.text);
    return {
      ok: true,
      doc: { ...doc, text, prepared },
      ...(warnings ? { warnings } : {}),
      ...(doc.format === 'pdf' ? { original: bytes } : {}),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: 'file not found' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, error: 'permission denied' };
    if (code === 'EISDIR') return { ok: false, error: 'is a folder' };
    if (error instanceof PdfPasswordError)
      return { ok: false, error: error.message, password: error.problem };
    return {
      ok: false,
      error: error instanceof DossierError ? error.message : `unreadable: ${errorMessage(error)}`,
    };
  }
}

export interface Extractor {
  extract(job: ExtractJob, onOcrPage?: OnOcrPage): Promise<ExtractResult>;
  /** Stops the file in flight and drops waiting ones (each answered "cancelled"); later files still extract. */
  cancel?(): void;
  close(): Promise<void>;
}

/** Extraction on the current thread: only for tests that wrap it, and trusted bytes. */
export const inlineExtractor: Extractor = { extract: runExtractJob, close: async () => undefined };
