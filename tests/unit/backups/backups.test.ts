import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { subscribe } from '../../../electron/core/changes';
import { backupsFolder } from '../../../electron/core/backups/location';
import { closeProject, openProject, type Project } from '../../../electron/core/project';
import type { MethodName, MethodOutput } from '../../../shared/api';
import type { StreamEvent } from '../../../shared/api/changes';
import { sampleProject, tempDir } from '../helpers';

async function call<M extends MethodName>(p: Project, name: M, input: unknown): Promise<MethodOutput<M>> {
  const r = await callMethod(p, name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

async function failure(
  p: Project,
  name: MethodName,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const r = await callMethod(p, name, input);
  if (r.ok) throw new Error(`${name} succeeded`);
  return r.error;
}

const claimIds = async (p: Project): Promise<number[]> =>
  (await call(p, 'listClaims', {})).map((c) => c.id).sort((a, b) => a - b);

const opened: Project[] = [];
afterEach(() => {
  while (opened.length) closeProject(opened.pop()!);
});

describe('backups of an open project', () => {
  it('backs up into backups/<project>/ beside the project, whole, and lists what it holds', async () => {
    const p = sampleProject();
    const made = await call(p, 'createBackup', {});
    const folder = path.join(path.dirname(p.path), 'backups', 'Sample');
    expect(path.dirname(made.path)).toBe(folder);
    expect(made).toMatchObject({ reason: 'manual', documents: 5, claims: 15 });
    // Nothing but the backup itself: no half-written copy, no log, no index file.
    expect(fs.readdirSync(folder)).toEqual([path.basename(made.path)]);
    // Listing opened it read-only without creating anything beside it.
    const listed = await call(p, 'listBackups', {});
    expect(listed).toEqual({ folder, backups: [made] });
    expect(fs.readdirSync(folder)).toEqual([path.basename(made.path)]);
    // It is a project in its own right, with the same claims.
    const copy = openProject(made.path);
    opened.push(copy);
    expect(await claimIds(copy)).toEqual(await claimIds(p));
  });

  it('lists newest first and ignores files that are not backups', async () => {
    const p = sampleProject();
    const first = await call(p, 'createBackup', {});
    await call(p, 'deleteClaim', { id: (await claimIds(p))[0] });
    const second = await call(p, 'createBackup', {});
    const folder = backupsFolder(p.path);
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine');
    fs.writeFileSync(path.join(folder, `.${path.basename(second.path)}.123.partial`), 'half');
    const { backups } = await call(p, 'listBackups', {});
    expect(backups.map((b) => [b.path, b.claims])).toEqual([
      [second.path, 14],
      [first.path, 15],
    ]);
  });

  it('lists the counts a backup noted in itself when it was made, counting only when it has none', async () => {
    const p = sampleProject();
    const made = await call(p, 'createBackup', {});
    const raw = new Database(made.path);
    const note = (): string =>
      raw.prepare("SELECT value FROM project_meta WHERE key = 'backup_contents'").pluck().get() as string;
    expect(JSON.parse(note())).toEqual({ documents: 5, claims: 15 });
    // The note is what listing reads (no count of every claim in every backup)…
    raw
      .prepare(
        'UPDATE project_meta SET value = \'{"documents":5,"claims":999}\' WHERE key = \'backup_contents\'',
      )
      .run();
    expect((await call(p, 'listBackups', {})).backups[0].claims).toBe(999);
    // …and without one (a backup made by another tool's copy), the claims are counted.
    raw.prepare("DELETE FROM project_meta WHERE key = 'backup_contents'").run();
    raw.close();
    expect((await call(p, 'listBackups', {})).backups[0].claims).toBe(15);
  });

  it('lists a backup that cannot be read with its problem instead of counts', async () => {
    const p = sampleProject();
    const made = await call(p, 'createBackup', {});
    fs.truncateSync(made.path, 4096);
    const [listed] = (await call(p, 'listBackups', {})).backups;
    expect(listed).toMatchObject({ path: made.path, documents: null, claims: null });
    expect(listed.problem).toBeTruthy();
  });

  it('restores in place: the deleted claim is back on the same connection, the state before is kept', async () => {
    const p = sampleProject();
    const all = await claimIds(p);
    const made = await call(p, 'createBackup', {});
    await call(p, 'deleteClaim', { id: all[0] });
    expect(await claimIds(p)).toEqual(all.slice(1));
    const events: StreamEvent[] = [];
    subscribe(p.db, (e) => events.push(e));
    const r = await call(p, 'restoreBackup', { path: made.path });
    expect(r.restored).toMatchObject({ path: made.path, claims: 15 });
    expect(r.before).toMatchObject({ reason: 'before-restore', claims: 14 });
    expect(await claimIds(p)).toEqual(all);
    // The backup's note of its counts stays in the backup.
    expect(p.db.prepare("SELECT 1 FROM project_meta WHERE key = 'backup_contents'").get()).toBeUndefined();
    // The undo history of the replaced state is gone (undoing the delete would now be wrong).
    expect((await call(p, 'historyState', {})).canUndo).toBe(false);
    // Every window is told that everything changed.
    expect(events.some((e) => e.type === 'changes' && e.docIds === null)).toBe(true);
    // Still a WAL project that takes edits, and other connections see the restored state.
    expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await call(p, 'deleteClaim', { id: all[1] });
    const other = openProject(p.path);
    opened.push(other);
    expect(await claimIds(other)).toEqual(all.filter((id) => id !== all[1]));
    // The state before the restore can itself be restored.
    await call(p, 'restoreBackup', { path: path.basename(r.before.path) });
    expect(await claimIds(p)).toEqual(all.slice(1));
  });

  it('refuses hostile paths and bad files with a clear error, changing nothing', async () => {
    const p = sampleProject();
    const made = await call(p, 'createBackup', {});
    const folder = backupsFolder(p.path);
    const outside = path.join(tempDir(), '2026-01-01T00-00-00.000Z.manual.dossier');
    fs.copyFileSync(made.path, outside);
    const random = path.join(folder, '2026-01-02T00-00-00.000Z.manual.dossier');
    fs.writeFileSync(random, 'not a database at all, '.repeat(500));
    const truncated = path.join(folder, '2026-01-03T00-00-00.000Z.manual.dossier');
    fs.writeFileSync(truncated, fs.readFileSync(made.path).subarray(0, 3 * 4096));
    const linked = path.join(folder, '2026-01-04T00-00-00.000Z.manual.dossier');
    fs.symlinkSync(outside, linked);
    const handNamed = path.join(folder, 'copy.dossier');
    fs.copyFileSync(made.path, handNamed);
    await call(p, 'deleteClaim', { id: (await claimIds(p))[0] });
    const before = await claimIds(p);
    const cases: [string, RegExp][] = [
      [outside, /not a backup of this project: only files in/],
      [`../${path.basename(p.path)}`, /not a backup of this project/],
      [path.join(folder, '..', '..', path.basename(p.path)), /not a backup of this project/],
      [random, /not a Dossier project/],
      [truncated, /damaged|not a Dossier project/],
      [linked, /it is a link/],
      [handNamed, /its name is not one Dossier gives/],
      [path.join(folder, 'missing.manual.dossier'), /no such file/],
      [folder, /not a backup of this project/],
    ];
    for (const [candidate, message] of cases) {
      const e = await failure(p, 'restoreBackup', { path: candidate });
      expect(e.code, candidate).toBe('invalid_input');
      expect(e.message, candidate).toMatch(message);
    }
    expect(await claimIds(p)).toEqual(before);
    // No safety backup was made for a refused restore.
    expect((await call(p, 'listBackups', {})).backups.filter((b) => b.reason === 'before-restore')).toEqual(
      [],
    );
  });

  it('refuses to restore into a project opened read-only', async () => {
    const p = sampleProject();
    const made = await call(p, 'createBackup', {});
    const ro = openProject(p.path);
    opened.push(ro);
    ro.readOnly = 'opened read-only';
    expect(await failure(ro, 'restoreBackup', { path: made.path })).toMatchObject({ code: 'read_only' });
  });
});
