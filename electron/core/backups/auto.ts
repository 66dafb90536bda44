import type { Project } from '../project';
import { createBackup, pruneBackups, type BackupInfo } from './create';
import { DossierError } from '../errors';
import { damagedProjectError, newestBackupTime } from './health';

// Automatic backups, a policy the doors opt into (the app's doors do; the CLI backs up only when asked): a backup
// when the project is opened and its newest backup is older than a few minutes, and then at most every few
// minutes while it is being edited (the dispatcher reports every call that wrote something through noteWrite;
// edits that stop before the interval is up are backed up when it is).

export const AUTO_BACKUP_MINUTES = 5;

interface AutoState {
  project: Project;
  last: number;
  dirty: boolean;
  timer?: ReturnType<typeof setTimeout>;
  intervalMs: number;
  onError: (error: unknown) => void;
}

// By project file: one schedule per file, whichever door turned it on.
const enabled = new Map<string, AutoState>();
const stateOf = (project: Project): AutoState | undefined => {
  const state = enabled.get(project.path);
  return state?.project === project ? state : undefined;
};

export interface AutoBackupOptions {
  /** Minutes between backups (default AUTO_BACKUP_MINUTES). */
  minutes?: number;
  /** Where a failed automatic backup is reported (default: stderr); automatic backups never throw. */
  onError?: (error: unknown) => void;
}

/**
 * Turns automatic backups on for this open project, and backs it up now when its newest backup is older than
 * the interval (or there is none). Returns the backup made, or null.
 */
export function enableAutoBackups(
  project: Project,
  options: AutoBackupOptions = {},
  now = new Date(),
): Promise<BackupInfo | null> {
  const intervalMs = (options.minutes ?? AUTO_BACKUP_MINUTES) * 60_000;
  const state: AutoState = {
    project,
    last: newestBackupTime(project.path) ?? -Infinity,
    dirty: true,
    intervalMs,
    onError:
      options.onError ??
      ((e) => process.stderr.write(`dossier: automatic backup failed: ${(e as Error).message}\n`)),
  };
  disableAutoBackups(project);
  enabled.set(project.path, state);
  return maybeBackup(project, now);
}

export function disableAutoBackups(project: Project): void {
  const state = stateOf(project);
  if (!state) return;
  if (state.timer) clearTimeout(state.timer);
  enabled.delete(project.path);
}

/**
 * The dispatcher's hook after a call that wrote something: nothing unless the door enabled automatic backups
 * for this project; then a backup now if the last is older than the interval, else one when it is.
 */
export function noteWrite(project: Project, now = new Date()): void {
  const state = stateOf(project);
  if (!state) return;
  state.dirty = true;
  void maybeBackup(project, now);
}

/** Backs up when automatic backups are on, something changed since the last, and the interval is up. */
export async function maybeBackup(project: Project, now = new Date()): Promise<BackupInfo | null> {
  const state = stateOf(project);
  if (!state || !state.dirty || project.readOnly || !project.db.open) return null;
  const due = state.last + state.intervalMs;
  if (now.getTime() < due) {
    if (!state.timer) {
      state.timer = setTimeout(() => {
        state.timer = undefined;
        void maybeBackup(project);
      }, due - now.getTime());
      // A pending backup never keeps the process alive.
      state.timer.unref?.();
    }
    return null;
  }
  state.dirty = false;
  state.last = now.getTime();
  try {
    const made = await createBackup(project, 'auto', now);
    pruneBackups(project.path, now);
    return made;
  } catch (error) {
    // A damaged project's copy fails its check: say which good backup there is and how to restore it.
    const damaged = error instanceof DossierError && /is damaged/.test(error.message);
    state.onError(damaged ? damagedProjectError(project.path, "a copy of it failed SQLite's check") : error);
    return null;
  }
}
