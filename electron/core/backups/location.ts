import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_REASONS } from '../../../shared/api/backups';
import { DossierError } from '../errors';

// Where a project's backups live and how they are named: `<folder of the project>/backups/<project name>/`,
// one file per backup named by the moment it was made (UTC, ':' replaced so that every file system takes it)
// and why, e.g. `2026-12-01T14-05-09.123Z.auto.dossier`. Only names of this form are listed, restored or pruned:
// a file put there by hand is left alone.

export type BackupReason = (typeof BACKUP_REASONS)[number];

const NAME =
  /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}(?:\.\d{3})?Z)(?:-(\d+))?\.(auto|manual|before-restore)\.dossier$/;

export function backupsFolder(projectPath: string): string {
  const abs = path.resolve(projectPath);
  return path.join(path.dirname(abs), 'backups', path.basename(abs, path.extname(abs)));
}

/** The file name of a backup made at `at` (`n` > 0 tells apart two made in the same millisecond). */
export function backupFileName(at: Date, reason: BackupReason, n = 0): string {
  return `${at.toISOString().replaceAll(':', '-')}${n ? `-${n}` : ''}.${reason}.dossier`;
}

export interface ParsedName {
  at: Date;
  reason: BackupReason;
}

/** When and why a backup was made, from its file name; null for any other name. */
export function parseBackupName(name: string): ParsedName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}:${m[2]}:${m[3]}`);
  if (Number.isNaN(at.getTime())) return null;
  return { at, reason: m[5] as BackupReason };
}

/**
 * The real path of `candidate` when it names a backup of this project: a file (not a link, not a folder) directly
 * in the project's backups folder, with a backup's name. Anything else (`../`, a link out of the folder, another
 * project's backup, a file put there by hand) is refused before it is opened. A bare file name is taken as a name
 * in the backups folder.
 */
export function resolveBackupPath(projectPath: string, candidate: string): string {
  const folder = backupsFolder(projectPath);
  const given = path.isAbsolute(candidate) ? candidate : path.join(folder, candidate);
  const refuse = (why: string): never => {
    throw new DossierError('invalid_input', `${candidate} is not a backup of this project: ${why}`);
  };
  let realFolder: string;
  try {
    realFolder = fs.realpathSync(folder);
  } catch {
    return refuse(`this project has no backups yet (${folder})`);
  }
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(given);
  } catch {
    return refuse('no such file');
  }
  if (stat.isSymbolicLink()) refuse('it is a link');
  if (!stat.isFile()) refuse('it is not a file');
  const real = fs.realpathSync(given);
  if (path.dirname(real) !== realFolder) refuse(`only files in ${folder} can be restored`);
  if (!parseBackupName(path.basename(real))) refuse('its name is not one Dossier gives its backups');
  return real;
}
