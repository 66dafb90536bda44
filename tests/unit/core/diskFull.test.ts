import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { writeFileAtomic } from '../../../electron/core/atomicWrite';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { closeProject, createProject, openProject } from '../../../electron/core/project';
import { REPO_ROOT, tempDir } from '../helpers';
import { listing, type TinyDisk, tinyDisk } from './tinyDisk';

const BIN = path.join(REPO_ROOT, 'bin', 'dossier.mjs');

const probe = tinyDisk(64);
if (typeof probe === 'string') console.warn(`disk-full tests skipped: ${probe}`);
else probe.remove();

let disk: TinyDisk | undefined;
afterEach(() => {
  disk?.remove();
  disk = undefined;
});

function newDisk(kib: number): TinyDisk {
  const d = tinyDisk(kib);
  if (typeof d === 'string') throw new Error(d);
  disk = d;
  return d;
}

function projectIn(dir: string): string {
  const file = path.join(dir, 'p.dossier');
  const p = createProject(file, 'empty');
  addDocument(p.db, { title: 'Memo', text: 'The allies signed a treaty on training.', format: 'txt' });
  createDomain(p.db, { name: 'Training' });
  closeProject(p);
  return file;
}

describe.runIf(typeof probe !== 'string')('a full disk (a real tmpfs filled up)', () => {
  it('opens a project on a full disk read-only and says the disk is full, not "not an SQLite database"', async () => {
    const d = newDisk(2048);
    const file = projectIn(d.dir);
    d.fill();
    const p = openProject(file);
    try {
      expect(p.readOnly).toMatch(/the disk holding it is full/);
      const docs = await callMethod(p, 'listDocuments', {});
      expect(docs.ok && (docs.value as { rows: unknown[] }).rows).toHaveLength(1);
      const r = await callMethod(p, 'createClaim', { docId: 1, start: 4, end: 10, domainIds: [1] });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('read_only');
        expect(r.error.message).toMatch(/open read-only.*the disk holding it is full/);
      }
    } finally {
      closeProject(p);
    }
  });

  it('a change that finds the disk full answers disk_full, and the project stays whole', async () => {
    const d = newDisk(2048);
    const file = projectIn(d.dir);
    const p = openProject(file);
    try {
      d.fill();
      const note = 'n'.repeat(90_000);
      const r = await callMethod(p, 'createClaim', { docId: 1, start: 4, end: 10, domainIds: [1], note });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('disk_full');
        expect(r.error.message).toMatch(/the disk holding this project is full: the change was not saved/);
      }
    } finally {
      closeProject(p);
    }
    d.free();
    const again = openProject(file);
    try {
      expect(again.readOnly).toBeUndefined();
      expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const claims = await callMethod(again, 'listClaims', {});
      expect(claims.ok && claims.value).toEqual([]);
    } finally {
      closeProject(again);
    }
  });

  it('an export that finds the disk full keeps the previous file byte-identical, with no temporary file', () => {
    const project = projectIn(tempDir());
    const d = newDisk(256);
    const out = path.join(d.dir, 'excerpts.md');
    // The analyst's previous report, and a disk with less room left than the new one needs.
    const previous = Buffer.from(`# Report checked by hand\n\n${'A paragraph kept as it is.\n'.repeat(100)}`);
    fs.writeFileSync(out, previous);
    d.fill();
    const r = spawnSync(process.execPath, [BIN, 'export', project, '--format', 'md', '--out', out], {
      encoding: 'utf8',
    });
    expect(fs.readFileSync(out).equals(previous)).toBe(true);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /could not write .*excerpts\.md: the disk is full; the previous file is unchanged/,
    );
    expect(listing(d.dir)).toEqual(['excerpts.md', 'filler']);
    // And straight through the helper every exporter uses.
    expect(() => writeFileAtomic(out, Buffer.alloc(64 * 1024, 'x'))).toThrow(/the disk is full/);
    expect(fs.readFileSync(out).equals(previous)).toBe(true);
    expect(listing(d.dir)).toEqual(['excerpts.md', 'filler']);
  });
});
