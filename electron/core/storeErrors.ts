import { DossierError } from './errors';

export const READ_ONLY_MESSAGE = 'this project is open read-only: nothing was changed';

/**
 * What an SQLite failure during a command means for the analyst, as a typed error; undefined when it is none of
 * the store's known conditions. Every door passes its failures through this (dispatch, the CLI).
 */
export function explainStoreError(error: unknown, readOnlyReason?: string): DossierError | undefined {
  if (error instanceof DossierError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_READONLY'))
    return new DossierError(
      'read_only',
      readOnlyReason ? `${READ_ONLY_MESSAGE} (${readOnlyReason})` : READ_ONLY_MESSAGE,
    );
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new DossierError('disk_full', 'the disk holding this project is full: the change was not saved');
  // Only after the busy timeout: another Dossier (a CLI command, a window) kept writing for that long.
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new DossierError(
      'conflict',
      'the project is busy: another Dossier (a window or a command) has been writing to it; try again',
    );
  return undefined;
}
