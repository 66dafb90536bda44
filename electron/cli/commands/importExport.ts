import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { type ImportProgress as ImportProgressSchema, OcrLanguage } from '../../../shared/api/corpus';
import { ApiError, call, type Command, needProject, UsageError } from '../command';
import { USAGE } from '../usage';
import { retryProtected } from './importPasswords';

type ImportProgress = z.infer<typeof ImportProgressSchema>;

/** "200", "200MB", "1.5 GB", "500k" → bytes. */
function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb|b)?\s*$/i.exec(value);
  if (!m) throw new UsageError(`--max-size must be a size such as 200MB (got "${value}")`);
  const unit = (m[2] ?? 'mb').toLowerCase()[0];
  const factor = unit === 'b' ? 1 : unit === 'k' ? 2 ** 10 : unit === 'g' ? 2 ** 30 : 2 ** 20;
  return Math.round(Number(m[1]) * factor);
}

/** "eng,ukr" → the OCR languages, each one this build ships (a usage error otherwise). */
function parseOcrLanguages(value: string): OcrLanguage[] {
  const codes = value.split(/[,+\s]+/).filter(Boolean);
  const bad = codes.filter((c) => !OcrLanguage.safeParse(c).success);
  if (codes.length === 0 || bad.length)
    throw new UsageError(
      `--ocr-lang takes languages from ${OcrLanguage.options.join(', ')} (got "${value}")`,
    );
  return codes as OcrLanguage[];
}

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
function progressBar(): { update: (p: ImportProgress) => void; end: () => void } {
  let last = 0;
  const draw = (p: ImportProgress): void => {
    const width = 24;
    const filled = p.total ? Math.round((p.done / p.total) * width) : width;
    const name = path.basename(p.currentFile);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} files · ${p.mbPerSec.toFixed(1)} MB/s · ${p.failed} failed  ${name}`;
    const cols = process.stderr.columns || 100;
    process.stderr.write(`\r${line.slice(0, cols - 1).padEnd(cols - 1)}`);
  };
  return {
    update: (p) => {
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      draw(p);
    },
    end: () => process.stderr.write('\n'),
  };
}

/** Exit code of an import that imported nothing and had failures. */
export const IMPORT_FAILED = 3;

export const importCommand: Command = {
  name: 'import',
  usage: USAGE['import'],
  run: async ([file, ...paths], v) => {
    const p = needProject(file);
    if (paths.length === 0) throw new UsageError('name at least one file or folder to import');
    let metadataCsv: string | undefined;
    if (v.metadata) {
      try {
        metadataCsv = fs.readFileSync(v.metadata, 'utf8');
      } catch {
        throw new UsageError(`cannot read --metadata file ${v.metadata}`);
      }
    }
    const maxSize = v['max-size'] ? parseSize(v['max-size']) : undefined;
    const ocrLanguages = v['ocr-lang'] === undefined ? undefined : parseOcrLanguages(v['ocr-lang']);
    // The import job every door uses (the Electron menu, web mode): started, watched, waited for.
    const job = await call(p, 'startImport', {
      paths,
      attrsFromPath: v['attrs-from-path'],
      metadataCsv,
      maxSizeMb: maxSize === undefined ? undefined : maxSize / 2 ** 20,
      ocrLanguages,
    });
    const bar = process.stderr.isTTY ? progressBar() : null;
    const watch = bar
      ? setInterval(() => {
          void call(p, 'importStatus', { jobId: job.jobId }).then((s) => bar.update(s.progress));
        }, 100)
      : undefined;
    const status = await call(p, 'waitImport', { jobId: job.jobId }).finally(() => clearInterval(watch));
    if (bar) {
      bar.update(status.progress);
      bar.end();
    }
    if (status.state === 'failed') throw new ApiError('internal', status.error ?? 'the import failed');
    // Encrypted PDFs: imported again with --password or what the analyst types (importPasswords.ts).
    const r = await retryProtected(p, status.report, v.password);
    const lines = [
      `${r.imported.length} imported, ${r.skipped.length} skipped, ${r.failed.length} failed`,
      ...r.failed.map((f) => `  failed: ${f.path}: ${f.error}`),
      ...r.skipped.map((s) => `  skipped: ${s.path}: ${s.reason}`),
      ...r.warnings.map((w) => `  warning: ${w.path}: ${w.message}`),
    ];
    // A script must be able to tell "every file failed" from "done": exit code 3 (see main.ts).
    const nothingImported = r.imported.length === 0 && r.failed.length > 0;
    return { json: r, text: lines.join('\n'), ...(nothingImported ? { exitCode: IMPORT_FAILED } : {}) };
  },
};
