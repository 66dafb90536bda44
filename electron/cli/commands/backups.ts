import path from 'node:path';
import type { Backup } from '../../../shared/api/backups';
import { backupsOfFile, restoreProjectFile } from '../../core/backups';
import { call, type Command, needProject, table, UsageError } from '../command';
import { USAGE } from '../usage';

// The CLI backs up only when asked (the app's doors back up automatically: core/backups/auto.ts).

/** A failure to open the project because it is damaged (its message names the latest good backup). */
const isDamaged = (error: unknown): boolean =>
  error instanceof Error && /damaged|not a Dossier project|not an SQLite/.test(error.message);

function describe(b: Backup): string {
  const what = b.problem
    ? `cannot be restored: ${b.problem}`
    : `${b.documents} documents, ${b.claims} claims`;
  return `${b.createdAt} (${b.reason}) ${what}\n  ${b.path}`;
}

export const backup: Command = {
  name: 'backup',
  usage: USAGE['backup'],
  run: async ([file]) => {
    const made = await call(needProject(file), 'createBackup', {});
    return { json: made, text: `Backed up: ${describe(made)}` };
  },
};

export const backups: Command = {
  name: 'backups',
  usage: USAGE['backups'],
  run: async ([file]) => {
    if (!file) throw new UsageError('name a project file');
    let listed: { folder: string; backups: Backup[] };
    try {
      listed = await call(needProject(file), 'listBackups', {});
    } catch (error) {
      // A damaged project's backups are what its analyst needs to see: listed from the file's name alone.
      if (!isDamaged(error)) throw error;
      listed = backupsOfFile(file);
    }
    const { folder, backups: list } = listed;
    return {
      json: list,
      text: list.length
        ? table([
            ['date', 'reason', 'documents', 'claims', 'path'],
            ...list.map((b) => [b.createdAt, b.reason, b.documents ?? '?', b.claims ?? '?', b.path]),
          ]) + (list.some((b) => b.problem) ? '\n(? = the file cannot be read; see --json for why)' : '')
        : `No backups yet (they go in ${folder}).`,
    };
  },
};

export const restore: Command = {
  name: 'restore',
  usage: USAGE['restore'],
  run: async ([file, candidate]) => {
    if (!file || !candidate) throw new UsageError('name the project and the backup to restore');
    // A path is taken from where the command runs; a bare file name as a name in the project's backups folder.
    const given =
      candidate.includes('/') || candidate.includes(path.sep) ? path.resolve(candidate) : candidate;
    let project: ReturnType<typeof needProject>;
    try {
      project = needProject(file);
    } catch (error) {
      // A project that cannot be opened (damaged) is restored from its file; its message said to come here.
      if (!isDamaged(error)) throw error;
      const r = await restoreProjectFile(file, given);
      return {
        json: { restored: { path: r.restored }, damagedCopy: r.damagedCopy },
        text: `Restored ${file} from ${r.restored}${r.damagedCopy ? `\nThe damaged file was kept as ${r.damagedCopy}` : ''}`,
      };
    }
    const r = await call(project, 'restoreBackup', { path: given });
    return {
      json: r,
      text: `Restored ${file} from ${describe(r.restored)}\nThe state before is kept: ${describe(r.before)}`,
    };
  },
};
