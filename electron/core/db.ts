import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DossierError } from './errors';
import { LATEST_VERSION, migrations } from './migrations';
import { migration0003 } from './migrations/0003-grid-indexes';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when it does not exist (default: false, a missing file is an error). */
  create?: boolean;
  readonly?: boolean;
}

/** Opens (or creates) a project file and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new DossierError('not_found', `No project at ${file}`);
  if (!exists) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    // Checked before anything writes (even a journal-mode change would touch a newer version's file).
    if (exists) assertDossierFile(db, file);
    if (!options.readonly) assertNotNewer(db, file);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertDossierFile(db: Db, file: string): void {
  try {
    db.pragma('schema_version');
  } catch {
    throw new DossierError('invalid_input', `${file} is not a Dossier project (not an SQLite database)`);
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
