import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { disableAutoBackups, enableAutoBackups, maybeBackup } from '../../../electron/core/backups/auto';
import { listBackups } from '../../../electron/core/backups/create';
import { backupsFolder } from '../../../electron/core/backups/location';
import { openCheckedProject, restoreProjectFile } from '../../../electron/core/backups';
import { closeProject, openProject, type Project } from '../../../electron/core/project';
import { sampleProject } from '../helpers';

const opened: Project[] = [];
afterEach(() => {
  while (opened.length) {
    const p = opened.pop()!;
    disableAutoBackups(p);
    closeProject(p);
  }
});

async function ok(p: Project, name: string, input: unknown): Promise<unknown> {
  const r = await callMethod(p, name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A closed sample project with one good backup, and that backup's path. */
async function projectWithBackup(): Promise<{ file: string; backup: string }> {
  const p = sampleProject();
  const backup = ((await ok(p, 'createBackup', {})) as { path: string }).path;
  closeProject(p);
  return { file: p.path, backup };
}

/** Overwrites every page after the first two with garbage (the header stays: SQLite still opens the file). */
function damagePages(file: string): void {
  const bytes = fs.readFileSync(file);
  for (let i = 2 * 4096; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
  fs.writeFileSync(file, bytes);
}

/** Overwrites the first page of one table with garbage: the file still opens, SQLite's page check fails. */
function damageTable(file: string, table: string): void {
  const raw = new Database(file);
  const root = raw.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  raw.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0xaa), 0, 4096, (root - 1) * 4096);
  fs.closeSync(fd);
}

describe('a damaged project', () => {
  it('that fails quick_check is refused with the latest good backup and how to restore it', async () => {
    const { file, backup } = await projectWithBackup();
    damageTable(file, 'claims');
    // It opens (SQLite reads no claim to open it) …
    const opens = openProject(file);
    closeProject(opens);
    // … but not for the app, which checks its pages first.
    await expect(openCheckedProject(file)).rejects.toThrow(/SQLite's check of its pages failed/);
    await expect(openCheckedProject(file)).rejects.toThrow(
      new RegExp(
        `is damaged: .*The latest good backup is ${backup.replaceAll('.', '\\.')} \\(.*5 documents, 15 claims\\): restore it with  dossier restore`,
      ),
    );
  });

  it('that is not a database any more says so, with the backup', async () => {
    const { file, backup } = await projectWithBackup();
    fs.writeFileSync(file, 'x'.repeat(10_000));
    await expect(openCheckedProject(file)).rejects.toThrow(
      /is damaged: .*not a Dossier project.*The latest good backup is/,
    );
    await expect(openCheckedProject(file)).rejects.toThrow(backup);
  });

  it('without a backup says there is none', async () => {
    const p = sampleProject();
    closeProject(p);
    damagePages(p.path);
    await expect(openCheckedProject(p.path)).rejects.toThrow(/There is no good backup of it in .*backups/);
  });

  it('is restored from its file: the damaged file kept aside, the project opens with its claims', async () => {
    const { file, backup } = await projectWithBackup();
    fs.writeFileSync(file, 'x'.repeat(10_000));
    fs.writeFileSync(`${file}-wal`, 'stale log');
    const r = await restoreProjectFile(file, backup);
    expect(r.restored).toBe(backup);
    expect(fs.readFileSync(r.damagedCopy!, 'utf8')).toBe('x'.repeat(10_000));
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const p = await openCheckedProject(file);
    opened.push(p);
    expect(((await ok(p, 'listClaims', {})) as unknown[]).length).toBe(15);
    // The raw copy is not offered as a backup.
    expect(listBackups(file).map((b) => b.path)).toEqual([backup]);
  });

  it('open in place is restored too, keeping a raw copy when it cannot be backed up', async () => {
    const { file, backup } = await projectWithBackup();
    const p = openProject(file);
    opened.push(p);
    const db = p.db;
    // Damage the claims' pages under the open connection.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const rootpage = db
      .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'claims'")
      .pluck()
      .get() as number;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xaa), 0, 4096, (rootpage - 1) * 4096);
    fs.closeSync(fd);
    const r = await callMethod(p, 'restoreBackup', { path: backup });
    if (!r.ok) throw new Error(r.error.message);
    const value = r.value as { before: { path: string; problem?: string } };
    expect(value.before.path).toMatch(/\.damaged$/);
    expect(value.before.problem).toMatch(/is damaged/);
    expect(((await ok(p, 'listClaims', {})) as unknown[]).length).toBe(15);
  });
});

describe('automatic backups', () => {
  it('are opt-in: a door that did not turn them on writes no backup', async () => {
    const p = sampleProject();
    await ok(p, 'deleteClaim', { id: 1 });
    expect(fs.existsSync(backupsFolder(p.path))).toBe(false);
  });

  it('back up on open when the newest is older than the interval, then every interval of edits', async () => {
    const p = sampleProject();
    opened.push(openProject(p.path)); // keeps the file open while p is
    const t0 = new Date();
    const first = await enableAutoBackups(p, { minutes: 5 }, t0);
    expect(first).toMatchObject({ reason: 'auto', claims: 15 });
    const at = (minutes: number): Date => new Date(t0.getTime() + minutes * 60_000);
    // Without an edit, no backup however long it has been.
    expect(await maybeBackup(p, at(6))).toBeNull();
    // An edit (reported by the dispatcher) within the interval waits for it…
    await ok(p, 'deleteClaim', { id: 1 });
    expect(listBackups(p.path)).toHaveLength(1);
    expect(await maybeBackup(p, at(2))).toBeNull();
    // …and is backed up once it is up; with no edit since, nothing more.
    expect(await maybeBackup(p, at(7))).toMatchObject({ reason: 'auto', claims: 14 });
    expect(await maybeBackup(p, at(20))).toBeNull();
    expect(listBackups(p.path).map((b) => b.claims)).toEqual([14, 15]);
    // Opened again a minute after the newest backup: nothing new.
    expect(await enableAutoBackups(p, { minutes: 5 }, at(8))).toBeNull();
    expect(listBackups(p.path)).toHaveLength(2);
    disableAutoBackups(p);
  });

  it('prune what the retention policy does not keep', async () => {
    const p = sampleProject();
    const folder = backupsFolder(p.path);
    // Noon on a fixed day, local time: the twelve backups fall on one day whatever the time zone.
    const base = new Date(2026, 0, 15, 12, 0, 0).getTime();
    for (let i = 0; i < 12; i++) {
      await enableAutoBackups(p, { minutes: 0 }, new Date(base + i * 1000));
    }
    disableAutoBackups(p);
    const names = fs.readdirSync(folder).sort();
    expect(names).toHaveLength(10);
    expect(path.basename(listBackups(p.path)[0].path)).toBe(names[names.length - 1]);
  });
});
