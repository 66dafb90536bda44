import { z } from 'zod';
import { method } from './method';

// Backups of the open project (issue 13): made with SQLite's online backup into a `backups` folder beside the
// project, listed newest first, restored in place (the state before is kept as a backup first).

export const BACKUP_REASONS = ['auto', 'manual', 'before-restore'] as const;

export const Backup = z.object({
  /** The backup file (absolute): what restoreBackup and `dossier restore` take. */
  path: z.string(),
  /** When it was made (ISO 8601, UTC). */
  createdAt: z.string(),
  /** Why: made automatically, asked for, or the state just before a restore. */
  reason: z.enum(BACKUP_REASONS),
  /** What it holds; null when the file cannot be read (see `problem`). */
  documents: z.number().int().nonnegative().nullable(),
  claims: z.number().int().nonnegative().nullable(),
  bytes: z.number().int().nonnegative(),
  /** Why it cannot be restored (damaged, truncated, from a newer Dossier); absent when it can. */
  problem: z.string().optional(),
});
export type Backup = z.infer<typeof Backup>;

export const backupsMethods = {
  /** Backs up the project now (and prunes old automatic backups as the retention policy says). */
  createBackup: method(z.object({}).strict(), Backup),
  /** The project's backups, newest first, with the folder they are in. */
  listBackups: method(z.object({}).strict(), z.object({ folder: z.string(), backups: z.array(Backup) })),
  /**
   * Puts a backup back into the project: `path` is a backup's path as listed (or its file name). Only files in
   * the project's backups folder are accepted. The current state is backed up first (`before`).
   */
  restoreBackup: method(
    z.object({ path: z.string().min(1).max(4096) }).strict(),
    z.object({ restored: Backup, before: Backup }),
  ),
};
