import { useSyncExternalStore } from 'react';
import type { MethodOutput } from '../../../../shared/api';
import type { ImportEvent } from '../../../../shared/api/changes';
import { onStreamEvent } from '../../api/changeBus';
import { api, errorMessage } from '../../api/client';
import { keepProtected } from './passwordRetry';

export type ImportJob = MethodOutput<'importStatus'>;

/** Extensions the core imports; anything else in a chosen folder is left on disk and counted as skipped. */
export const IMPORTABLE = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'];
export const ACCEPTED = IMPORTABLE.join(',');

export interface ImportState {
  /** Reading the chosen files in the browser, before the core has the job. */
  reading: { files: number; done: number; bytes: number; bytesTotal: number } | null;
  job: ImportJob | null;
  /** Files the browser left out (hidden or not a supported type), reported beside the core's skips. */
  leftOut: { path: string; reason: string }[];
  error: string | null;
}

/** With no word from the job for this long (the stream lost, one huge file), its status is asked for once. */
const SILENCE_MS = 3_000;
const READERS = 6;
let state: ImportState = { reading: null, job: null, leftOut: [], error: null };
const listeners = new Set<() => void>();

function set(next: Partial<ImportState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The one import in progress (or the last one finished), shared by the Library and the status bar. */
export function useImportState(): ImportState {
  return useSyncExternalStore(subscribe, () => state);
}

export function importState(): ImportState {
  return state;
}

export function isBusy(s: ImportState): boolean {
  return s.reading !== null || s.job?.state === 'running';
}

/** Where each dropped file sat inside the dropped folders. */
export const relativePaths = new WeakMap<File, string>();

/** Path shown for a chosen file: its place inside a chosen or dropped folder when there is one. */
export function displayPath(file: File): string {
  return file.webkitRelativePath || relativePaths.get(file) || file.name;
}

function leftOutReason(path: string): string | null {
  const name = path.split('/').pop() ?? path;
  if (path.split('/').some((part) => part.startsWith('.'))) return 'hidden file';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  return IMPORTABLE.includes(ext) ? null : `unsupported file type "${ext || '(none)'}"`;
}

/** Base64 of a file, encoded natively by the browser so that the window does not freeze on large folders. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`${displayPath(file)} could not be read`));
    reader.readAsDataURL(file);
  });
}

let cancelRequested = false;
const CANCELLED_READING = 'cancelled before any file was sent';
let abortReading: (() => void) | null = null;

/**
 * The import events the change stream brings, from before the job has an id (its first events may arrive
 * before startImport's answer) until it stops.
 */
function listenForImports(): { next: (jobId: string) => Promise<ImportEvent | null>; stop: () => void } {
  const heard: ImportEvent[] = [];
  let wake: (() => void) | null = null;
  const stop = onStreamEvent((e) => {
    if (e.type !== 'import') return;
    heard.push(e);
    wake?.();
  });
  const next = async (jobId: string): Promise<ImportEvent | null> => {
    for (;;) {
      const i = heard.findIndex((e) => e.jobId === jobId);
      if (i >= 0) return heard.splice(0, i + 1)[i];
      const woken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), SILENCE_MS);
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      wake = null;
      if (!woken) return null;
    }
  };
  return { next, stop };
}

/**
 * Sends the files to the core as one background job and follows it on the change stream until it stops.
 * `onProgress` runs on every progress event (status bar), `onDone` once at the end. The Library, the left
 * column and the counts follow the job's change events by themselves.
 */
export async function startImport(
  files: File[],
  hooks: {
    onProgress: (job: ImportJob) => void;
    onDone: (job: ImportJob | null, error: string | null) => void;
  },
): Promise<void> {
  if (files.length === 0 || isBusy(state)) return;
  const leftOut: ImportState['leftOut'] = [];
  const chosen = files.filter((f) => {
    const reason = leftOutReason(displayPath(f));
    if (reason) leftOut.push({ path: displayPath(f), reason });
    return reason === null;
  });
  const bytesTotal = chosen.reduce((n, f) => n + f.size, 0);
  const reading = { files: chosen.length, done: 0, bytes: 0, bytesTotal };
  cancelRequested = false;
  set({ reading, job: null, leftOut, error: null });
  if (chosen.length === 0) {
    const error = `none of the ${files.length} files is a type Dossier imports (${IMPORTABLE.join(' ')})`;
    set({ reading: null, error });
    hooks.onDone(null, error);
    return;
  }
  let job: ImportJob;
  const events = listenForImports();
  // Kept past the upload for the encrypted PDFs the job will ask a password for (passwordRetry.ts).
  const payload: { name: string; base64: string }[] = new Array(chosen.length);
  try {
    // A few readers at once: each read waits on the browser's file thread, not on this one.
    let next = 0;
    const readNext = async (): Promise<void> => {
      while (next < chosen.length) {
        if (cancelRequested) throw new Error(CANCELLED_READING);
        const i = next++;
        const f = chosen[i];
        payload[i] = { name: displayPath(f), base64: await readBase64(f) };
        // A read that ends after Cancel must not put the progress back on screen.
        if (cancelRequested) throw new Error(CANCELLED_READING);
        reading.done += 1;
        reading.bytes += f.size;
        if (reading.done % 25 === 0 || reading.done === chosen.length) set({ reading: { ...reading } });
      }
    };
    const reads = Promise.all(Array.from({ length: READERS }, readNext));
    // Cancel answers at once, even while a slow disk holds the reads in flight (their results are dropped).
    reads.catch(() => undefined);
    await Promise.race([
      reads,
      new Promise<never>((_, reject) => {
        abortReading = () => reject(new Error(CANCELLED_READING));
      }),
    ]);
    abortReading = null;
    // Scanned pages are recognised in the languages chosen in Settings (the core's default: English).
    const ocrLanguages = (await api.getUserSettings({}).catch(() => null))?.ocrLanguages;
    job = await api.startImport({ files: payload, ...(ocrLanguages ? { ocrLanguages } : {}) });
    // Cancelled while the files were on their way: stop the job the core has just started.
    if (cancelRequested && job.state === 'running') job = await api.cancelImport({ jobId: job.jobId });
  } catch (e) {
    abortReading = null;
    events.stop();
    set({ reading: null, error: errorMessage(e) });
    hooks.onDone(null, errorMessage(e));
    return;
  }
  set({ reading: null, job });
  hooks.onProgress(job);
  const stoppedByCancel = (id: string): ImportJob | null =>
    state.job?.jobId === id && state.job.state !== 'running' ? state.job : null;
  try {
    while (job.state === 'running') {
      const event = await events.next(job.jobId);
      let next: ImportJob;
      try {
        next = event
          ? (event.status ?? { ...job, state: event.state, progress: event.progress })
          : await api.importStatus({ jobId: job.jobId });
      } catch (e) {
        set({ error: `lost track of the import: ${errorMessage(e)}` });
        hooks.onDone(job, errorMessage(e));
        return;
      }
      // A cancel may have put the job's final state in place while this event was on its way.
      const cancelled = stoppedByCancel(job.jobId);
      job = cancelled ?? next;
      if (!cancelled) set({ job });
      hooks.onProgress(job);
    }
  } finally {
    events.stop();
  }
  keepProtected(job, payload);
  // Listeners hear it again: the report now asks for the kept files' passwords.
  set({ job: state.job });
  hooks.onDone(job, job.error);
}

export async function cancelImport(): Promise<void> {
  if (state.reading) {
    cancelRequested = true;
    abortReading?.();
  }
  const job = state.job;
  if (!job || job.state !== 'running') return;
  try {
    const stopped = await api.cancelImport({ jobId: job.jobId });
    set({ job: stopped });
  } catch (e) {
    set({ error: `the import could not be cancelled: ${errorMessage(e)}` });
  }
}

/** The finished job's report after a file was imported again with its password (PasswordPrompt). */
export function replaceImportJob(job: ImportJob): void {
  if (state.job?.jobId === job.jobId) set({ job });
}

export function dismissImport(): void {
  if (!isBusy(state)) set({ job: null, leftOut: [], error: null });
}

export { failureReasons, importSummary } from './importReport';
