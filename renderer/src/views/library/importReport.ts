import type { MethodOutput } from '../../../../shared/api';

// What an import's progress and report say, in the analyst's words. Pure (no API, no DOM), so that the
// wording is tested on its own; the bar and the line under it come from the same figures.

type ImportJob = MethodOutput<'importStatus'>;

export interface Reading {
  files: number;
  done: number;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** "empty file", "encrypted PDF: password required" → the part before the colon, counted. */
export function failureReasons(failed: { error: string }[]): string {
  const counts = new Map<string, number>();
  for (const f of failed) {
    const reason = f.error
      .split(':')[0]
      .replace(/\s*\(.*\)$/, '')
      .trim();
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ');
}

/** How the report looks: green only when something came in and nothing failed. */
export function importOutcome(
  job: ImportJob | null,
  error: string | null,
): 'ok' | 'nothing-new' | 'with-failures' {
  if (error || !job || job.state === 'failed' || job.report.failed.length > 0) return 'with-failures';
  return job.report.imported.length > 0 ? 'ok' : 'nothing-new';
}

/**
 * "12 imported · 3 skipped · 2 failed: 1 encrypted PDF, 1 empty file"; when everything was already there,
 * "Nothing new: 6 files already in the project" rather than "0 imported".
 */
export function importSummary(job: ImportJob, leftOut: number): string {
  const r = job.report;
  const skipped = r.skipped.length + leftOut;
  const present = r.skipped.filter((s) => s.existingId !== undefined).length;
  if (r.imported.length === 0 && r.failed.length === 0 && skipped > 0) {
    const rest = skipped - present;
    const parts = [];
    if (present) parts.push(`${plural(present, 'file')} already in the project`);
    if (rest) parts.push(`${plural(rest, 'file')} skipped`);
    return `Nothing new: ${parts.join(' · ')}`;
  }
  const parts = [`${r.imported.length.toLocaleString()} imported`];
  if (skipped) parts.push(`${skipped.toLocaleString()} skipped`);
  if (r.failed.length) parts.push(`${r.failed.length.toLocaleString()} failed: ${failureReasons(r.failed)}`);
  return parts.join(' · ');
}

/** Why a file was skipped, naming the document it duplicates. */
export function skipReason(s: { reason: string; existingId?: number; existingTitle?: string }): string {
  if (s.existingId === undefined) return s.reason;
  return s.existingTitle ? `already in the project as “${s.existingTitle}”` : s.reason;
}

/**
 * The progress of the step in hand, as a fraction and as words from the same counts: reading the chosen files
 * in the window, then the core's import (files done of total), so that "3 / 6 files" always sits under a bar
 * half full.
 */
export function importProgress(
  reading: Reading | null,
  job: ImportJob | null,
): { fraction: number; line: string; done: number; total: number } {
  if (reading) {
    const fraction = reading.files ? reading.done / reading.files : 0;
    return {
      fraction,
      done: reading.done,
      total: reading.files,
      line: `Reading ${reading.done.toLocaleString()} / ${plural(reading.files, 'file')}`,
    };
  }
  const p = job?.progress;
  if (!p) return { fraction: 0, done: 0, total: 0, line: '' };
  const rate = p.mbPerSec > 0 ? ` · ${p.mbPerSec.toFixed(1)} MB/s` : '';
  return {
    fraction: p.total ? Math.min(1, p.done / p.total) : 0,
    done: p.done,
    total: p.total,
    line: `Importing ${p.done.toLocaleString()} / ${plural(p.total, 'file')}${rate}`,
  };
}
