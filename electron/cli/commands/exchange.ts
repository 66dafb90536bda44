import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  type ExportFormat,
  type ImportIssue,
  QDPX_POSITIONS,
  type QdpxPositions,
} from '../../../shared/api/exports';
import { writeFileAtomic } from '../../core/atomicWrite';
// Creating a project from a .qdpx is project opening (there is no project yet to call the API on).
import { importQdpxFile } from '../../core/refiqda/importQdpx';
import { call, type Command, needProject, positiveInt, UsageError } from '../command';
import { USAGE } from '../usage';

function readInput(file: string | undefined, what: string): Buffer {
  if (!file) throw new UsageError(`name the ${what}`);
  try {
    return fs.readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

const issueLines = (label: string, issues: z.infer<typeof ImportIssue>[]): string[] =>
  issues.map((i) => `  ${label}: ${i.kind} ${i.name}: ${i.reason}`);

export const exportCommand: Command = {
  name: 'export',
  usage: USAGE['export'],
  run: async ([file], v) => {
    const format = (v.format ?? 'csv') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format))
      throw new UsageError(`unsupported export format "${format}" (choose: ${EXPORT_FORMATS.join(', ')})`);
    if (!v.out) throw new UsageError('--out <file> is required');
    const positions = v.positions as QdpxPositions | undefined;
    if (positions !== undefined && !QDPX_POSITIONS.includes(positions))
      throw new UsageError(
        `--positions must be ${QDPX_POSITIONS.join(' or ')} (got "${v.positions}"): codepoints for QualCoder, utf16 for NVivo, MAXQDA or ATLAS.ti`,
      );
    if (positions !== undefined && format !== 'qdpx')
      throw new UsageError('--positions applies to --format qdpx only (other exports count code points)');
    const docIds = v.doc?.map((d) => positiveInt(d, '--doc'));
    const p = needProject(file);
    const filter = await call(p, 'resolveExportFilter', {
      domains: v.domain,
      docIds,
      attributes: v.attr,
      analysts: v.analyst,
      grading: v.grading,
    });
    const r = await call(p, 'exportExcerpts', {
      format,
      ...filter,
      bom: v.bom,
      positions,
      memos: v.memos,
    });
    const bytes = Buffer.from(r.base64, 'base64');
    writeFileAtomic(v.out, bytes);
    const unit = EXPORT_FORMAT_INFO.find((f) => f.format === format)?.unit ?? 'rows';
    const out = path.resolve(v.out);
    return {
      // `rows` is the count the file holds: CSV/XLSX rows, claims (W3C, .qdpx), report entries, or codes (.qdc).
      json: {
        out,
        format,
        rows: r.count,
        unit,
        bytes: bytes.length,
        ...(format === 'qdpx' ? { positions: positions ?? 'codepoints' } : {}),
      },
      text: `Wrote ${r.count} ${unit} to ${v.out}`,
    };
  },
};

export const importQdpxCommand: Command = {
  name: 'import-qdpx',
  usage: USAGE['import-qdpx'],
  run: ([file, target]) => {
    const bytes = readInput(file, '.qdpx file');
    if (!target) throw new UsageError('name the new project file to create');
    const r = importQdpxFile(bytes, target, path.basename(file));
    const json = { ...r, path: path.resolve(r.path) };
    const lines = [
      `Created ${target}: ${r.sources} sources, ${r.codes} codes, ${r.claims} claims, ${r.notes} notes, ${r.users} users, ${r.variables} variables`,
      `  positions: ${r.positions.basis}`,
      ...issueLines('not imported', r.skipped),
      ...issueLines('problem', r.problems),
    ];
    return { json, text: lines.join('\n') };
  },
};

export const importQdcCommand: Command = {
  name: 'import-qdc',
  usage: USAGE['import-qdc'],
  run: async ([file, qdc]) => {
    const p = needProject(file);
    const bytes = readInput(qdc, '.qdc file');
    const r = await call(p, 'importQdc', { fileName: path.basename(qdc), base64: bytes.toString('base64') });
    const lines = [
      `${r.codes} codes read: ${r.created} added to the codebook, ${r.existing} already there`,
      ...issueLines('problem', r.problems),
    ];
    return { json: r, text: lines.join('\n') };
  },
};
