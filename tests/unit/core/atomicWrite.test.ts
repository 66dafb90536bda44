import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/core/atomicWrite';
import { addDocument } from '../../../electron/core/documents';
import { createClaim } from '../../../electron/core/claims';
import { createDomain } from '../../../electron/core/domains';
import { closeProject, createProject } from '../../../electron/core/project';
import { REPO_ROOT, tempDir } from '../helpers';
import { listing } from './tinyDisk';

const BIN = path.join(REPO_ROOT, 'bin', 'dossier.mjs');

/** A project whose exports are far larger than 64 KiB: one claim quoting a 200 KB document whole. */
function bigProject(dir: string): string {
  const file = path.join(dir, 'Big.dossier');
  const p = createProject(file, 'empty');
  // Words from a pseudo-random sequence, so that the zipped formats (.qdpx) stay large too.
  let seed = 7;
  const word = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed.toString(36);
  };
  const text = Array.from({ length: 30_000 }, word).join(' ');
  const docId = addDocument(p.db, { title: 'Long report', text, format: 'txt' }).id;
  const domain = createDomain(p.db, { name: 'Exercises' });
  createClaim(p.db, { docId, start: 0, end: text.length, domainIds: [domain] });
  closeProject(p);
  return file;
}

/**
 * Runs the CLI with a file size limit (`ulimit -f`): past it every write fails with EFBIG, as a disk that fills
 * midway would, in any process and without root. Node ignores SIGXFSZ, so the write fails instead of killing it.
 */
function exportUnderLimit(kib: number, ...args: string[]): { code: number; stderr: string } {
  const r = spawnSync('bash', ['-c', `ulimit -f ${kib} && exec "$0" "$@"`, process.execPath, BIN, ...args], {
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stderr: r.stderr };
}

describe('atomic file writes', () => {
  it('replaces a file whole, keeps its mode and leaves nothing beside it', () => {
    const dir = tempDir();
    const target = path.join(dir, 'excerpts.csv');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o640);
    writeFileAtomic(target, 'new content');
    expect(fs.readFileSync(target, 'utf8')).toBe('new content');
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(listing(dir)).toEqual(['excerpts.csv']);
  });

  it('writes through a symbolic link, which stays a link', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'report.md');
    fs.writeFileSync(real, 'old');
    const link = path.join(dir, 'report.md');
    fs.symlinkSync(real, link);
    writeFileAtomic(link, 'new');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
    expect(listing(path.join(dir, 'real'))).toEqual(['report.md']);
  });

  it('refuses to replace a read-only file, which stays as it was', () => {
    const dir = tempDir();
    const target = path.join(dir, 'kept.csv');
    fs.writeFileSync(target, 'keep me');
    fs.chmodSync(target, 0o444);
    expect(() => writeFileAtomic(target, 'new')).toThrow(/kept\.csv: the file is read-only/);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    expect(listing(dir)).toEqual(['kept.csv']);
  });

  it('a CLI export that fails midway leaves the previous file byte-identical and no temporary file', () => {
    const dir = tempDir();
    const project = bigProject(dir);
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(outDir);
    for (const [format, name] of [
      ['csv', 'excerpts.csv'],
      ['qdpx', 'project.qdpx'],
    ]) {
      const out = path.join(outDir, name);
      // The analyst's previous export: larger than nothing, smaller than the limit.
      const previous = Buffer.from(`previous ${format} export, checked by hand\n`.repeat(200));
      fs.writeFileSync(out, previous);
      // 64 KiB: room for SQLite's 32 KiB log index, not for the 200 KB export.
      const r = exportUnderLimit(64, 'export', project, '--format', format, '--out', out);
      expect(fs.readFileSync(out).equals(previous), `${format}: the previous file was changed`).toBe(true);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        /could not write .*: the file is larger than this system allows; the previous file is unchanged/,
      );
    }
    expect(listing(outDir)).toEqual(['excerpts.csv', 'project.qdpx']);
  });
});
