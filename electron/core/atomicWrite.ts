import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DossierError } from './errors';
import { canWrite } from './projectAccess';

/**
 * Replaces `target` with `data` so that it is either the old file or the whole new one, never a part: the bytes
 * go to a temporary file in the same folder (a rename is atomic only within one file system), which is flushed to
 * disk and then renamed over the target; the folder is flushed too where the platform allows, so that the rename
 * itself survives a power cut. On any failure (a full disk, a file size limit, a crash) the temporary file is
 * removed and the old file is untouched.
 *
 * Hand-written rather than `write-file-atomic`: that package does not flush the folder, and the rest is these
 * lines. A target that is a symbolic link is written through (the link stays); a new file keeps the old one's mode.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  writeFileAtomicWith(target, (write) => write(bytes));
}

/**
 * As writeFileAtomic, with the bytes written by `fill` chunk by chunk (a large export streams into the temporary
 * file instead of existing whole in memory). A throw from `fill` removes the temporary file and keeps the old one.
 */
export function writeFileAtomicWith(
  target: string,
  fill: (write: (chunk: Uint8Array) => void) => void,
): void {
  const file = realTarget(target);
  const dir = path.dirname(file);
  const old = statOrNull(file);
  if (old?.isDirectory()) throw new DossierError('invalid_input', `${target} is a folder`);
  // A rename could replace a file its owner made read-only: refuse, as writing it in place would.
  if (old && !canWrite(file))
    throw new DossierError('invalid_input', `could not write ${target}: the file is read-only`);
  const tmp = path.join(dir, `.${path.basename(file).slice(0, 200)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', old ? old.mode & 0o7777 : 0o666);
    const out = fd;
    fill((bytes) => {
      for (let at = 0; at < bytes.length;) at += fs.writeSync(out, bytes, at, bytes.length - at);
    });
    if (old) keepOwnerAndMode(fd, old);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw writeError(error, target, old !== null);
  }
  flushFolder(dir);
}

function realTarget(target: string): string {
  const abs = path.resolve(target);
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs;
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** The umask may have narrowed the mode; root writing someone's file should not take it over. */
function keepOwnerAndMode(fd: number, old: fs.Stats): void {
  fs.fchmodSync(fd, old.mode & 0o7777);
  if (process.getuid?.() === 0 && (old.uid !== 0 || old.gid !== 0)) {
    try {
      fs.fchownSync(fd, old.uid, old.gid);
    } catch {
      // Some file systems (FAT, network shares) have no owners: the content matters more.
    }
  }
}

/** Flushes the folder entry of the rename; Windows cannot open a folder for that, and needs no such flush. */
function flushFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // The new file is complete and in place; only its survival of a power cut right now is less certain.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function writeError(error: unknown, target: string, hadOld: boolean): DossierError {
  // What `fill` refused (a bad input found midway) keeps its own message.
  if (error instanceof DossierError) return error;
  const kept = hadOld ? '; the previous file is unchanged' : '';
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DossierError('disk_full', `could not write ${target}: the disk is full${kept}`);
    case 'EFBIG':
      return new DossierError(
        'disk_full',
        `could not write ${target}: the file is larger than this system allows${kept}`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DossierError(
        'invalid_input',
        `could not write ${target}: its folder cannot be written${kept}`,
      );
    case 'ENOENT':
      return new DossierError('invalid_input', `could not write ${target}: its folder does not exist`);
    default:
      return new DossierError('internal', `could not write ${target}: ${(error as Error).message}${kept}`);
  }
}
