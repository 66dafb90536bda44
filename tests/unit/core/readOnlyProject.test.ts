import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { closeProject, createProject, openProject, type Project } from '../../../electron/core/project';
import { OLD_PROJECT_ROWS, projectFileAt, REPO_ROOT, tempDir } from '../helpers';
import { listing } from './tinyDisk';

const BIN = path.join(REPO_ROOT, 'bin', 'dossier.mjs');

/** A closed project with one document and one domain: nothing beside it but the file. */
function smallProject(dir: string): string {
  const file = path.join(dir, 'p.dossier');
  const p = createProject(file, 'empty');
  addDocument(p.db, { title: 'Memo', text: 'The allies signed a treaty on training.', format: 'txt' });
  createDomain(p.db, { name: 'Training' });
  closeProject(p);
  return file;
}

const digest = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function call<T>(p: Project, method: string, input: unknown = {}): Promise<T> {
  const r = await callMethod(p, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Opens `file`, reads through the API, tries a change, and checks the answer says read-only for `reason`. */
async function expectReadOnly(file: string, reason: RegExp): Promise<void> {
  const p = openProject(file);
  try {
    expect(p.readOnly).toMatch(reason);
    const info = await call<{ readOnly: boolean; readOnlyReason?: string; documents: number }>(
      p,
      'getProject',
    );
    expect(info).toMatchObject({ readOnly: true, documents: 1 });
    expect(info.readOnlyReason).toMatch(reason);
    const [doc] = (await call<{ rows: { id: number }[] }>(p, 'listDocuments')).rows;
    const [domain] = await call<{ id: number }[]>(p, 'listDomains');
    await call(p, 'getMatrix', {});
    const r = await callMethod(p, 'createClaim', {
      docId: doc.id,
      start: 4,
      end: 10,
      domainIds: [domain.id],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('read_only');
      expect(r.error.message).toMatch(/this project is open read-only: nothing was changed/);
      expect(r.error.message).toMatch(reason);
    }
  } finally {
    closeProject(p);
  }
}

describe('a project that may not be written', () => {
  // Tests run as root, whom mode bits do not stop: these check the rule that a file or folder without any write
  // bit is read-only for root too. The tests below them run the CLI as "nobody", where access(2) itself says no.
  it('a read-only file (0444) opens read-only: reads work, a change answers read_only, nothing is created', async () => {
    const dir = tempDir();
    const file = smallProject(dir);
    fs.chmodSync(file, 0o444);
    const before = digest(file);
    await expectReadOnly(file, /the file is read-only/);
    expect(listing(dir)).toEqual(['p.dossier']);
    expect(digest(file)).toBe(before);
  });

  it('a project in a folder that cannot be written (0555) opens read-only, nothing is created', async () => {
    const dir = tempDir();
    const file = smallProject(dir);
    const before = digest(file);
    fs.chmodSync(dir, 0o555);
    try {
      await expectReadOnly(file, /its folder .* cannot be written/);
      expect(listing(dir)).toEqual(['p.dossier']);
      expect(digest(file)).toBe(before);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });

  it('shows the changes a crashed session left in its log, and leaves the log as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.dossier');
    const live = createProject(file, 'empty');
    addDocument(live.db, { title: 'Memo', text: 'Committed before the crash.', format: 'txt' });
    createDomain(live.db, { name: 'Training' });
    // The files as a crash leaves them: the document is only in the -wal. Copied while the writer is open.
    const crashed = path.join(tempDir(), 'crashed');
    fs.mkdirSync(crashed);
    for (const suffix of ['', '-wal', '-shm'])
      fs.copyFileSync(`${file}${suffix}`, path.join(crashed, `p.dossier${suffix}`));
    closeProject(live);
    const copy = path.join(crashed, 'p.dossier');
    expect(fs.statSync(`${copy}-wal`).size).toBeGreaterThan(32);
    const before = ['', '-wal', '-shm'].map((s) => digest(`${copy}${s}`));
    for (const s of ['', '-wal', '-shm']) fs.chmodSync(`${copy}${s}`, 0o444);
    await expectReadOnly(copy, /the file is read-only/);
    expect(listing(crashed)).toEqual(['p.dossier', 'p.dossier-shm', 'p.dossier-wal']);
    expect(['', '-wal', '-shm'].map((s) => digest(`${copy}${s}`))).toEqual(before);
  });

  it('reads a read-only project of an older schema, upgraded in memory only', async () => {
    const file = projectFileAt(5, OLD_PROJECT_ROWS);
    fs.chmodSync(file, 0o444);
    const before = digest(file);
    const p = openProject(file);
    try {
      expect(p.readOnly).toBe('the file is read-only');
      const docs = (await call<{ rows: { title: string }[] }>(p, 'listDocuments')).rows;
      expect(docs.map((d) => d.title).sort()).toEqual(['A', 'b']);
      await call(p, 'getMatrix', {});
    } finally {
      closeProject(p);
    }
    expect(digest(file)).toBe(before);
    expect(listing(path.dirname(file))).toEqual([path.basename(file)]);
  });
});

const setpriv = spawnSync('setpriv', ['--version']).status === 0;

/** The CLI as the unprivileged user "nobody", for whom permissions are enforced by the kernel itself. */
function asNobody(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args],
    { encoding: 'utf8', env: { ...process.env, HOME: '/tmp', NO_COLOR: '1' } },
  );
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe.runIf(setpriv)('a project another user owns, through the CLI as "nobody"', () => {
  function checkCli(dir: string, file: string, reason: RegExp): void {
    const before = listing(dir);
    const docs = asNobody('docs', file, '--json');
    expect(docs.code, docs.stderr).toBe(0);
    expect((JSON.parse(docs.stdout) as { title: string }[]).map((d) => d.title)).toEqual(['Memo']);
    expect(docs.stderr).toMatch(/is open read-only/);
    expect(docs.stderr).toMatch(reason);
    const tag = asNobody('tag', file, '--doc', '1', '--quote', 'treaty', '--domain', 'Training');
    expect(tag.code).toBe(1);
    expect(tag.stderr).toMatch(/dossier: this project is open read-only: nothing was changed/);
    expect(listing(dir)).toEqual(before);
  }

  it('a file only its owner (root) may write, in a folder anyone may write: read-only, no stray -wal/-shm left', () => {
    const dir = tempDir();
    const file = smallProject(dir);
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(file, 0o644);
    checkCli(dir, file, /the file is read-only/);
  });

  it('a file anyone may write, in a folder only root may write: read-only, not "not an SQLite database"', () => {
    const dir = tempDir();
    const file = smallProject(dir);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(file, 0o666);
    checkCli(dir, file, /its folder .* cannot be written/);
  });
});
