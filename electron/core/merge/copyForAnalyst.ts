import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { CopyForAnalystInput, CopyForAnalystResult } from '../../../shared/api/teamwork';
import { type Db, openDatabase } from '../db';
import { DossierError } from '../errors';
import { setMeta } from '../project';
import { guidMap, projectUuid } from '../refiqda/guids';

// "Save a Copy for an analyst": the same documents and codebook, and no claims or only that analyst's, so that a
// team splits the work and merges it back. The copy remembers the GUIDs every kept object had here and then takes
// a project UUID of its own: what it keeps is recognised when merged back, and what its analyst adds there never
// shares a GUID with what is added here meanwhile (GUIDs are derived from the project's UUID and row ids).

type Input = z.infer<typeof CopyForAnalystInput>;
type Result = z.infer<typeof CopyForAnalystResult>;

export function copyForAnalyst(db: Db, input: Input): Result {
  // A server-side path from a door: only a whole, explicit project file name, never one relative to wherever the
  // process runs.
  if (!path.isAbsolute(input.path) || !/\.dossier$/i.test(input.path))
    throw new DossierError(
      'invalid_input',
      `save the copy as a full path ending in .dossier (got "${input.path}")`,
    );
  const dest = path.resolve(input.path);
  if (fs.existsSync(dest))
    throw new DossierError('conflict', `${input.path} already exists: choose a new file`);
  if (!fs.existsSync(path.dirname(dest)))
    throw new DossierError('not_found', `no folder ${path.dirname(input.path)} to save the copy in`);
  // The GUIDs are derived before the copy, so that this project's UUID exists and is copied with it.
  projectUuid(db);
  const tmp = `${dest}.copying`;
  fs.rmSync(tmp, { force: true });
  db.prepareOnce('VACUUM INTO ?').run(tmp);
  try {
    const copy = openDatabase(tmp);
    try {
      const r = trim(copy, input.analyst ?? null);
      copy.close();
      fs.renameSync(tmp, dest);
      return { path: dest, ...r };
    } finally {
      if (copy.open) copy.close();
    }
  } finally {
    fs.rmSync(tmp, { force: true });
    for (const ext of ['-wal', '-shm']) fs.rmSync(`${tmp}${ext}`, { force: true });
  }
}

function trim(copy: Db, analyst: string | null): Omit<Result, 'path'> {
  copy.transaction(() => {
    const remember = copy.cached(
      'INSERT OR IGNORE INTO refiqda_guids (kind, local_key, guid) VALUES (?, ?, ?)',
    );
    for (const [kind, table] of [
      ['code', 'domains'],
      ['source', 'documents'],
      ['claim', 'claims'],
    ] as const) {
      const guid = guidMap(copy, kind);
      for (const id of copy.prepareOnce(`SELECT id FROM ${table}`).pluck().all() as number[])
        remember.run(kind, String(id), guid(id));
    }
    if (analyst === null) {
      copy.exec('DELETE FROM claims; DELETE FROM memos;');
    } else {
      copy.cached('DELETE FROM claims WHERE analyst IS NOT ?').run(analyst);
      copy.cached('DELETE FROM memos WHERE analyst IS NOT ?').run(analyst);
    }
    copy.exec('DELETE FROM claim_conflicts; DELETE FROM edit_log;');
    setMeta(copy, 'project_uuid', crypto.randomUUID());
    if (analyst !== null) setMeta(copy, 'copy_for_analyst', analyst);
  })();
  const n = (sql: string) => copy.prepareOnce(sql).pluck().get() as number;
  return {
    analyst,
    documents: n('SELECT count(*) FROM documents'),
    domains: n('SELECT count(*) FROM domains'),
    claims: n('SELECT count(*) FROM claims'),
  };
}
