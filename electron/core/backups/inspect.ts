import Database from 'better-sqlite3';
import { DossierError } from '../errors';
import { assertNotNewer } from '../migrations';
import { Store } from '../store';

/** What a backup holds, read from the file itself. */
export interface BackupContents {
  documents: number;
  claims: number;
}

/**
 * Opens a backup read-only (nothing is created beside it: backups are written in rollback-journal mode) and counts
 * what it holds. With `check`, SQLite's quick_check reads every page first, so that a truncated or damaged file is
 * refused before it is restored. Throws a DossierError saying what is wrong with the file.
 */
export function inspectBackup(file: string, check = false): BackupContents {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) throw new DossierError('invalid_input', `${file} is not a Dossier project`);
    assertNotNewer(db, file);
    if (check) {
      const problems = db.pragma('quick_check(3)', { simple: false }) as { quick_check: string }[];
      if (problems[0]?.quick_check !== 'ok')
        throw new DossierError(
          'invalid_input',
          `${file} is damaged: ${problems.map((p) => p.quick_check).join('; ')}`,
        );
    }
    const store = new Store(db);
    const count = (table: string): number =>
      store.prepareOnce(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    return { documents: count('documents'), claims: count('claims') };
  } catch (error) {
    throw backupError(error, file);
  } finally {
    db?.close();
  }
}

function backupError(error: unknown, file: string): DossierError {
  if (error instanceof DossierError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_NOTADB') return new DossierError('invalid_input', `${file} is not a Dossier project`);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_ERROR')
    return new DossierError(
      'invalid_input',
      `${file} is damaged or not a Dossier project: ${(error as Error).message}`,
    );
  return new DossierError('invalid_input', `${file} cannot be read: ${(error as Error).message}`);
}
