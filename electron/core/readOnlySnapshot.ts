import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DossierError } from './errors';

type Db = Database.Database;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_HEADER_BYTES = 32;

/**
 * Opens a project that may not be written as an in-memory copy of it, read-only.
 *
 * Why a copy: a project is a WAL-mode database, and SQLite reading a WAL database by its path creates `-wal` and
 * `-shm` files beside it whenever the folder allows (left behind, read-only, for the file's owner to find), and
 * cannot read it at all where the folder does not. Its way around that (`immutable=1`) needs URI file names,
 * which better-sqlite3 is built without. The copy costs memory the size of the file and shows the project as it
 * was when opened.
 *
 * A log that still holds changes (a session that crashed, a writer elsewhere) is replayed on a private copy in
 * the temporary folder first, so that the copy holds every committed change.
 */
export function openSnapshot(file: string): Db {
  const bytes = hasLoggedChanges(file) ? replayedCopy(file) : fs.readFileSync(file);
  return snapshotOf(bytes, file);
}

/** A read-only in-memory database holding `bytes`, a whole project file. */
export function snapshotOf(bytes: Buffer, file: string): Db {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC))
    throw new DossierError('invalid_input', `${file} is not a Dossier project (not an SQLite database)`);
  // Header bytes 18 and 19 say "WAL mode", which an in-memory database cannot use; 1 (rollback journal) reads the
  // same pages.
  bytes[18] = 1;
  bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}

function hasLoggedChanges(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > WAL_HEADER_BYTES;
  } catch {
    return false;
  }
}

function replayedCopy(file: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-readonly-'));
  try {
    const copy = path.join(dir, 'project.dossier');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    // The copies keep the original's read-only mode; this process must write them to replay the log.
    for (const f of [copy, `${copy}-wal`]) fs.chmodSync(f, 0o600);
    const db = new Database(copy);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    return fs.readFileSync(copy);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
