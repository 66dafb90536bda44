import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DossierError } from './errors';
import { assertNotNewer, LATEST_VERSION, migrate } from './migrations';
import { diskIsFull, freeBytes, whyReadOnly } from './projectAccess';
import { openSnapshot, snapshotOf } from './readOnlySnapshot';
import { type Sqlite, Store } from './store';

export { migrate } from './migrations';

/** What the core's functions take: the open project's Store (store.ts). */
export type Db = Store;

/** How long a writer waits for another connection's write (the CLI while a window writes) before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Create the file when it does not exist (default: false, a missing file is an error). */
  create?: boolean;
  readonly?: boolean;
}

/**
 * Opens (or creates) a project file and brings its schema up to date. A file this process may not write (or whose
 * folder it may not write, or on a full disk) is opened read-only, without a file created beside it; the reason
 * is kept as the store's `readOnlyReason`.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new DossierError('not_found', `No project at ${file}`);
  if (!exists) return createDatabase(file);
  const reason = whyReadOnly(file);
  if (reason) return openReadOnly(file, reason);
  let db: Sqlite | undefined;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, timeout: BUSY_TIMEOUT_MS });
    // Checked before anything writes (even a journal-mode change would touch a newer version's file).
    assertDossierFile(db, file);
    if (options.readonly) {
      db.pragma('foreign_keys = ON');
      return new Store(db, 'opened read-only');
    }
    assertNotNewer(db, file);
    return prepareWritable(db, file);
  } catch (error) {
    db?.close();
    if (error instanceof DossierError) throw error;
    // SQLite could not make room for its log: the project can still be read.
    if (diskIsFull(error, file)) return openReadOnly(file, diskFullReason(file));
    throw openError(error, file);
  }
}

function createDatabase(file: string): Db {
  let db: Sqlite | undefined;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    return prepareWritable(db, file);
  } catch (error) {
    db?.close();
    if (diskIsFull(error, file))
      throw new DossierError('disk_full', `cannot create ${file}: ${diskFullReason(file)}`);
    const code = (error as { code?: string }).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN')
      throw new DossierError('invalid_input', `cannot create ${file}: its folder cannot be written`);
    throw error;
  }
}

function prepareWritable(db: Sqlite, file: string): Store {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const store = new Store(db, undefined, true);
  migrate(store, { file });
  return store;
}

/**
 * A project that may not be written, opened as an in-memory copy (see openSnapshot); an older schema is brought
 * up to date in that copy only.
 */
function openReadOnly(file: string, reason: string): Db {
  let db: Sqlite;
  try {
    db = openSnapshot(file);
  } catch (error) {
    if (diskIsFull(error, file))
      throw new DossierError('disk_full', `cannot open ${file}: ${diskFullReason(file)}`);
    throw error;
  }
  try {
    assertDossierFile(db, file);
    assertNotNewer(db, file);
    if ((db.pragma('user_version', { simple: true }) as number) < LATEST_VERSION) db = upgradedCopy(db, file);
  } catch (error) {
    db.close();
    throw openError(error, file);
  }
  db.pragma('foreign_keys = ON');
  return new Store(db, reason);
}

/**
 * Another project, to be read only (a merge's other side): an in-memory copy brought up to date, so the file is
 * never written whatever its folder allows, and a newer version's file is refused.
 */
export function openForReading(file: string): Db {
  return openReadOnly(file, 'opened to be read');
}

function upgradedCopy(db: Sqlite, file: string): Sqlite {
  const bytes = db.serialize();
  db.close();
  const copy = new Database(bytes);
  try {
    migrate(new Store(copy), { file });
    return snapshotOf(copy.serialize(), file);
  } finally {
    copy.close();
  }
}

function diskFullReason(file: string): string {
  const free = freeBytes(path.dirname(path.resolve(file)));
  return `the disk holding it is full${free === null ? '' : ` (${Math.floor(free / 1024)} KiB free)`}`;
}

/** A failure to open an existing file, said as what it is. */
function openError(error: unknown, file: string): unknown {
  if (error instanceof DossierError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB')
    return new DossierError('invalid_input', `${file} is not a Dossier project (not an SQLite database)`);
  if (code?.startsWith('SQLITE_CORRUPT'))
    return new DossierError('invalid_input', `${file} is damaged: SQLite reports it as corrupt`);
  if (code?.startsWith('SQLITE_CANTOPEN') || code?.startsWith('SQLITE_IOERR'))
    return new DossierError('internal', `cannot open ${file}: ${(error as Error).message}`);
  return error;
}

function assertDossierFile(db: Sqlite, file: string): void {
  try {
    db.pragma('schema_version');
  } catch (error) {
    // Only "not a database" is said here; a full disk or an I/O error is for the caller to tell apart.
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw openError(error, file);
    throw error;
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) {
    if (hasTables(db))
      throw new DossierError('invalid_input', `${file} is an SQLite database but not a Dossier project`);
  }
}

/** Whether the file holds any table (an empty SQLite file becomes a project; one with tables is someone else's). */
function hasTables(db: Sqlite): boolean {
  const tables = db.pragma('table_list') as { schema: string; name: string }[];
  return tables.some((t) => t.schema === 'main' && t.name !== 'sqlite_schema');
}

export function nowIso(): string {
  return new Date().toISOString();
}
