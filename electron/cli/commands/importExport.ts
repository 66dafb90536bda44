import fs from 'node:fs';
import path from 'node:path';
import { importPaths } from '../../core/import/importFiles';
import { type Command, needProject, UsageError } from '../command';

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

