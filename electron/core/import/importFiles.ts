import type { ImportReport } from '../../../shared/api';
import type { ApiErrorCode } from '../../../shared/errors';
import { type AttributeType, defineAttribute, listAttributes, normaliseValue } from '../attributes';
import type { Db } from '../db';
import { addDocument } from '../documents';
import { DossierError } from '../errors';
import { keepOriginal, originalHash } from '../pdfAlign/originals';
import { withBatchIndexing } from './batchIndexing';
import { planBulkAttributes, type BulkAttributes, type FileValues } from './bulkAttributes';
import { collectFiles, type ImportSource } from './collect';
import { Worker } from 'node:worker_threads';
import type { Statement } from 'better-sqlite3';
import { sharedExtractor } from './extractionWorker';
import { errorMessage, type ExtractResult, type Extractor, importWorkerSpec } from './extractor';
import type { PasswordProblem } from './pdf';
import { storageFailure } from './storageFailure';

/** The password for a source, by its path as the report names it. */
function passwordFor(passwords: Record<string, string>, path: string): string | undefined {
  return Object.hasOwn(passwords, path) ? passwords[path] : undefined;
}

export { collectFiles, type ImportSource } from './collect';

/** Files over this size are refused unless the caller raises the limit. */
export const DEFAULT_MAX_SIZE = 200 * 2 ** 20;
export const THREAD_MIN_FILES = 24;
/** Files extracted ahead of the commit, and their bytes at most: enough to fill the extractor's messages
 * (GROUP_FILES) while the importer commits, without holding a corpus in memory. */
const WINDOW = 256;
const WINDOW_BYTES = 32 * 2 ** 20;
/** Files committed per transaction, and their bytes at most (a batch's texts wait in memory for the commit). FTS5
 * writes a segment per commit and merges them as they pile up: 100,000 small files cost 2.3 s of FTS5 CPU in
 * commits of 32 files and 1.6 s in commits of 2,000, as much as in one transaction. A kill loses at most the
 * batch in flight (under a second of work). */
export const BATCH_FILES = 2000;
const BATCH_BYTES = 8 * 2 ** 20;

/** Files per batch: DOSSIER_IMPORT_BATCH_FILES when set (tests that cancel or fill the disk after a batch). */
function batchFiles(): number {
  const env = Number(process.env.DOSSIER_IMPORT_BATCH_FILES);
  return Number.isInteger(env) && env > 0 ? env : BATCH_FILES;
}
const THREAD_MIN_BYTES = 2 * 2 ** 20;

export interface ImportWarning {
  path: string;
  message: string;
}

/** The CLI/API import report, plus warnings about metadata that could not be applied. */
export type FullImportReport = ImportReport & { warnings: ImportWarning[]; cancelled?: boolean };

export interface ImportProgress {
  total: number;
  done: number;
  imported: number;
  skipped: number;
  failed: number;
  currentFile: string;
  bytesDone: number;
  bytesTotal: number;
  elapsedMs: number;
  mbPerSec: number;
  filesPerSec: number;
  /** The scanned file being recognised, page by page (OCR). */
  ocr?: { path: string; page: number; pages: number };
}

export interface ImportOptions {
  /** Largest file accepted, in bytes (default 200 MB). */
  maxSize?: number;
  /** File-name pattern such as "{country}_{session}_{year}.txt". */
  attrsFromPath?: string;
  /** Contents of a CSV sidecar keyed by file name. */
  metadataCsv?: string;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Run the import (commits included) in a worker thread; default: for large imports. Extraction always runs
   * in a worker of its own. */
  threaded?: boolean;
  /** Time a file may take to extract before it is skipped, plus 1 s per MB (default 30 s; see
   * extractionWorker.ts). */
  extractTimeLimitMs?: number;
  /** Encrypted PDFs' passwords by source path, from the analyst; handed to pdf.js only, never stored. */
  passwords?: Record<string, string>;
  /** Languages to recognise scanned PDF pages in (tesseract codes); none: no OCR. */
  ocrLanguages?: string[];
}

export function emptyReport(): FullImportReport {
  return { imported: [], skipped: [], failed: [], warnings: [] };
}

function megabytes(n: number): string {
  return `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MB`;
}

/** Creates the attributes the bulk values need; an existing attribute keeps its type. */
function prepareAttributes(db: Db, plan: BulkAttributes): Map<string, { name: string; type: AttributeType }> {
  const out = new Map<string, { name: string; type: AttributeType }>();
  const existing = new Map(listAttributes(db).map((a) => [a.name.toLowerCase(), a]));
  for (const [name, type] of Object.entries(plan.types)) {
    const have = existing.get(name.toLowerCase());
    out.set(name, have ? { name: have.name, type: have.type } : defineAttribute(db, name, type));
  }
  return out;
}

/** What committing one extracted file came to, reported once its transaction has committed. */
type Outcome =
  | { kind: 'imported'; id: number; title: string }
  | { kind: 'skipped'; existingId: number; existingTitle: string }
  | { kind: 'failed'; error: string; password?: PasswordProblem };

/** One extracted file's writes (its document, pages and attributes), inside the caller's transaction. */
function writeOne(
  db: Db,
  setValue: Statement<unknown[]>,
  src: WireSource,
  result: ExtractResult & { ok: true },
  values: FileValues | undefined,
  attrs: Map<string, { name: string; type: AttributeType }>,
  warnings: ImportWarning[],
): Outcome {
  const doc = { ...result.doc, ...values?.fields, originalName: src.name, fileSize: src.size };
  const r = addDocument(db, doc);
  // A PDF's bytes for its page view; a PDF imported before they were kept gains them when imported again.
  if (result.original && (r.status === 'imported' || !originalHash(db, r.id)))
    keepOriginal(db, r.id, result.original);
  for (const [name, raw] of Object.entries(values?.attributes ?? {})) {
    const attr = attrs.get(name);
    if (!attr) continue;
    try {
      setValue.run(r.id, normaliseValue(attr.type, raw, attr.name), attr.name);
    } catch (error) {
      warnings.push({ path: src.path, message: (error as Error).message });
    }
  }
  return r.status === 'imported'
    ? { kind: 'imported', id: r.id, title: r.title }
    : { kind: 'skipped', existingId: r.id, existingTitle: r.title };
}

interface Extracted {
  src: WireSource;
  result: ExtractResult;
}

/**
 * Commits a batch of extracted files in one transaction: a kill loses at most the batch in flight, which running
 * the import again completes. One commit per document cost twice the CPU (FTS5 writes a segment per commit). If
 * a document fails to store, the batch is rolled back and committed again one document per transaction, so that
 * only that document fails.
 */
function commitBatch(
  db: Db,
  setValue: Statement<unknown[]>,
  batch: Extracted[],
  valuesOf: (src: WireSource) => FileValues | undefined,
  attrs: Map<string, { name: string; type: AttributeType }>,
  warnings: ImportWarning[],
): Outcome[] {
  const failed = (error: unknown): Outcome => ({
    kind: 'failed',
    error: error instanceof Error ? error.message : String(error),
  });
  const one = (e: Extracted, w: ImportWarning[]): Outcome =>
    e.result.ok
      ? writeOne(db, setValue, e.src, e.result, valuesOf(e.src), attrs, w)
      : {
          kind: 'failed',
          error: e.result.error,
          ...(e.result.password ? { password: e.result.password } : {}),
        };
  try {
    const w: ImportWarning[] = [];
    const outcomes = db.transaction(() => withBatchIndexing(db, () => batch.map((e) => one(e, w))))();
    warnings.push(...w);
    return outcomes;
  } catch (error) {
    // A full disk or a failing drive is no one document's fault: the import stops (see runImport).
    if (storageFailure(error)) throw error;
    return batch.map((e) => {
      try {
        return db.transaction(() => one(e, warnings))();
      } catch (error) {
        if (storageFailure(error)) throw error;
        return failed(error);
      }
    });
  }
}

function record(report: FullImportReport, src: WireSource, o: Outcome): void {
  if (o.kind === 'imported') report.imported.push({ id: o.id, title: o.title, path: src.path });
  else if (o.kind === 'skipped')
    report.skipped.push({
      path: src.path,
      reason: 'already present (same content)',
      // Which document it matches, so that the analyst can find it (and see whether the file was renamed).
      existingId: o.existingId,
      existingTitle: o.existingTitle,
    });
  else
    report.failed.push({ path: src.path, error: o.error, ...(o.password ? { password: o.password } : {}) });
}

/** A source as it crosses to the worker: a path to read, or the bytes themselves. */
export interface WireSource {
  path: string;
  name: string;
  size: number;
  file?: string;
  bytes?: Uint8Array;
}

export type WireOptions = Omit<ImportOptions, 'onProgress' | 'signal' | 'threaded'>;

export interface WorkerStart {
  type: 'start';
  dbFile: string;
  /** How to start this same module again as the extraction thread. */
  worker: { file: string; execArgv: string[] };
  sources: WireSource[];
  report: FullImportReport;
  options: WireOptions;
}

export type WorkerReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: FullImportReport }
  /** `code` when the import stopped for a reason it explains itself (a full disk, say). */
  | { type: 'error'; message: string; code?: ApiErrorCode };

/**
 * The import loop on the current thread: the sources read and extracted ahead, committed in batches (see
 * commitBatch). A failure is reported and never stops the import; cancelling (options.signal) keeps every
 * document committed and stops before the next batch.
 */
export async function runImport(
  db: Db,
  sources: WireSource[],
  report: FullImportReport,
  options: ImportOptions,
  extractor: Extractor = sharedExtractor(),
): Promise<FullImportReport> {
  report.warnings ??= [];
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const wanted: WireSource[] = [];
  for (const s of sources) {
    if (s.size > maxSize)
      report.failed.push({
        path: s.path,
        error: `over the size limit (${megabytes(s.size)} > ${megabytes(maxSize)})`,
      });
    else wanted.push(s);
  }
  const plan =
    options.attrsFromPath || options.metadataCsv !== undefined
      ? planBulkAttributes(
          wanted.map((s) => s.path),
          options,
        )
      : null;
  if (plan) report.warnings.push(...plan.warnings);
  const attrs = plan ? prepareAttributes(db, plan) : new Map<string, { name: string; type: AttributeType }>();

  const started = Date.now();
  const progress: ImportProgress = {
    total: wanted.length,
    done: 0,
    imported: 0,
    skipped: 0,
    failed: 0,
    currentFile: '',
    bytesDone: 0,
    bytesTotal: wanted.reduce((n, s) => n + s.size, 0),
    elapsedMs: 0,
    mbPerSec: 0,
    filesPerSec: 0,
  };
  const skippedBefore = report.skipped.length;
  const failedBefore = report.failed.length;
  const tick = (current: string): void => {
    progress.elapsedMs = Date.now() - started;
    const secs = Math.max(progress.elapsedMs, 1) / 1000;
    progress.mbPerSec = progress.bytesDone / 2 ** 20 / secs;
    progress.filesPerSec = progress.done / secs;
    progress.currentFile = current;
    progress.imported = report.imported.length;
    progress.skipped = report.skipped.length - skippedBefore;
    progress.failed = report.failed.length - failedBefore;
    options.onProgress?.({ ...progress });
  };
  tick(wanted[0]?.path ?? '');

  // Checkpointing the WAL every 1,000 pages costs more than the commits themselves during a bulk import; the
  // WAL is checkpointed once at the end instead. Every commit is still durable in the WAL as it happens.
  const checkpointEvery = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 50000');
  const setValue = db.prepareOnce(
    `INSERT INTO document_attributes (document_id, attribute_id, value)
     SELECT ?, id, ? FROM attributes WHERE name = ? COLLATE NOCASE
     ON CONFLICT (document_id, attribute_id) DO UPDATE SET value = excluded.value`,
  );
  // Up to WINDOW files are extracted ahead of the commit, in parallel with it (the extractor is a thread).
  const timeLimitMs = options.extractTimeLimitMs;
  const ocrLanguages = options.ocrLanguages?.length ? options.ocrLanguages : undefined;
  const onOcrPage = (path: string, page: number, pages: number): void => {
    progress.ocr = { path, page, pages };
    tick(progress.currentFile || path);
  };
  // Cancel stops a long extraction (OCR of a scan) at once instead of after it.
  const cancelExtraction = (): void => extractor.cancel?.();
  options.signal?.addEventListener('abort', cancelExtraction);
  const ahead: { src: WireSource; result: Promise<ExtractResult> }[] = [];
  let queued = 0;
  let aheadBytes = 0;
  const fill = (): void => {
    while (
      ahead.length < WINDOW &&
      (aheadBytes < WINDOW_BYTES || ahead.length === 0) &&
      queued < wanted.length &&
      !options.signal?.aborted
    ) {
      const s = wanted[queued++];
      aheadBytes += s.size;
      const password = options.passwords ? passwordFor(options.passwords, s.path) : undefined;
      const job = {
        name: s.name,
        path: s.file,
        bytes: s.bytes,
        size: s.size,
        timeLimitMs,
        password,
        ocrLanguages,
      };
      ahead.push({ src: s, result: extractor.extract(job, (page, pages) => onOcrPage(s.path, page, pages)) });
    }
  };
  const perBatch = batchFiles();
  try {
    let yielded = 0;
    while (progress.done < wanted.length) {
      if (options.signal?.aborted) break;
      fill();
      // The next files in order, as their extraction finishes, up to a batch (extraction goes on meanwhile).
      const batch: Extracted[] = [];
      let bytes = 0;
      while (batch.length < perBatch && bytes < BATCH_BYTES && ahead.length > 0 && !options.signal?.aborted) {
        const next = ahead.shift()!;
        aheadBytes -= next.src.size;
        batch.push({ src: next.src, result: await next.result });
        bytes += next.src.size;
        fill();
      }
      if (options.signal?.aborted) break;
      const warnings: ImportWarning[] = [];
      let outcomes: Outcome[];
      try {
        outcomes = commitBatch(db, setValue, batch, (src) => plan?.byPath.get(src.path), attrs, warnings);
      } catch (error) {
        throw new DossierError(
          'internal',
          `import stopped: ${storageFailure(error) ?? errorMessage(error)}. ${report.imported.length} document${report.imported.length === 1 ? ' was' : 's were'} committed before it; importing the same files again adds the rest`,
        );
      }
      report.warnings.push(...warnings);
      batch.forEach((e, i) => {
        if (e.result.ok)
          for (const message of e.result.warnings ?? []) report.warnings.push({ path: e.src.path, message });
        record(report, e.src, outcomes[i]);
        progress.done++;
        progress.bytesDone += e.src.size;
      });
      delete progress.ocr;
      tick(wanted[progress.done]?.path ?? '');
      // Let other work on this thread (messages, cancel, the UI's requests) run between batches.
      if (progress.done - yielded >= 16) {
        yielded = progress.done;
        await new Promise((r) => setImmediate(r));
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', cancelExtraction);
    db.pragma(`wal_autocheckpoint = ${checkpointEvery}`);
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Every commit is already in the WAL; a later checkpoint (the next open, at the latest) completes this
      // one. Throwing here would hide why the import stopped.
    }
  }
  if (options.signal?.aborted) report.cancelled = true;
  tick('');
  return report;
}

function runInWorker(
  spec: { file: string | URL; execArgv: string[] },
  dbFile: string,
  sources: WireSource[],
  report: FullImportReport,
  options: ImportOptions,
): Promise<FullImportReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(spec.file, { execArgv: spec.execArgv });
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = (): void => worker.postMessage({ type: 'cancel' });
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'progress') options.onProgress?.(m.progress);
      else if (m.type === 'done') finish(() => resolve(m.report));
      else
        finish(() =>
          reject(new DossierError(m.code ?? 'internal', m.code ? m.message : `import failed: ${m.message}`)),
        );
    });
    worker.on('error', (e) =>
      finish(() => reject(new DossierError('internal', `import worker failed: ${e.message}`))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new DossierError('internal', `import worker stopped (exit code ${code})`))),
    );
    const { signal: _s, onProgress: _p, threaded: _t, ...wire } = options;
    const start: WorkerStart = {
      type: 'start',
      dbFile,
      worker: { file: spec.file instanceof URL ? spec.file.href : spec.file, execArgv: spec.execArgv },
      sources,
      report,
      options: wire,
    };
    worker.postMessage(start);
    if (options.signal?.aborted) onAbort();
  });
}

/**
 * Imports the sources, committed in batches (see commitBatch). Large batches run in a worker thread with its own
 * connection, so the calling thread stays free; small ones (where starting a worker would cost more) run here.
 */
export async function importSources(
  db: Db,
  sources: ImportSource[],
  report: FullImportReport = emptyReport(),
  options: ImportOptions = {},
): Promise<FullImportReport> {
  report.warnings ??= [];
  const wire: WireSource[] = sources.map((s) => ({
    path: s.path,
    name: s.name,
    size: s.size,
    file: s.file,
    bytes: s.file ? undefined : s.read?.(),
  }));
  const bytes = wire.reduce((n, s) => n + s.size, 0);
  const big = wire.length >= THREAD_MIN_FILES || bytes >= THREAD_MIN_BYTES;
  const spec = (options.threaded ?? big) ? importWorkerSpec() : null;
  const dbFile = db.name;
  if (!spec || db.memory || !dbFile) return runImport(db, wire, report, options);
  const result = await runInWorker(spec, dbFile, wire, report, options);
  // The worker's report is a copy: fill the caller's object so that references to it stay current.
  Object.assign(report, result);
  return report;
}

export async function importPaths(
  db: Db,
  paths: string[],
  options: ImportOptions = {},
): Promise<FullImportReport> {
  if (paths.length === 0)
    throw new DossierError('invalid_input', 'name at least one file or folder to import');
  const report = emptyReport();
  return importSources(db, collectFiles(paths, report), report, options);
}
