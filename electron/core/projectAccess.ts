import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether this process may write `p`. `access(2)` answers for an ordinary user (mode bits, ACLs, read-only
 * mounts). Root passes every access check but a read-only mount's, so for root a file or folder that has no write
 * bit at all counts as read-only too: its owner made it so on purpose, and opening it read-write would leave
 * journal files behind and change a file meant to stay as it is.
 */
export function canWrite(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
  } catch {
    return false;
  }
  if (process.getuid?.() !== 0) return true;
  try {
    return (fs.statSync(p).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}

/**
 * Why a project file cannot be opened for writing, or null when it can. SQLite keeps a write-ahead log and its
 * index (`-wal`, `-shm`) beside the file, so the folder must be writable too, unless both already exist writable.
 */
export function whyReadOnly(file: string): string | null {
  const abs = path.resolve(file);
  if (!canWrite(abs)) return 'the file is read-only';
  const dir = path.dirname(abs);
  if (canWrite(dir)) return null;
  if ([`${abs}-wal`, `${abs}-shm`].every((f) => fs.existsSync(f) && canWrite(f))) return null;
  return `its folder ${dir} cannot be written`;
}

/** Bytes free for this user on the disk holding `dir`, or null where the platform cannot say. */
export function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

// SQLite needs room for a page or two of log and 32 KiB of log index to open a project; below this, the disk is
// full for all practical purposes.
const NEARLY_FULL_BYTES = 256 * 1024;

/** True when a failure on `file` is (or is explained by) a full disk. */
export function diskIsFull(error: unknown, file: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return true;
  const free = freeBytes(path.dirname(path.resolve(file)));
  return free !== null && free < NEARLY_FULL_BYTES;
}
