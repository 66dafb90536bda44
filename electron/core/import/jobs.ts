import crypto from 'node:crypto';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { publishImport } from '../changes/stream';
import { noteDocuments, noteWrittenElsewhere } from '../changes/tracker';
import { collectFiles, type ImportSource } from './collect';
import {
  emptyReport,
  type FullImportReport,
  type ImportOptions,
  type ImportProgress,
  importSources,
} from './importFiles';

// Background imports for the UI: start returns at once with a job id; the job's progress (current file, MB/s)
// and, at the end, its status with the report go out on the project's change stream (changes/stream.ts), with
// what its documents changed; importStatus still answers for a client that was not listening. The UI may cancel. Finished jobs are kept for a while so that the
// UI can still show their summary.

export type ImportJobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ImportJobStatus {
  jobId: string;
  state: ImportJobState;
  progress: ImportProgress;
  report: FullImportReport;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

interface Job {
  db: Db;
  status: ImportJobStatus;
  abort: AbortController;
  finished: Promise<void>;
}

const jobs = new Map<string, Job>();
const KEEP_FINISHED = 20;

/** How many imports into this store are still running (a door does not close a project under one). */
export function runningImports(db: Db): number {
  return [...jobs.values()].filter((j) => j.db === db && j.status.state === 'running').length;
}
/** Progress goes out at most this often: a folder of small files would otherwise send an event per file. */
const PROGRESS_EVERY_MS = 100;

function prune(): void {
  const finished = [...jobs.values()].filter((j) => j.status.state !== 'running');
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
    jobs.delete(j.status.jobId);
}

export interface StartImport {
  paths?: string[];
  sources?: ImportSource[];
  options?: Omit<ImportOptions, 'onProgress' | 'signal'>;
}

export function startImportJob(db: Db, input: StartImport): ImportJobStatus {
  prune();
  const report = emptyReport();
  const sources = [
    ...(input.sources ?? []),
    ...(input.paths?.length ? collectFiles(input.paths, report) : []),
  ];
  const abort = new AbortController();
  const status: ImportJobStatus = {
    jobId: crypto.randomUUID(),
    state: 'running',
    progress: {
      total: sources.length,
      done: 0,
      imported: 0,
      skipped: 0,
      failed: 0,
      currentFile: sources[0]?.path ?? '',
      bytesDone: 0,
      bytesTotal: sources.reduce((n, s) => n + s.size, 0),
      elapsedMs: 0,
      mbPerSec: 0,
      filesPerSec: 0,
    },
    report,
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
  };
  let sentAt = 0;
  const finished = importSources(db, sources, report, {
    ...input.options,
    signal: abort.signal,
    onProgress: (p) => {
      status.progress = p;
      if (Date.now() - sentAt < PROGRESS_EVERY_MS) return;
      sentAt = Date.now();
      publishImport(db, { jobId: status.jobId, state: status.state, progress: { ...p } });
    },
  })
    .then(
      (r) => {
        status.state = r.cancelled ? 'cancelled' : 'done';
      },
      (error: unknown) => {
        status.state = 'failed';
        status.error = error instanceof Error ? error.message : String(error);
      },
    )
    .finally(() => {
      status.finishedAt = new Date().toISOString();
      // A large import writes through its worker thread's own connection, which this one's triggers do not see.
      const ids = status.report.imported.map((d) => d.id);
      const attrs = Boolean(input.options?.attrsFromPath || input.options?.metadataCsv);
      noteDocuments(db, attrs ? ['documents', 'document_attributes'] : ['documents'], ids);
      if (attrs && ids.length) noteWrittenElsewhere(db, ['attributes']);
      const last = snapshot(status);
      publishImport(db, { jobId: last.jobId, state: last.state, progress: last.progress, status: last });
    });
  jobs.set(status.jobId, { db, status, abort, finished });
  return snapshot(status);
}

function snapshot(s: ImportJobStatus): ImportJobStatus {
  return {
    ...s,
    progress: { ...s.progress },
    report: {
      imported: [...s.report.imported],
      skipped: [...s.report.skipped],
      failed: [...s.report.failed],
      warnings: [...s.report.warnings],
      ...(s.report.cancelled ? { cancelled: true } : {}),
    },
  };
}

function find(db: Db, jobId: string): Job {
  const job = jobs.get(jobId);
  if (!job || job.db !== db) throw new DossierError('not_found', `no import job ${jobId}`);
  return job;
}

export function importJobStatus(db: Db, jobId: string): ImportJobStatus {
  return snapshot(find(db, jobId).status);
}

/** Asks the job to stop after the document in flight; resolves when it has stopped. */
export async function cancelImportJob(db: Db, jobId: string): Promise<ImportJobStatus> {
  const job = find(db, jobId);
  job.abort.abort();
  await job.finished;
  return snapshot(job.status);
}

/** Resolves when the job has finished (tests, and callers that want to wait). */
export async function waitForImportJob(db: Db, jobId: string): Promise<ImportJobStatus> {
  const job = find(db, jobId);
  await job.finished;
  return snapshot(job.status);
}
