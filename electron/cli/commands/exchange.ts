import fs from 'node:fs';
import path from 'node:path';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  QDPX_POSITIONS,
  type QdpxPositions,
} from '../../../shared/api/exports';
import { exportExcerptsToFile } from '../../core/export';
import { resolveNamedFilter } from '../../core/export/filter';
import { importQdc } from '../../core/refiqda/qdc';
import { importQdpxFile } from '../../core/refiqda/importQdpx';
import type { ImportIssue } from '../../core/refiqda/readQdpx';
import { type Command, needProject, positiveInt, UsageError } from '../command';

function readInput(file: string | undefined, what: string): Buffer {
  if (!file) throw new UsageError(`name the ${what}`);
  try {
    return fs.readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

const issueLines = (label: string, issues: ImportIssue[]): string[] =>
  issues.map((i) => `  ${label}: ${i.kind} ${i.name}: ${i.reason}`);

export const exportCommand: Command = {
  name: 'export',
  usage: `dossier export <project> --format ${EXPORT_FORMATS.join('|')} --out <file> [--domain <name>…] [--doc <id>…] [--attr <name=value>…] [--analyst <name>…] [--grading <B2|B|2>…] [--bom] [--positions ${QDPX_POSITIONS.join('|')} (qdpx: codepoints for QualCoder, the default; utf16 for NVivo, MAXQDA, ATLAS.ti)]`,
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
    const filter = resolveNamedFilter(p.db, {
      domains: v.domain,
      docIds,
      attributes: v.attr,
      analysts: v.analyst,
      grading: v.grading,
    });
    const r = await exportExcerptsToFile(p.db, p.name, format, v.out, filter, { bom: v.bom, positions });
    const out = path.resolve(v.out);
    return {
      // `rows` is the count the file holds: CSV/XLSX rows, claims (W3C, .qdpx), report entries, or codes (.qdc).
      json: {
        out,
        format,
        rows: r.count,
        unit: r.unit,
        bytes: r.bytes.length,
        ...(format === 'qdpx' ? { positions: positions ?? 'codepoints' } : {}),
      },
      text: `Wrote ${r.count} ${r.unit} to ${v.out}`,
    };
  },
};

export const importQdpxCommand: Command = {
  name: 'import-qdpx',
  usage: 'dossier import-qdpx <file.qdpx> <new-project>',
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
  usage: 'dossier import-qdc <project> <file.qdc>',
  run: ([file, qdc]) => {
    const p = needProject(file);
    const r = importQdc(p.db, readInput(qdc, '.qdc file'));
    const lines = [
      `${r.codes} codes read: ${r.created} added to the codebook, ${r.existing} already there`,
      ...issueLines('problem', r.problems),
    ];
    return { json: r, text: lines.join('\n') };
  },
};
