import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DossierError } from '../errors';
import { openProject, closeProject, type Project } from '../project';
import { Store } from '../store';
import { latestGoodBackup, serialized } from './create';
import { checkBackup, CONTENTS_KEY } from './inspect';
import { checkPages } from './pageCheck';
import { backupFileName, backupsFolder, parseBackupName, resolveBackupPath } from './location';

/** When the newest backup of this project was made (ms), from the file names only; undefined when none. */
export function newestBackupTime(projectPath: string): number | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(backupsFolder(projectPath));
  } catch {
    return undefined;
  }
  const times = names.flatMap((n) => parseBackupName(n)?.at.getTime() ?? []);
  return times.length ? Math.max(...times) : undefined;
}

/** What to tell an analyst whose project is damaged: why, and the latest good backup with how to restore it. */
export function damagedProjectError(projectPath: string, why: string): DossierError {
  const file = path.resolve(projectPath);
  const good = latestGoodBackup(file);
  const offer = good
    ? ` The latest good backup is ${good.path} (${good.createdAt}, ${good.documents} documents, ${good.claims} claims): restore it with  dossier restore "${file}" "${good.path}"  or from Backups… in the app.`
    : ` There is no good backup of it in ${backupsFolder(file)}.`;
  // One line: the CLI prints the first line of a message.
  return new DossierError('invalid_input', `${file} is damaged: ${why.replace(/\s+/g, ' ')}.${offer}`);
}

/**
 * Opens a project; a file that cannot be opened as a project because it is damaged is refused with
 * damagedProjectError, which names the latest good backup. Other failures (missing file, a newer Dossier's file)
 * are passed on as they are. No page is checked (the CLI's way: a check reads the whole file).
 */
export function openProjectExplained(file: string): Project {
  try {
    return openProject(file);
  } catch (error) {
    if (error instanceof DossierError && /is damaged|not a Dossier project|not an SQLite/.test(error.message))
      throw damagedProjectError(file, error.message.replace(`${file} `, '').replace(/^is damaged: /, ''));
    throw error;
  }
}

/**
 * Opens a project for an app door: as openProjectExplained, then SQLite's quick_check reads every page (on a
 * worker thread, so that the door's other work goes on); a project that fails it is closed and refused with
 * damagedProjectError.
 */
export async function openCheckedProject(file: string): Promise<Project> {
  const project = openProjectExplained(file);
  let problem: string | null;
  try {
    const pages = await checkPages(project.path, false);
    problem = pages.problems.length ? pages.problems.join('; ') : null;
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem) {
    closeProject(project);
    throw damagedProjectError(file, `SQLite's check of its pages failed (${problem})`);
  }
  return project;
}

/**
 * Restores a backup into a project file that is not open (one that cannot be opened at all, say): the damaged
 * file and its log are kept beside the backups as `…damaged` (never listed), the backup is copied beside the
 * project under a temporary name and renamed over it. Only for a file no Dossier has open: a project that opens
 * is restored in place with restoreBackup, which any door can call.
 */
export function restoreProjectFile(
  projectPath: string,
  candidate: string,
  now = new Date(),
): Promise<{ restored: string; damagedCopy: string | null }> {
  const file = path.resolve(projectPath);
  const backup = resolveBackupPath(file, candidate);
  return serialized(file, async () => {
    await checkBackup(backup);
    const damagedCopy = fs.existsSync(file) ? keepDamagedCopy(file, now) : null;
    // A log left beside the damaged file must not be replayed onto the restored one.
    for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
    const temp = `${file}.restoring`;
    fs.copyFileSync(backup, temp);
    const copy = new Store(new Database(temp));
    try {
      // The backup's own note of what it holds is not the project's.
      copy.prepareOnce('DELETE FROM project_meta WHERE key = ?').run(CONTENTS_KEY);
    } finally {
      copy.close();
    }
    fs.renameSync(temp, file);
    return { restored: backup, damagedCopy };
  });
}

/**
 * Keeps a raw copy of a damaged project file (and its log) in its backups folder, named `…damaged`: never listed
 * nor restored, but there for whoever wants to rescue something from it. Returns its path.
 */
export function keepDamagedCopy(projectPath: string, now: Date): string {
  const folder = backupsFolder(projectPath);
  fs.mkdirSync(folder, { recursive: true });
  const copy = path.join(folder, backupFileName(now, 'before-restore').replace(/\.dossier$/, '.damaged'));
  fs.copyFileSync(projectPath, copy);
  if (fs.existsSync(`${projectPath}-wal`)) fs.copyFileSync(`${projectPath}-wal`, `${copy}-wal`);
  return copy;
}
