import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import { callMethod } from '../../electron/core/api/dispatch';
import { migrate } from '../../electron/core/migrations';
import { openDefaultProject, type Project, closeProject } from '../../electron/core/project';
import { scratchProject } from '../support/scratchProject';
import { Store } from '../../electron/core/store';

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
  const s = scratchProject(codebook);
  cleanups.push(s.dispose);
  return s.p;
}

/** Two documents ("alpha beta gamma", "delta epsilon") and three domains, as an older file would hold them. */
export const OLD_PROJECT_ROWS = `
  INSERT INTO documents (id, title, format, content_hash, text, char_count, word_count, imported_at)
    VALUES (1, 'b', 'txt', 'h1', 'alpha beta gamma', 16, 3, 'now'), (2, 'A', 'txt', 'h2', 'delta epsilon', 13, 2, 'now');
`;

/**
 * A project file as a Dossier whose latest migration was `version` wrote it (the migrations up to it applied,
 * then `sql`), not yet opened by this one: for testing the migrations after it.
 */
export function projectFileAt(version: number, sql: string): string {
  const file = path.join(tempDir(), `v${version}.dossier`);
  const db = new Store(new Database(file));
  migrate(db, { to: version });
  db.exec(sql);
  db.close();
  return file;
}

/** The embedded sample project, created fresh in a temp data folder. */
export function sampleProject(): Project {
  const p = openDefaultProject(tempDir());
  cleanups.push(() => closeProject(p));
  return p;
}

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');

/** Runs the real CLI (bin/dossier.mjs) in a child process, as a script would. */
export function dossier(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'dossier.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Calls an API method through the dispatcher every door uses; a failure throws, naming its code. */
export async function callOk<M extends MethodName>(
  p: Project,
  name: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const r = await callMethod(p, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

/** The error an API call answers with (any input, hostile ones too); throws when the call succeeds. */
export async function callFailure(
  p: Project,
  name: string,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const r = await callMethod(p, name, input);
  if (r.ok) throw new Error(`${name} succeeded`);
  return r.error;
}
