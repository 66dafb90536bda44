import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DossierError } from './errors';
import { LATEST_VERSION, migrations } from './migrations';
import { migration0003 } from './migrations/0003-grid-indexes';
import { diskIsFull, freeBytes, whyReadOnly } from './projectAccess';
import { openSnapshot, snapshotOf } from './readOnlySnapshot';

export type Db = Database.Database;

/** How long a writer waits for another connection's write (the CLI while a window writes) before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Create the file when it does not exist (default: false, a missing file is an error). */
  create?: boolean;
  readonly?: boolean;
}

const readOnlyReasons = new WeakMap<Db, string>();

/** Why the project behind `db` is open read-only ("the file is read-only", …), or undefined when it is not. */
export function readOnlyReason(db: Db): string | undefined {
  return readOnlyReasons.get(db);
}

/**
 * Opens (or creates) a project file and brings its schema up to date. A file this process may not write (or whose
 * folder it may not write, or on a full disk) is opened read-only, without a file created beside it; the reason
 * is kept for `readOnlyReason`.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new DossierError('not_found', `No project at ${file}`);
  if (!exists) return createDatabase(file);
  const reason = whyReadOnly(file);
  if (reason) return openReadOnly(file, reason);
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, timeout: BUSY_TIMEOUT_MS });
    // Checked before anything writes (even a journal-mode change would touch a newer version's file).
    assertDossierFile(db, file);
    if (options.readonly) {
      readOnlyReasons.set(db, 'opened read-only');
      db.pragma('foreign_keys = ON');
      return db;
    }
    assertNotNewer(db, file);
    prepareWritable(db, file);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof DossierError) throw error;
    // SQLite could not make room for its log: the project can still be read.
    if (diskIsFull(error, file)) return openReadOnly(file, diskFullReason(file));
    throw openError(error, file);
  }
}

function createDatabase(file: string): Db {
  let db: Db | undefined;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    prepareWritable(db, file);
    return db;
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

function prepareWritable(db: Db, file: string): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  beginImmediately(db);
  migrate(db, file);
}

/**
 * Makes every transaction of this connection begin IMMEDIATE. A deferred transaction that reads and then writes
 * while another process writes fails at once with "database is locked": SQLite cannot wait for the write lock
 * there (its snapshot would be stale), whatever the busy timeout. Taking the write lock first lets it wait.
 */
function beginImmediately(db: Db): void {
  const make = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const t = make(fn);
    const immediate = t.immediate;
    return Object.assign((...args: never[]) => immediate(...args), {
      default: immediate,
      deferred: t.deferred,
      immediate,
      exclusive: t.exclusive,
      database: db,
    });
  }) as unknown as Db['transaction'];
}

/**
 * A project that may not be written, opened as an in-memory copy (see openSnapshot); an older schema is brought
 * up to date in that copy only.
 */
function openReadOnly(file: string, reason: string): Db {
  let db: Db;
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
  readOnlyReasons.set(db, reason);
  return db;
}

function upgradedCopy(db: Db, file: string): Db {
  const bytes = db.serialize();
  db.close();
  const copy = new Database(bytes);
  try {
    migrate(copy, file);
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

function assertDossierFile(db: Db, file: string): void {
  try {
    db.pragma('schema_version');
  } catch (error) {
    // Only "not a database" is said here; a full disk or an I/O error is for the caller to tell apart.
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw openError(error, file);
    throw error;
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
      n: number;
    };
    if (tables.n > 0)
      throw new DossierError('invalid_input', `${file} is an SQLite database but not a Dossier project`);
  }
}

function assertNotNewer(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new DossierError(
      'unsupported',
      `${file} was written by a newer version of Dossier (schema ${current}; this version reads up to ${LATEST_VERSION}). Update Dossier to open it; the file was not changed.`,
    );
  }
}

/** Applies every pending migration in one transaction; refuses files written by a newer Dossier. */
export function migrate(db: Db, file = 'project'): void {
  assertNotNewer(db, file);
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    // Development builds wrote files past version 3 without 0003; later migrations build on its columns.
    if (
      current >= 3 &&
      !db.prepare("SELECT 1 FROM pragma_table_info('claim_domains') WHERE name = 'document_id'").get()
    )
      db.exec(migration0003.up);
    for (const m of pending) db.exec(m.up);
    db.pragma(`user_version = ${LATEST_VERSION}`);
  })();
}

export function nowIso(): string {
  return new Date().toISOString();
}
