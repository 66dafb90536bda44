import type { ImportReport } from '../../../shared/api';
import { type AttributeType, defineAttribute, listAttributes, normaliseValue } from '../attributes';
import type { Db } from '../db';
import { addDocument } from '../documents';
import { DossierError } from '../errors';
import { planBulkAttributes, type BulkAttributes, type FileValues } from './bulkAttributes';
import { collectFiles, type ImportSource } from './collect';
import { createExtractor, type ExtractResult } from './extractor';

export { collectFiles, type ImportSource } from './collect';

/** Files over this size are refused unless the caller raises the limit. */
export const DEFAULT_MAX_SIZE = 200 * 2 ** 20;
/** Files extracted ahead of the commit: keeps the worker busy without holding a whole corpus in memory. */
const WINDOW = 8;
const THREAD_MIN_FILES = 24;
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
  /** Extract in a worker thread (default true when one is available). */
  threaded?: boolean;
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

function commit(
  db: Db,
  src: ImportSource,
  result: ExtractResult,
  values: FileValues | undefined,
  attrs: Map<string, { name: string; type: AttributeType }>,
  report: FullImportReport,
): void {
  if (!result.ok) {
    report.failed.push({ path: src.path, error: result.error });
    return;
  }
  const doc = { ...result.doc, ...values?.fields, originalName: src.name, fileSize: src.size };
  const setValue = db.prepare(
    `INSERT INTO document_attributes (document_id, attribute_id, value)
     SELECT ?, id, ? FROM attributes WHERE name = ? COLLATE NOCASE
     ON CONFLICT (document_id, attribute_id) DO UPDATE SET value = excluded.value`,
  );
  try {
    // The document, its FTS row (by trigger), its pages and its attributes commit together or not at all.
    const added = db.transaction(() => {
      const r = addDocument(db, doc);
      for (const [name, raw] of Object.entries(values?.attributes ?? {})) {
        const attr = attrs.get(name);
        if (!attr) continue;
        try {
          setValue.run(r.id, normaliseValue(attr.type, raw, attr.name), attr.name);
        } catch (error) {
          report.warnings.push({ path: src.path, message: (error as Error).message });
        }
      }
      return r;
    })();
    if (added.status === 'imported')
      report.imported.push({ id: added.id, title: titleOf(db, added.id), path: src.path });
    else
      report.skipped.push({ path: src.path, reason: 'already present (same content)', existingId: added.id });
  } catch (error) {
    report.failed.push({ path: src.path, error: error instanceof Error ? error.message : String(error) });
  }
}

function titleOf(db: Db, id: number): string {
  return (db.prepare('SELECT title FROM documents WHERE id = ?').get(id) as { title: string }).title;
}

/**
 * Imports each source in its own transaction while a worker extracts the next ones. A failure is reported and
 * never stops the batch; cancelling (options.signal) keeps every document already committed.
 */
export async function importSources(
  db: Db,
  sources: ImportSource[],
  report: FullImportReport = emptyReport(),
  options: ImportOptions = {},
): Promise<FullImportReport> {
  report.warnings ??= [];
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const wanted: ImportSource[] = [];
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

  // A worker costs a second or so to start (it loads the parsers): small batches extract in-process.
  const big = wanted.length >= THREAD_MIN_FILES || progress.bytesTotal >= THREAD_MIN_BYTES;
  const extractor = createExtractor({ threaded: options.threaded ?? big });
  const inFlight: { src: ImportSource; result: Promise<ExtractResult> }[] = [];
  let next = 0;
  try {
    while (next < wanted.length || inFlight.length > 0) {
      while (inFlight.length < WINDOW && next < wanted.length && !options.signal?.aborted) {
        const src = wanted[next++];
        let result: Promise<ExtractResult>;
        try {
          result = extractor.extract({
            name: src.name,
            path: src.file,
            bytes: src.file ? undefined : src.read?.(),
          });
        } catch (error) {
          result = Promise.resolve({ ok: false, error: (error as Error).message });
        }
        inFlight.push({ src, result });
      }
      if (options.signal?.aborted) break;
      const head = inFlight.shift();
      if (!head) break;
      const result = await head.result;
      if (options.signal?.aborted) break;
      commit(db, head.src, result, plan?.byPath.get(head.src.path), attrs, report);
      progress.done++;
      progress.bytesDone += head.src.size;
      tick(inFlight[0]?.src.path ?? '');
    }
  } finally {
    await extractor.close();
  }
  if (options.signal?.aborted) report.cancelled = true;
  tick('');
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
