import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../../electron/core/project';
import { closeSession, startSession } from '../../../electron/core/projects';
import { createEmptyProject } from '../../../electron/core/projects/catalog';
import { dossier, tempDir } from '../helpers';

interface Listed {
  name: string;
  path: string;
  documents: number | null;
  claims: number | null;
  modified: string;
  sample: boolean;
  problem?: string;
}

describe('dossier projects', () => {
  it("lists the data folder's projects with path, documents, claims and modified (--json)", () => {
    const dir = tempDir();
    closeSession(startSession(dir, { autoBackups: false }));
    const made = createEmptyProject(dir, 'Ports study', 'defence-diplomacy');
    const p = openProject(made);
    p.db
      .prepare(
        "INSERT INTO documents (title, format, content_hash, text, char_count, word_count, imported_at) VALUES ('t', 'txt', 'h', 'abc', 3, 1, 'now')",
      )
      .run();
    closeProject(p);
    fs.writeFileSync(path.join(dir, 'Broken.dossier'), 'not a project'.repeat(100));

    const r = dossier('projects', '--data-dir', dir, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as Listed[];
    expect(listed.map((x) => [x.name, x.path, x.documents, x.claims, x.sample])).toEqual([
      ['Broken', path.join(dir, 'Broken.dossier'), null, null, false],
      ['Ports study', made, 1, 0, false],
      ['Sample', path.join(dir, 'Sample.dossier'), 5, 15, true],
    ]);
    expect(listed[0].problem).toBeTruthy();
    for (const x of listed) expect(Date.parse(x.modified)).toBeGreaterThan(0);

    const text = dossier('projects', '--data-dir', dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^name\s+documents\s+claims\s+modified/);
    expect(text.stdout).toMatch(/Sample \(sample\)\s+5\s+15/);
    // Listing opens nothing for writing: the first start has not happened for an empty folder.
    const empty = tempDir();
    expect(dossier('projects', '--data-dir', empty).stdout).toMatch(/^No projects in /);
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it('takes the data folder from DOSSIER_DATA_DIR', () => {
    const dir = tempDir();
    createEmptyProject(dir, 'Only', 'empty');
    const old = process.env.DOSSIER_DATA_DIR;
    process.env.DOSSIER_DATA_DIR = dir;
    try {
      const listed = JSON.parse(dossier('projects', '--json').stdout) as Listed[];
      expect(listed.map((x) => x.name)).toEqual(['Only']);
    } finally {
      if (old === undefined) delete process.env.DOSSIER_DATA_DIR;
      else process.env.DOSSIER_DATA_DIR = old;
    }
  });
});
