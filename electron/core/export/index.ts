import { strToU8 } from 'fflate';
import {
  EXPORT_FORMAT_INFO,
  type ExportFormat,
  type ExportFormatInfo,
  type QdpxPositions,
} from '../../../shared/api/exports';
import { writeFileAtomic } from '../atomicWrite';
import type { Db } from '../db';
import { exportQdc, exportQdpx } from './qdpx';
import { csvOf } from './csv';
import { type ExcerptFilter, loadExcerpts } from './excerpts';
import { describeFilter } from './filterSummary';
import { htmlOf } from './html';
import { reportMemos } from './reportMemos';
import { markdownOf } from './markdown';
import { reportModel } from './report';
import { w3cOf } from './w3c';
import { xlsxOf } from './xlsx';

export { type ExcerptFilter, excerptRows, loadExcerpts } from './excerpts';
export { excerptsCsv } from './csv';
export type { ExportFormat } from '../../../shared/api/exports';

const FORMAT_INFO = Object.fromEntries(EXPORT_FORMAT_INFO.map((f) => [f.format, f])) as Record<
  ExportFormat,
  ExportFormatInfo
>;

export interface ExportOptions {
  bom?: boolean;
  /** .qdpx: how positions count (code points unless told). */
  positions?: QdpxPositions;
  /** Time stamp written into the file (tests pass a fixed one). */
  exportedAt?: string;
  /** Reports (md, html, docx): add the memos of the project and of what the report quotes. */
  memos?: boolean;
}

export interface ExportResult {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Rows (CSV, XLSX), claims (W3C, .qdpx), report entries (reports) or codes (.qdc). */
  count: number;
  unit: ExportFormatInfo['unit'];
}

function safeFileName(name: string): string {
  const visible = [...name].map((ch) => (ch.charCodeAt(0) < 32 ? '_' : ch)).join('');
  return visible.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'Dossier';
}

/** Exports the filtered excerpts (or, for .qdpx/.qdc, the project or codebook) in one format. */
export async function exportExcerpts(
  db: Db,
  projectName: string,
  format: ExportFormat,
  filter: ExcerptFilter = {},
  options: ExportOptions = {},
): Promise<ExportResult> {
  const info = FORMAT_INFO[format];
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const base = safeFileName(projectName);
  const result = (bytes: Uint8Array, count: number, suffix = ' excerpts'): ExportResult => ({
    fileName: `${base}${suffix}.${info.extension}`,
    mimeType: info.mimeType,
    bytes,
    count,
    unit: info.unit,
  });
  switch (format) {
    case 'qdpx': {
      const r = exportQdpx(db, projectName, filter, { positions: options.positions });
      return result(r.bytes, r.selections, '');
    }
    case 'qdc': {
      const r = exportQdc(db);
      return result(strToU8(r.xml), r.codes, ' codebook');
    }
    default:
      break;
  }
  const set = loadExcerpts(db, filter, projectName);
  switch (format) {
    case 'csv': {
      const r = csvOf(set, { bom: options.bom });
      return result(strToU8(r.text), r.rows);
    }
    case 'xlsx': {
      const r = await xlsxOf(set);
      return result(r.bytes, r.rows);
    }
    case 'w3c': {
      const r = w3cOf(set, exportedAt);
      return result(r.bytes, r.rows, ' annotations');
    }
    case 'md':
    case 'html':
    case 'docx': {
      const model = reportModel(set, exportedAt, describeFilter(db, filter));
      if (options.memos) model.memos = reportMemos(db, set);
      const count = model.sections.reduce((n, s) => n + s.count, 0);
      if (format === 'md') return result(strToU8(markdownOf(model)), count, ' report');
      if (format === 'html') return result(strToU8(htmlOf(model)), count, ' report');
      // The Word writer (the docx library) loads when a report is written in Word, not with every export.
      return result(await (await import('./docx')).docxOf(model), count, ' report');
    }
  }
}

/**
 * Exports as `exportExcerpts` does and writes the file to `out`, atomically: a full disk or a crash midway leaves
 * the analyst's previous file as it was (see writeFileAtomic).
 */
export async function exportExcerptsToFile(
  db: Db,
  projectName: string,
  format: ExportFormat,
  out: string,
  filter: ExcerptFilter = {},
  options: ExportOptions = {},
): Promise<ExportResult> {
  const r = await exportExcerpts(db, projectName, format, filter, options);
  writeFileAtomic(out, r.bytes);
  return r;
}
