import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomicWith } from '../atomicWrite';
import { DossierError } from '../errors';

// An export the window asks for is written to a private temporary file and handed over by a handle, instead of
// travelling as base64 inside one JSON answer (at 20,000 claims that answer was +94 MB of the core's peak): web
// mode streams the file to the browser (GET /api-download/<handle>), Electron copies it to the path the analyst
// chose. A handle is a 144-bit random name, good once, and forgotten after DOWNLOAD_TTL_MS.

/** How long an export waits to be fetched. */
export const DOWNLOAD_TTL_MS = 10 * 60_000;

export interface PreparedDownload {
  handle: string;
  fileName: string;
  mimeType: string;
  count: number;
  size: number;
}

interface Entry extends PreparedDownload {
  file: string;
  timer: NodeJS.Timeout;
}

const entries = new Map<string, Entry>();
let folder: string | null = null;

/** The process's own folder for prepared exports (0700), removed when the process exits. */
function downloadsFolder(): string {
  if (folder && fs.existsSync(folder)) return folder;
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-downloads-'));
  fs.chmodSync(folder, 0o700);
  const made = folder;
  process.once('exit', () => fs.rmSync(made, { recursive: true, force: true }));
  return folder;
}

function forget(handle: string): void {
  const e = entries.get(handle);
  if (!e) return;
  entries.delete(handle);
  clearTimeout(e.timer);
  fs.rmSync(e.file, { force: true });
}

/**
 * Has `write` make the export in a temporary file (streamed by exportExcerptsToFile, never whole in memory) and
 * offers it under a new handle. Loads no exporter itself, so that a door can import this module at start.
 */
export async function offerDownload(
  write: (file: string) => Promise<Omit<PreparedDownload, 'handle'>>,
): Promise<PreparedDownload> {
  const handle = randomBytes(18).toString('base64url');
  const file = path.join(downloadsFolder(), handle);
  const r = await write(file);
  const timer = setTimeout(() => forget(handle), DOWNLOAD_TTL_MS);
  // A waiting export never keeps a CLI or a test process alive.
  timer.unref();
  const prepared: PreparedDownload = {
    handle,
    fileName: r.fileName,
    mimeType: r.mimeType,
    count: r.count,
    size: r.size,
  };
  entries.set(handle, { ...prepared, file, timer });
  return prepared;
}

/** A prepared export being handed over: read `file`, then `release()` it (it is no longer offered). */
export interface TakenDownload extends PreparedDownload {
  file: string;
  release: () => void;
}

const HANDLE = /^[A-Za-z0-9_-]{24}$/;

/** The prepared export of a handle, taken (a second take finds nothing), or null when none is waiting. */
export function takeDownload(handle: string): TakenDownload | null {
  const e = HANDLE.test(handle) ? entries.get(handle) : undefined;
  if (!e) return null;
  entries.delete(handle);
  clearTimeout(e.timer);
  const { timer: _timer, ...rest } = e;
  return { ...rest, release: () => fs.rmSync(e.file, { force: true }) };
}

/** Drops a prepared export nobody will fetch (the analyst cancelled the save dialog). */
export function discardDownload(handle: string): void {
  forget(handle);
}

/** Electron: the prepared export written to the analyst's chosen path, atomically (the old file kept on failure). */
export function saveDownloadTo(handle: string, target: string): PreparedDownload {
  const taken = takeDownload(handle);
  if (!taken)
    throw new DossierError('not_found', 'this export is no longer waiting to be saved: export it again');
  try {
    writeFileAtomicWith(target, (write) => {
      const fd = fs.openSync(taken.file, 'r');
      try {
        const chunk = Buffer.allocUnsafe(1 << 20);
        for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0;) write(chunk.subarray(0, n));
      } finally {
        fs.closeSync(fd);
      }
    });
  } finally {
    taken.release();
  }
  const { file: _file, release: _release, ...prepared } = taken;
  return prepared;
}
