import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createProject, openDefaultProject, type Project, closeProject } from '../../electron/core/project';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A fresh temp folder removed after the test. */
export function tempDir(prefix = 'dossier-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new project file (real SQLite) in a temp folder, closed after the test. */
export function tempProject(codebook = 'defence-diplomacy'): Project {
  const p = createProject(path.join(tempDir(), 'test.dossier'), codebook);
  cleanups.push(() => closeProject(p));
  return p;
}

/** The embedded sample project, created fresh in a temp data folder. */
export function sampleProject(): Project {
  const p = openDefaultProject(tempDir());
  cleanups.push(() => closeProject(p));
  return p;
}

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
