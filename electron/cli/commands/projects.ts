import type { MethodOutput } from '../../../shared/api';
import { defaultDataDir } from '../../core/dataDir';
import { callSessionMethod, folderSession } from '../../core/projects';
import { ApiError, type Command, table } from '../command';
import { USAGE } from '../usage';

// `dossier projects`: the data folder's projects, through the session's dispatcher (a session that opens none).

export const projects: Command = {
  name: 'projects',
  usage: USAGE['projects'],
  run: async (_args, v) => {
    const dataDir = v['data-dir'] ?? defaultDataDir();
    const r = await callSessionMethod(folderSession(dataDir), 'listProjects', {});
    if (!r.ok) throw new ApiError(r.error.code, r.error.message);
    const { folder, projects: list } = r.value as MethodOutput<'listProjects'>;
    const json = list.map((p) => ({
      name: p.name,
      path: p.path,
      documents: p.documents,
      claims: p.claims,
      modified: p.modified,
      sample: p.sample,
      ...(p.problem ? { problem: p.problem } : {}),
    }));
    const text = json.length
      ? table([
          ['name', 'documents', 'claims', 'modified'],
          ...json.map((p) => [
            p.sample ? `${p.name} (sample)` : p.name,
            p.documents ?? '?',
            p.claims ?? '?',
            p.modified.slice(0, 16).replace('T', ' '),
          ]),
        ])
      : `No projects in ${folder}.`;
    return { json, text };
  },
};
