import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMAT_INFO, ExportFilter } from '../../../shared/api/exports';
import { offerDownload } from '../export/downloads';
import { resolveNamedFilter } from '../export/filter';
import { exportFilterOptions, countExcerpts } from '../export/options';
import { PROJECT_EXTENSION } from '../project';
import type { Handler } from './handlers';

type ExportMethod =
  | 'listExportFormats'
  | 'getExportFilterOptions'
  | 'countExcerpts'
  | 'importQdpx'
  | 'importQdc'
  | 'resolveExportFilter'
  | 'prepareExportDownload';

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
  importQdpx: async (p, i) => {
    const base =
      (i.projectName ?? path.basename(i.fileName).replace(/\.qdpx$/i, '')).trim() || 'Imported project';
    const target = freeProjectPath(path.dirname(p.path), base.replace(/[/\\:*?"<>|]/g, '_'));
    // REFI-QDA (and its XML parsers) loads when a file is exchanged, not with every door.
    const { importQdpxFile } = await import('../refiqda/importQdpx');
    return importQdpxFile(Buffer.from(i.base64, 'base64'), target, path.basename(i.fileName));
  },
  importQdc: async (p, i) =>
    (await import('../refiqda/qdc')).importQdc(p.db, Buffer.from(i.base64, 'base64')),
  // Parsed: the core's filter type is looser than the contract's (reliability as any string).
  resolveExportFilter: (p, i) => ExportFilter.parse(resolveNamedFilter(p.db, i)),
  prepareExportDownload: (p, { format, bom, positions, memos, query }) =>
    offerDownload(async (file) => {
      // The exporters (and the libraries they write with) load on the first export, not with every door.
      const { exportExcerptsToFile } = await import('../export');
      return exportExcerptsToFile(p.db, p.name, format, file, query, { bom, positions, memos });
    }),
};
