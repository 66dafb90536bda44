import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject } from '../../../electron/core/project';
import { dossier, tempDir } from '../helpers';

// `dossier import` tells a script whether anything came in: exit code 3 when nothing was imported and some
// files failed, with the same --json report as always.

describe('dossier import exit codes', () => {
  it('exits 3 when every file failed, 0 when something was imported or all was already there', () => {
    const dir = tempDir();
    const project = path.join(dir, 'p.dossier');
    createProject(project, 'empty').db.close();
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'empty.txt'), '');
    fs.writeFileSync(path.join(bad, 'broken.pdf'), '%PDF-1.4 broken');

    const failed = dossier('import', project, bad, '--json');
    expect(failed.code).toBe(3);
    const report = JSON.parse(failed.stdout) as Record<string, unknown[]>;
    expect(Object.keys(report).sort()).toEqual(['failed', 'imported', 'skipped', 'warnings']);
    expect(report.imported).toEqual([]);
    expect(report.failed).toHaveLength(2);
    const text = dossier('import', project, bad);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/^0 imported, 0 skipped, 2 failed\n {2}failed: .*broken\.pdf: corrupt PDF/);

    const good = path.join(dir, 'good.txt');
    fs.writeFileSync(good, 'A report\n\nThe delegation spoke.');
    expect(dossier('import', project, good, path.join(bad, 'empty.txt')).code).toBe(0);
    // Already there: nothing imported, nothing failed.
    expect(dossier('import', project, good).code).toBe(0);
  });

  it('documents the exit codes in --help', () => {
    const help = dossier('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('3 import: nothing imported and some files failed');
  });
});
