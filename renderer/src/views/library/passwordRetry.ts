import { api, errorMessage } from '../../api/client';
import type { ImportJob } from './importJob';

// Encrypted PDFs in an import from the window: the files the job reported as needing a password are kept (as
// read for the upload) until the analyst gives their password or skips them; each try is a one-file import
// whose outcome replaces the file's line in the report. The password goes with that request only.

const protectedFiles = new Map<string, string>();

/** Keeps the uploads of the files the finished job could not open for want of a password. */
export function keepProtected(job: ImportJob, payload: { name: string; base64: string }[]): void {
  protectedFiles.clear();
  const wanted = new Set(job.report.failed.filter((f) => f.password).map((f) => f.path));
  for (const p of payload) if (wanted.has(p.name)) protectedFiles.set(p.name, p.base64);
}

/** The files still waiting for a password, in report order. */
export function awaitingPassword(job: ImportJob | null): ImportJob['report']['failed'] {
  return (job?.report.failed ?? []).filter((f) => f.password && protectedFiles.has(f.path));
}

/** Leaves the file out (it stays failed in the report). */
export function skipProtected(path: string): void {
  protectedFiles.delete(path);
}

/** Imports the file again with the password and folds the outcome into `job`'s report. */
export async function importWithPassword(job: ImportJob, path: string, password: string): Promise<ImportJob> {
  const base64 = protectedFiles.get(path);
  if (base64 === undefined) return job;
  let r: ImportJob['report'];
  try {
    const started = await api.startImport({
      files: [{ name: path, base64 }],
      passwords: [{ path, password }],
    });
    r = (await api.waitImport({ jobId: started.jobId })).report;
  } catch (e) {
    r = { imported: [], skipped: [], failed: [{ path, error: errorMessage(e) }], warnings: [] };
  }
  const again = r.failed.find((f) => f.path === path);
  if (!again?.password) protectedFiles.delete(path);
  const failed = job.report.failed.flatMap((f) => (f.path === path ? (again ? [again] : []) : [f]));
  return {
    ...job,
    report: {
      ...job.report,
      failed,
      imported: [...job.report.imported, ...r.imported],
      skipped: [...job.report.skipped, ...r.skipped],
      warnings: [...job.report.warnings, ...r.warnings],
    },
  };
}
