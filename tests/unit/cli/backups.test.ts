import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { closeProject, openProject } from '../../../electron/core/project';
import { dossier, sampleProject } from '../helpers';

interface Listed {
  path: string;
  createdAt: string;
  reason: string;
  documents: number | null;
  claims: number | null;
}

function json<T>(...args: string[]): T {
  const r = dossier(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

async function deleteFirstClaim(file: string): Promise<void> {
  const p = openProject(file);
  try {
    const r = await callMethod(p, 'deleteClaim', { id: 1 });
    expect(r.ok).toBe(true);
  } finally {
    closeProject(p);
  }
}

const closedSample = (): string => {
  const p = sampleProject();
  closeProject(p);
  return p.path;
};

describe('dossier backup, backups, restore', () => {
  it('backs up when asked and lists backups newest first with path, date, documents and claims', async () => {
    const file = closedSample();
    expect(dossier('backups', file).stdout).toMatch(/^No backups yet \(they go in .*backups/);
    const first = json<Listed>('backup', file);
    expect(first).toMatchObject({ reason: 'manual', documents: 5, claims: 15 });
    expect(path.dirname(first.path)).toBe(path.join(path.dirname(file), 'backups', 'Sample'));
    await deleteFirstClaim(file);
    const second = json<Listed>('backup', file);
    const listed = json<Listed[]>('backups', file);
    expect(listed.map((b) => [b.path, b.createdAt, b.documents, b.claims])).toEqual([
      [second.path, second.createdAt, 5, 14],
      [first.path, first.createdAt, 5, 15],
    ]);
    const text = dossier('backups', file).stdout;
    expect(text).toContain(first.path);
    expect(text.split('\n')[0]).toMatch(/date\s+reason\s+documents\s+claims\s+path/);
  });

  it('restores a backup, keeping the state before as a backup', async () => {
    const file = closedSample();
    const made = json<Listed>('backup', file);
    await deleteFirstClaim(file);
    expect(json<unknown[]>('claims', file)).toHaveLength(14);
    const r = json<{ restored: Listed; before: Listed }>('restore', file, made.path);
    expect(r.restored).toMatchObject({ path: made.path, claims: 15 });
    expect(r.before).toMatchObject({ reason: 'before-restore', claims: 14 });
    expect(json<unknown[]>('claims', file)).toHaveLength(15);
    // A bare file name is a name in the project's backups folder.
    const back = dossier('restore', file, path.basename(r.before.path));
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/^Restored .* from .*14 claims/);
    expect(json<unknown[]>('claims', file)).toHaveLength(14);
  });

  it('refuses what is not a backup of this project, changing nothing', () => {
    const file = closedSample();
    json<Listed>('backup', file);
    const before = fs.readFileSync(file);
    for (const bad of ['/etc/passwd', `${path.dirname(file)}/backups/Sample/../../Sample.dossier`]) {
      const r = dossier('restore', file, bad);
      expect(r.code, bad).toBe(1);
      expect(r.stderr, bad).toMatch(/^dossier: .* is not a backup of this project/);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(dossier('restore', file).code).toBe(2);
  });

  it('a damaged project names its latest good backup, and restore brings it back', () => {
    const file = closedSample();
    const made = json<Listed>('backup', file);
    fs.writeFileSync(file, 'damaged '.repeat(2000));
    const r = dossier('claims', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The latest good backup is ${made.path}`);
    expect(r.stderr).toContain(`dossier restore "${file}" "${made.path}"`);
    // Its backups are listed all the same, to choose from.
    expect(json<Listed[]>('backups', file).map((b) => b.path)).toEqual([made.path]);
    const restored = dossier('restore', file, made.path);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/The damaged file was kept as .*\.damaged/);
    expect(json<unknown[]>('claims', file)).toHaveLength(15);
  });
});
