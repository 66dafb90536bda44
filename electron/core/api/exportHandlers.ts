import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMAT_INFO } from '../../../shared/api/exports';
import { exportFilterOptions, countExcerpts } from '../export/options';
import { PROJECT_EXTENSION } from '../project';
import { importQdc } from '../refiqda/qdc';
import { importQdpxFile } from '../refiqda/importQdpx';
import type { Handler } from './handlers';

type ExportMethod =
  'listExportFormats' | 'getExportFilterOptions' | 'countExcerpts' | 'importQdpx' | 'importQdc';

/** A free file name beside `dir`: "Name.dossier", else "Name (2).dossier", … */
function freeProjectPath(dir: string, name: string): string {
  let file = path.join(dir, `${name}${PROJECT_EXTENSION}`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `${name} (${n})${PROJECT_EXTENSION}`);
  return file;
}

export const exportHandlers: { [M in ExportMethod]: Handler<M> } = {
  listExportFormats: () => [...EXPORT_FORMAT_INFO],
  getExportFilterOptions: (p) => exportFilterOptions(p.db),
  countExcerpts: (p, filter) => countExcerpts(p.db, filter),
  importQdpx: (p, i) => {
    const base =
      (i.projectName ?? path.basename(i.fileName).replace(/\.qdpx$/i, '')).trim() || 'Imported project';
    const target = freeProjectPath(path.dirname(p.path), base.replace(/[/\\:*?"<>|]/g, '_'));
    return importQdpxFile(Buffer.from(i.base64, 'base64'), target, path.basename(i.fileName));
  },
  importQdc: (p, i) => importQdc(p.db, Buffer.from(i.base64, 'base64')),
};
