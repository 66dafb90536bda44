import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../../shared/api';
import { isSupported } from './formats';

/** One file to import: from disk (`file`) or from memory (`read`, e.g. an upload). */
export interface ImportSource {
  /** Path or name shown in the report. */
  path: string;
  /** File name used to pick the format. */
  name: string;
  size: number;
  /** Where the worker reads the file; absent for in-memory sources. */
  file?: string;
  read?: () => Uint8Array;
}

/** Lists the files under the given paths (folders recursively), reporting hidden and unsupported ones. */
export function collectFiles(paths: string[], report: ImportReport): ImportSource[] {
  const out: ImportSource[] = [];
  const visit = (p: string, top: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      report.failed.push({ path: p, error: 'no such file or folder' });
      return;
    }
    const base = path.basename(p);
    if (!top && base.startsWith('.')) {
      report.skipped.push({ path: p, reason: stat.isDirectory() ? 'hidden folder' : 'hidden file' });
      return;
    }
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = fs.readdirSync(p);
      } catch {
        report.failed.push({ path: p, error: 'folder cannot be read (permission denied?)' });
        return;
      }
      for (const entry of entries.sort()) visit(path.join(p, entry), false);
      return;
    }
    if (!stat.isFile()) {
      report.skipped.push({ path: p, reason: 'not a regular file' });
      return;
    }
    if (!isSupported(p)) {
      report.skipped.push({ path: p, reason: `unsupported file type "${path.extname(p) || '(none)'}"` });
      return;
    }
    out.push({ path: p, name: base, size: stat.size, file: p });
  };
  for (const p of paths) visit(p, true);
  return out;
}
