import Database from 'better-sqlite3';
import { DossierError } from '../errors';
import { assertNotNewer } from '../migrations';
import { Store } from '../store';
import { checkPages, type PageCheck } from './pageCheck';

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
 * what it holds, from its note (or by counting). Throws a DossierError saying what is wrong with the file.
 */
export function inspectBackup(file: string): BackupContents {
  return withBackup(file, true, (store) => storedContents(store) ?? countContents(store));
}

/**
 * As inspectBackup, after SQLite's quick_check has read every page (on a worker thread: pageCheck.ts), so that a
 * truncated or damaged file is refused before it is restored.
 */
export async function checkBackup(file: string): Promise<BackupContents> {
  const noted = withBackup(file, true, storedContents);
  const pages = await checkPages(file, false).catch((error: unknown) => {
    throw backupError(error, file);
  });
  assertWhole(pages, file);
  return noted ?? { documents: pages.documents, claims: pages.claims };
}

/**
 * Finishes a fresh copy of a project (not yet under a backup's name): rollback-journal mode and every page checked
 * (on a worker thread), then its counts noted in it.
 */
export async function sealBackup(file: string): Promise<BackupContents> {
  const pages = await checkPages(file, true).catch((error: unknown) => {
    throw backupError(error, file);
  });
  assertWhole(pages, file);
  const contents = { documents: pages.documents, claims: pages.claims };
  withBackup(file, false, (store) =>
    store
      .prepareOnce('INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)')
      .run(CONTENTS_KEY, JSON.stringify(contents)),
  );
  return contents;
}

function assertWhole(pages: PageCheck, file: string): void {
  if (pages.problems.length)
    throw new DossierError(
      'invalid_input',
      `${file} is damaged: ${pages.problems.join('; ').replace(/\s+/g, ' ')}`,
    );
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
