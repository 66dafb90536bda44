import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { publishEverything } from '../changes/stream';
import { DossierError } from '../errors';
import { clearHistory } from '../history';
import { migrate } from '../migrations';
import type { Project } from '../project';
import { serialized, writeBackup, type BackupInfo } from './create';
import { checkBackup, CONTENTS_KEY } from './inspect';
import { keepDamagedCopy } from './health';
import { parseBackupName, resolveBackupPath } from './location';

export interface RestoreResult {
  /** The backup now in the project file. */
  restored: BackupInfo;
  /** The state before the restore, kept as a backup (or, for a damaged project, as a raw copy not listed). */
  before: BackupInfo;
}

/**
 * Puts a backup back into the open project, in place: the backup is copied into the project file with SQLite's
 * online backup, as one write transaction (all of it or, after a crash, none of it), through a second connection,
 * so the project's own connection (its Store, and everything a door holds: the Project object, the change
 * stream's subscribers) stays open and reads the restored state on its next statement. No door has to close or
 * reopen anything. First the current state is kept as a backup. The backup is checked (quick_check) before
 * anything changes; its schema, if older, is brought up to date. Every window is told that everything changed.
 */
export function restoreBackup(project: Project, candidate: string, now = new Date()): Promise<RestoreResult> {
  if (project.readOnly)
    throw new DossierError(
      'read_only',
      `this project is open read-only (${project.readOnly}): nothing was restored`,
    );
  const file = resolveBackupPath(project.path, candidate);
  const parsed = parseBackupName(path.basename(file))!;
  return serialized(project.path, async () => {
    const contents = await checkBackup(file);
    const before = await keepCurrentState(project, now);
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(project.path, { progress: () => 0x7fffffff });
    } catch (error) {
      throw new DossierError(
        'conflict',
        `the backup could not be put back (${(error as Error).message}); the project is as it was`,
      );
    } finally {
      source.close();
    }
    // What this connection remembers of the replaced state: the undo history, grid results, document texts.
    clearHistory(project.db);
    project.db.gridResults = undefined;
    project.db.texts.clear();
    migrate(project.db, { file: project.path });
    // The backup's own note of what it holds is not the project's.
    project.db.cached('DELETE FROM project_meta WHERE key = ?').run(CONTENTS_KEY);
    publishEverything(project.db);
    return {
      before,
      restored: {
        path: file,
        createdAt: parsed.at.toISOString(),
        reason: parsed.reason,
        ...contents,
        bytes: fs.statSync(file).size,
      },
    };
  });
}

/**
 * The state before a restore, as a backup; a project too damaged to be backed up (which is what a restore is
 * often for) is kept as a raw copy instead (keepDamagedCopy).
 */
async function keepCurrentState(project: Project, now: Date): Promise<BackupInfo> {
  try {
    return await writeBackup(project, 'before-restore', now);
  } catch (error) {
    if (!(error instanceof DossierError) || !/is damaged/.test(error.message)) throw error;
    const copy = keepDamagedCopy(project.path, now);
    return {
      path: copy,
      createdAt: now.toISOString(),
      reason: 'before-restore',
      documents: null,
      claims: null,
      bytes: fs.statSync(copy).size,
      problem: error.message,
    };
  }
}
