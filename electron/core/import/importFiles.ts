import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../../shared/api';
import type { Db } from '../db';
import { addDocument } from '../documents';
import { extractDocument, isSupported } from './extract';

export interface ImportSource {
  /** Path or name shown in the report. */
  path: string;
  /** File name used to pick the format. */
  name: string;
  read: () => Uint8Array;
  size: number;
}

/** Lists the files under the given paths (folders recursively), reporting hidden and unsupported ones. */
export function collectFiles(paths: string[], report: ImportReport): ImportSource[] {
  const out: ImportSource[] = [];
  const visit = (p: string): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      report.failed.push({ path: p, error: 'no such file or folder' });
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        const child = path.join(p, entry);
        if (entry.startsWith('.')) report.skipped.push({ path: child, reason: 'hidden' });
        else visit(child);
      }
      return;
    }
    if (!isSupported(p)) {
      report.skipped.push({ path: p, reason: `unsupported file type "${path.extname(p) || '(none)'}"` });
      return;
    }
    out.push({ path: p, name: path.basename(p), read: () => fs.readFileSync(p), size: stat.size });
  };
  for (const p of paths) visit(p);
  return out;
}

/** Imports each source in its own transaction; a failure is reported and never stops the batch. */
export function importSources(
  db: Db,
  sources: ImportSource[],
  report: ImportReport = emptyReport(),
): ImportReport {
  for (const src of sources) {
    try {
      const doc = extractDocument(src.name, src.read());
      const result = addDocument(db, { ...doc, originalName: src.name, fileSize: src.size });
      if (result.status === 'imported')
        report.imported.push({ id: result.id, title: doc.title, path: src.path });
      else
        report.skipped.push({
          path: src.path,
          reason: 'already present (same content)',
          existingId: result.id,
        });
    } catch (error) {
      report.failed.push({ path: src.path, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

export function emptyReport(): ImportReport {
  return { imported: [], skipped: [], failed: [] };
}

export function importPaths(db: Db, paths: string[]): ImportReport {
  const report = emptyReport();
  return importSources(db, collectFiles(paths, report), report);
}
