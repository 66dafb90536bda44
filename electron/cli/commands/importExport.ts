import fs from 'node:fs';
import path from 'node:path';
import { domainIdsByName } from '../../core/domains';
import { excerptsCsv } from '../../core/exportCsv';
import { importPaths } from '../../core/import/importFiles';
import { type Command, needProject, positiveInt, UsageError } from '../command';

export const importCommand: Command = {
  name: 'import',
  usage: 'dossier import <project> <file-or-folder>…',
  run: ([file, ...paths]) => {
    const p = needProject(file);
    if (paths.length === 0) throw new UsageError('name at least one file or folder to import');
    const r = importPaths(p.db, paths);
    const lines = [
      `${r.imported.length} imported, ${r.skipped.length} skipped, ${r.failed.length} failed`,
      ...r.failed.map((f) => `  failed: ${f.path}: ${f.error}`),
      ...r.skipped.map((s) => `  skipped: ${s.path}: ${s.reason}`),
    ];
    return { json: r, text: lines.join('\n') };
  },
};

export const exportCommand: Command = {
  name: 'export',
  usage: 'dossier export <project> --format csv --out <file> [--domain <name>…] [--doc <id>…] [--bom]',
  run: ([file], v) => {
    const p = needProject(file);
    const format = v.format ?? 'csv';
    if (format !== 'csv') throw new UsageError(`unsupported export format "${format}" (choose: csv)`);
    if (!v.out) throw new UsageError('--out <file> is required');
    const domainIds = v.domain?.length ? domainIdsByName(p.db, v.domain) : undefined;
    const docIds = v.doc?.map((d) => positiveInt(d, '--doc'));
    const csv = excerptsCsv(p.db, { domainIds, docIds }, { bom: v.bom });
    fs.writeFileSync(v.out, csv);
    const rows = Math.max(0, csv.split('\r\n').length - 2);
    return { json: { out: path.resolve(v.out), format, rows }, text: `Wrote ${rows} excerpts to ${v.out}` };
  },
};
