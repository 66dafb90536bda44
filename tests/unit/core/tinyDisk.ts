import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TinyDisk {
  dir: string;
  /** Takes every byte left on the disk with a filler file. */
  fill: () => void;
  /** Gives the filler's room back. */
  free: () => void;
  remove: () => void;
}

/**
 * A real small disk (tmpfs) mounted on a temp folder, so that a full disk is a real ENOSPC from the kernel and
 * SQLite's SQLITE_FULL, not a simulation. Needs root with mount rights (CI runs as root on this machine); the
 * reason, as a string, where the system refuses.
 */
export function tinyDisk(kib: number): TinyDisk | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-disk-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim()})`;
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill: () => {
      const fd = fs.openSync(filler, 'a');
      try {
        // Big pieces first, then single bytes for the last page.
        for (const size of [64 * 1024, 4096, 1]) {
          const piece = Buffer.alloc(size);
          try {
            for (;;) fs.writeSync(fd, piece);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    free: () => fs.rmSync(filler, { force: true }),
    remove: () => {
      spawnSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The names in a folder, sorted: to check that nothing was left beside a file. */
export const listing = (dir: string): string[] => fs.readdirSync(dir).sort();
