import Database from 'better-sqlite3';
import { DossierError } from '../errors';
import { assertNotNewer } from '../migrations';
import { Store } from '../store';

/** What a backup holds. */
export interface BackupContents {
  documents: number;
  claims: number;
}

/**
 * The project_meta key under which a backup keeps its own counts, written when it is made: listing a dozen
 * backups then reads a row from each instead of counting a million claims in each (0.8 s per file when the disk
 * cache is cold). A restore deletes the key from the project.
 */
export const CONTENTS_KEY = 'backup_contents';

/**
 * Opens a backup read-only (nothing is created beside it: backups are written in rollback-journal mode) and says
 * what it holds. With `check`, SQLite's quick_check reads every page first, so that a truncated or damaged file is
 * refused before it is restored. Throws a DossierError saying what is wrong with the file.
 */
export function inspectBackup(file: string, check = false): BackupContents {
  return withBackup(file, true, (store) => {
    if (check) assertPagesOk(store, file);
    return storedContents(store) ?? countContents(store);
  });
}

/**
 * Finishes a fresh copy of a project (not yet under a backup's name): rollback-journal mode, every page checked,
 * its counts stored in it.
 */
export function sealBackup(file: string): BackupContents {
  return withBackup(file, false, (store) => {
    store.pragma('journal_mode = DELETE');
    assertPagesOk(store, file);
    const contents = countContents(store);
    store
      .prepareOnce('INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)')
      .run(CONTENTS_KEY, JSON.stringify(contents));
    return contents;
  });
}

function withBackup<T>(file: string, readonly: boolean, use: (store: Store) => T): T {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) throw new DossierError('invalid_input', `${file} is not a Dossier project`);
    assertNotNewer(db, file);
    return use(new Store(db));
  } catch (error) {
    throw backupError(error, file);
  } finally {
    db?.close();
  }
}

function assertPagesOk(store: Store, file: string): void {
  const problems = store.pragma('quick_check(3)') as { quick_check: string }[];
  if (problems[0]?.quick_check !== 'ok')
    throw new DossierError(
      'invalid_input',
      `${file} is damaged: ${problems.map((p) => p.quick_check).join('; ')}`,
    );
}

function storedContents(store: Store): BackupContents | undefined {
  const value = store
    .prepareOnce('SELECT value FROM project_meta WHERE key = ?')
    .pluck()
    .get(CONTENTS_KEY) as string | undefined;
  if (!value) return undefined;
  try {
    const { documents, claims } = JSON.parse(value) as Partial<BackupContents>;
    const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
    return count(documents) && count(claims) ? { documents, claims } : undefined;
  } catch {
    return undefined;
  }
}

function countContents(store: Store): BackupContents {
  const count = (table: string): number =>
    store.prepareOnce(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  return { documents: count('documents'), claims: count('claims') };
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
