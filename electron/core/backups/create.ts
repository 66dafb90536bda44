import fs from 'node:fs';
import path from 'node:path';
import type { Backup } from '../../../shared/api/backups';
import { DossierError } from '../errors';
import type { Project } from '../project';
import { diskIsFull } from '../projectAccess';
import { inspectBackup, sealBackup, type BackupContents } from './inspect';
import { backupFileName, backupsFolder, parseBackupName, type BackupReason } from './location';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionPolicy } from './retention';

/** One backup as listed: where it is, when and why it was made, what it holds (the API's Backup). */
export type BackupInfo = Backup;

/** Pages copied per step (8 MiB of 4 KiB pages): a step takes a few milliseconds. */
const BACKUP_STEP_PAGES = 2048;

// Backups of one project file, one at a time (automatic and asked-for backups, a restore's safety copy).
const inFlight = new Map<string, Promise<unknown>>();

/** Runs `task` after every backup or restore of this project file already under way. */
export function serialized<T>(projectPath: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(projectPath);
  const run = (inFlight.get(key) ?? Promise.resolve()).then(task, task);
  const settled = run.catch(() => undefined);
  inFlight.set(key, settled);
  void settled.then(() => inFlight.get(key) === settled && inFlight.delete(key));
  return run;
}

/**
 * Backs up the open project (callers go through createBackup, or hold `serialized` themselves) with SQLite's online backup (the copy is consistent even while the project is being
 * written), into its backups folder. The copy is written under a temporary name, switched to rollback-journal
 * mode (so that it can be opened read-only without files created beside it), checked page by page
 * (quick_check) and counted, then renamed: a backup that is listed is always whole. A project whose copy fails
 * the check is not backed up (that would push a good backup out) and the error says so.
 */
/** See writeBackup; one at a time per project file. */
export function createBackup(project: Project, reason: BackupReason, now = new Date()): Promise<BackupInfo> {
  return serialized(project.path, () => writeBackup(project, reason, now));
}

export async function writeBackup(project: Project, reason: BackupReason, now: Date): Promise<BackupInfo> {
  if (!project.db.open)
    throw new DossierError('conflict', 'the project was closed before it could be backed up');
  const folder = backupsFolder(project.path);
  const final = freeName(folder, now, reason);
  const partial = path.join(folder, `.${path.basename(final)}.${process.pid}.partial`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    // The driver's backup() copies a step of pages per event-loop turn, so the app keeps answering meanwhile
    // (writes through this connection are carried into the copy; another connection's restart it).
    // (Store.sqlite is the driver's connection; only backup needs it.)
    await project.db.sqlite.backup(partial, { progress: () => BACKUP_STEP_PAGES });
    let contents: BackupContents;
    try {
      contents = await sealBackup(partial);
    } catch (error) {
      throw damagedSource(project, (error as Error).message.replace(partial, 'the copy'));
    }
    syncFile(partial);
    fs.renameSync(partial, final);
    syncFile(folder);
    return { ...describe(final, now, reason, contents) };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    if (error instanceof DossierError) throw error;
    const code = String((error as { code?: unknown }).code ?? '');
    // SQLite met a damaged page while copying.
    if (code.startsWith('SQLITE_CORRUPT')) throw damagedSource(project, (error as Error).message);
    if (diskIsFull(error, folder))
      throw new DossierError('disk_full', `no backup was made: the disk holding ${folder} is full`);
    if (
      code === 'EACCES' ||
      code === 'EPERM' ||
      code === 'EROFS' ||
      (error as Error).message.includes('directory')
    )
      throw new DossierError('read_only', `no backup was made: ${folder} cannot be written`);
    throw error;
  }
}

/** The project's copy is damaged: nothing is backed up, so that no good backup is pruned for a damaged one. */
function damagedSource(project: Project, why: string): DossierError {
  return new DossierError(
    'invalid_input',
    `${project.path} is damaged, so it was not backed up (the backups kept are unchanged): ${why}`,
  );
}

function freeName(folder: string, at: Date, reason: BackupReason): string {
  for (let n = 0; ; n++) {
    const file = path.join(folder, backupFileName(at, reason, n));
    if (!fs.existsSync(file)) return file;
  }
}

function syncFile(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    fs.fsyncSync(fd);
  } catch {
    // A folder cannot be synced on every platform; the rename is what makes the backup appear.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function describe(file: string, at: Date, reason: BackupReason, contents: BackupContents): BackupInfo {
  return {
    path: file,
    createdAt: at.toISOString(),
    reason,
    documents: contents.documents,
    claims: contents.claims,
    bytes: fs.statSync(file).size,
  };
}

/**
 * The project's backups, newest first, each opened read-only to count what it holds (a backup that cannot be
 * read is listed with its problem). Files in the folder without a backup's name (a half-written copy, a file put
 * there by hand) are not listed.
 */
export function listBackups(projectPath: string): BackupInfo[] {
  const folder = backupsFolder(projectPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const found = names.flatMap((name) => {
    const parsed = parseBackupName(name);
    return parsed ? [{ file: path.join(folder, name), ...parsed }] : [];
  });
  found.sort((a, b) => b.at.getTime() - a.at.getTime() || b.file.localeCompare(a.file));
  return found.flatMap(({ file, at, reason }): BackupInfo[] => {
    let bytes: number;
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile()) return [];
      bytes = st.size;
    } catch {
      return [];
    }
    try {
      return [{ ...describe(file, at, reason, inspectBackup(file)), bytes }];
    } catch (error) {
      return [
        {
          path: file,
          createdAt: at.toISOString(),
          reason,
          documents: null,
          claims: null,
          bytes,
          problem: (error as Error).message,
        },
      ];
    }
  });
}

/** The backups of a project file and their folder, without opening the project (one that is damaged, say). */
export function backupsOfFile(projectPath: string): { folder: string; backups: BackupInfo[] } {
  return { folder: backupsFolder(projectPath), backups: listBackups(projectPath) };
}

/** The newest backup that can be read, or undefined. */
export function latestGoodBackup(projectPath: string): BackupInfo | undefined {
  return listBackups(projectPath).find((b) => !b.problem);
}

/** Deletes the backups the retention policy does not keep; returns their paths. */
export function pruneBackups(
  projectPath: string,
  now = new Date(),
  policy: RetentionPolicy = DEFAULT_RETENTION,
): string[] {
  const folder = backupsFolder(projectPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const backups = names.flatMap((name) => {
    const parsed = parseBackupName(name);
    return parsed ? [{ file: path.join(folder, name), at: parsed.at }] : [];
  });
  const keep = backupsToKeep(
    backups.map((b) => b.at),
    now,
    policy,
  );
  const removed = backups.filter((_, i) => !keep.has(i)).map((b) => b.file);
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
}
