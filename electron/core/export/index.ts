import { strToU8 } from 'fflate';
import {
  EXPORT_FORMAT_INFO,
  type ExportFormat,
  type ExportFormatInfo,
  type QdpxPositions,
} from '../../../shared/api/exports';
import { writeFileAtomicWith } from '../atomicWrite';
import type { Db } from '../db';
import { exportQdc, exportQdpx } from './qdpx';
import { writeCsv } from './csv';
import { writeDocx } from './docx';
import { type ExcerptFilter, loadExcerpts } from './excerpts';
import { describeFilter } from './filterSummary';
import { writeHtml } from './html';
import { type ByteSink, countingSink, memorySink, textSink } from './sink';
import { reportMemos } from './reportMemos';
import { markdownOf } from './markdown';
import { reportModel } from './report';
import { w3cOf } from './w3c';
import { writeXlsx } from './xlsx';

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

/** What an export is before its bytes are written: its name and type, and a writer that streams them. */
interface PreparedExport {
  fileName: string;
  mimeType: string;
  unit: ExportFormatInfo['unit'];
  /** Writes the file into `sink` and returns the count (rows, claims, entries or codes). */
  write: (sink: ByteSink) => number;
}

export interface ExportWritten {
  fileName: string;
  mimeType: string;
  count: number;
  unit: ExportFormatInfo['unit'];
  /** Size of the file written. */
  size: number;
}

/**
 * Reads what an export holds and returns its writer. The large formats (CSV, XLSX, HTML, DOCX) stream their
 * bytes; the others are made whole here and written in one piece.
 */
async function prepareExport(
  db: Db,
  projectName: string,
  format: ExportFormat,
  filter: ExcerptFilter,
  options: ExportOptions,
): Promise<PreparedExport> {
  const info = FORMAT_INFO[format];
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const base = safeFileName(projectName);
  const prepared = (write: PreparedExport['write'], suffix = ' excerpts'): PreparedExport => ({
    fileName: `${base}${suffix}.${info.extension}`,
    mimeType: info.mimeType,
    unit: info.unit,
    write,
  });
  const whole = (bytes: Uint8Array, count: number, suffix?: string): PreparedExport =>
    prepared((sink) => {
      sink.write(bytes);
      return count;
    }, suffix);
  switch (format) {
    case 'qdpx': {
      const r = exportQdpx(db, projectName, filter, { positions: options.positions });
      return whole(r.bytes, r.selections, '');
    }
    case 'qdc': {
      const r = exportQdc(db);
      return whole(strToU8(r.xml), r.codes, ' codebook');
    }
    default:
      break;
  }
  const set = loadExcerpts(db, filter, projectName);
  switch (format) {
    case 'csv':
      return prepared((sink) => writeCsv(set, sink, { bom: options.bom }).rows);
    case 'xlsx':
      return prepared((sink) => writeXlsx(set, sink, exportedAt).rows);
    case 'w3c': {
      const r = w3cOf(set, exportedAt);
      return whole(r.bytes, r.rows, ' annotations');
    }
    case 'md':
    case 'html':
    case 'docx': {
      const model = reportModel(set, exportedAt, describeFilter(db, filter));
      if (options.memos) model.memos = reportMemos(db, set);
      const count = model.sections.reduce((n, s) => n + s.count, 0);
      if (format === 'md') return whole(strToU8(markdownOf(model)), count, ' report');
      if (format === 'html')
        return prepared((sink) => {
          const out = textSink(sink);
          writeHtml(model, out.text);
          out.end();
          return count;
        }, ' report');
      return prepared((sink) => {
        writeDocx(model, sink);
        return count;
      }, ' report');
    }
  }
}

/** Exports the filtered excerpts (or, for .qdpx/.qdc, the project or codebook) in one format, as bytes. */
export async function exportExcerpts(
  db: Db,
  projectName: string,
  format: ExportFormat,
  filter: ExcerptFilter = {},
  options: ExportOptions = {},
): Promise<ExportResult> {
  const p = await prepareExport(db, projectName, format, filter, options);
  const sink = memorySink();
  const count = p.write(sink);
  return { fileName: p.fileName, mimeType: p.mimeType, bytes: sink.bytes(), count, unit: p.unit };
}

/**
 * Exports as `exportExcerpts` does, streaming the file to `out` atomically: a full disk or a crash midway leaves
 * the analyst's previous file as it was (see writeFileAtomicWith), and the file never exists whole in memory.
 */
export async function exportExcerptsToFile(
  db: Db,
  projectName: string,
  format: ExportFormat,
  out: string,
  filter: ExcerptFilter = {},
  options: ExportOptions = {},
): Promise<ExportWritten> {
  const p = await prepareExport(db, projectName, format, filter, options);
  let count = 0;
  let size = 0;
  writeFileAtomicWith(out, (write) => {
    const sink = countingSink({ write });
    count = p.write(sink);
    size = sink.size();
  });
  return { fileName: p.fileName, mimeType: p.mimeType, count, unit: p.unit, size };
}
