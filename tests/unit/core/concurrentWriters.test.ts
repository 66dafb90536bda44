import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { closeProject, createProject } from '../../../electron/core/project';
import { REPO_ROOT, tempDir } from '../helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'dossier.mjs');

/** What the kernel says the process's main thread waits in ('hrtimer_nanosleep': SQLite's busy handler). */
function waitChannel(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/wchan`, 'utf8');
  } catch {
    return '';
  }
}

const canSeeWaits = fs.existsSync('/proc/self/wchan');

describe.runIf(canSeeWaits)('two writers at once (the CLI while a window or web mode writes)', () => {
  it('the second writer waits for the first instead of failing with "database is locked"', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.dossier');
    const p = createProject(file, 'empty');
    addDocument(p.db, { title: 'Memo', text: 'The allies signed a treaty on training.', format: 'txt' });
    createDomain(p.db, { name: 'Training' });
    closeProject(p);

    // The first writer: another connection in the middle of a write transaction (what web mode holds while it
    // saves), released only once the CLI is seen waiting for it.
    const first = new Database(file);
    first.exec('BEGIN IMMEDIATE');
    first.prepare("INSERT INTO project_meta (key, value) VALUES ('first writer', 'was here')").run();

    const cli = spawn(
      process.execPath,
      [BIN, 'tag', file, '--doc', '1', '--quote', 'treaty', '--domain', 'Training', '--json'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    cli.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    cli.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number>((resolve) => cli.on('exit', (code) => resolve(code ?? -1)));
    let done: number | undefined;
    void exited.then((code) => (done = code));

    // Wait on state: the CLI either sleeps in SQLite's busy handler (waiting for the lock) or has already ended.
    while (done === undefined && waitChannel(cli.pid!) !== 'hrtimer_nanosleep')
      await new Promise((resolve) => setTimeout(resolve, 10));
    first.exec('COMMIT');
    const code = await exited;
    first.close();

    expect(stderr).not.toMatch(/locked|busy/);
    expect(code, stderr).toBe(0);
    expect((JSON.parse(stdout) as { quote: string }).quote).toBe('treaty');
    const check = new Database(file, { readonly: true });
    try {
      expect(check.prepare("SELECT value FROM project_meta WHERE key = 'first writer'").get()).toEqual({
        value: 'was here',
      });
      expect(check.prepare('SELECT quote FROM claims').all()).toEqual([{ quote: 'treaty' }]);
    } finally {
      check.close();
    }
  });
});
