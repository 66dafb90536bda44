import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdf, PdfPasswordError } from '../../../electron/core/import/pdf';
import { retryProtected } from '../../../electron/cli/commands/importPasswords';
import { createProject } from '../../../electron/core/project';
import { callOk, dossier, SHARED_DIR, tempDir, tempProject } from '../helpers';

// Encrypted PDFs: the empty password first (owner-only protection opens so), then the analyst's; a missing or
// wrong one is reported per file ('needed' / 'incorrect') so that a door can ask and import again; the password
// is never kept. Files encrypted by qpdf from ../shared's unencrypted base (or a generated one) in each cipher.

const BASE = path.join(SHARED_DIR, 'fixtures', 'pdf', 'encrypted', 'base.pdf');
const PASSWORD = 'S3cret-pw-7781';
const OWNER = 'owner-only-1234';
const CIPHERS = {
  'rc4-40': ['--allow-weak-crypto', '--encrypt', PASSWORD, OWNER, '40', '--'],
  'aes-128': ['--allow-weak-crypto', '--encrypt', PASSWORD, OWNER, '128', '--use-aes=y', '--'],
  'aes-256': ['--encrypt', PASSWORD, OWNER, '256', '--'],
  'owner-only': ['--encrypt', '', OWNER, '256', '--'],
} as const;
type Cipher = keyof typeof CIPHERS;

let dir = '';
const file = (c: Cipher): string => path.join(dir, `${c}.pdf`);
const haveTools = fs.existsSync(BASE) && spawnSync('qpdf', ['--version']).status === 0;

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  if (!haveTools) return;
  // Kept for the whole file (helpers' tempDir is removed after each test).
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pdfpw-'));
  for (const [name, args] of Object.entries(CIPHERS)) {
    const r = spawnSync('qpdf', [...args, BASE, path.join(dir, `${name}.pdf`)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`qpdf: ${r.stderr}`);
  }
});

const problem = async (bytes: Uint8Array, password?: string): Promise<string> => {
  try {
    await extractPdf(bytes, { password });
    return 'opened';
  } catch (error) {
    return error instanceof PdfPasswordError ? error.problem : String(error);
  }
};

describe.skipIf(!haveTools)('encrypted PDFs', () => {
  if (!haveTools) console.warn('skipped: needs qpdf and ../shared/fixtures/pdf/encrypted/base.pdf');

  it('opens an owner-only file with the empty password, even when a password is given', async () => {
    const bytes = fs.readFileSync(file('owner-only'));
    const plain = await extractPdf(fs.readFileSync(BASE));
    expect((await extractPdf(bytes)).text).toBe(plain.text);
    expect((await extractPdf(bytes, { password: 'not this one' })).text).toBe(plain.text);
  });

  it.each(['rc4-40', 'aes-128', 'aes-256'] as const)('%s: needed, incorrect, then opened', async (c) => {
    const bytes = fs.readFileSync(file(c));
    expect(await problem(bytes)).toBe('needed');
    expect(await problem(bytes, 'wrong')).toBe('incorrect');
    const doc = await extractPdf(bytes, { password: PASSWORD });
    expect(doc.text).toBe((await extractPdf(fs.readFileSync(BASE))).text);
    expect(doc.text.trim()).not.toBe('');
  });

  it('the import reports the problem per file, imports with the password, and keeps it nowhere', async () => {
    const p = tempProject();
    const f = file('aes-256');
    const run = async (passwords?: { path: string; password: string }[]) => {
      const job = await callOk(p, 'startImport', { paths: [f], passwords });
      return callOk(p, 'waitImport', { jobId: job.jobId });
    };
    const first = await run();
    expect(first.report.failed).toEqual([
      { path: f, error: 'encrypted PDF: password required', password: 'needed' },
    ]);
    const wrong = await run([{ path: f, password: 'nope' }]);
    expect(wrong.report.failed[0]).toMatchObject({ path: f, password: 'incorrect' });
    const right = await run([{ path: f, password: PASSWORD }]);
    expect(right.report.failed).toEqual([]);
    expect(right.report.imported).toHaveLength(1);
    expect(JSON.stringify(right)).not.toContain(PASSWORD);
    const status = await callOk(p, 'importStatus', { jobId: right.jobId });
    expect(JSON.stringify(status)).not.toContain(PASSWORD);
    // Not in the project file, its WAL or anything beside it (the edit log, the text, the meta).
    p.db.pragma('wal_checkpoint(TRUNCATE)');
    const folder = path.dirname(p.db.name);
    for (const name of fs.readdirSync(folder)) {
      const bytes = fs.readFileSync(path.join(folder, name));
      expect(bytes.includes(Buffer.from(PASSWORD)), name).toBe(false);
    }
  });

  it('retryProtected asks again on an incorrect password and lets the analyst skip', async () => {
    const p = tempProject();
    const paths = [file('rc4-40'), file('aes-128')];
    const job = await callOk(p, 'startImport', { paths });
    const { report } = await callOk(p, 'waitImport', { jobId: job.jobId });
    expect(report.failed.map((x) => x.password)).toEqual(['needed', 'needed']);
    const asked: string[] = [];
    const answers = new Map([
      [paths[0], ['wrong', PASSWORD]],
      [paths[1], [null]],
    ]);
    const out = await retryProtected(p, report, undefined, async (where, why) => {
      asked.push(`${path.basename(where)}:${why}`);
      return answers.get(where)!.shift() ?? null;
    });
    expect(asked).toEqual(['rc4-40.pdf:needed', 'rc4-40.pdf:incorrect', 'aes-128.pdf:needed']);
    expect(out.imported.map((d) => d.path)).toEqual([paths[0]]);
    expect(out.failed).toEqual([
      expect.objectContaining({
        path: paths[1],
        password: 'needed',
        error: expect.stringMatching(/--password/),
      }),
    ]);
  });

  it('dossier import --password; without one and no terminal, a clear failure (exit 3)', () => {
    const project = path.join(tempDir(), 'p.dossier');
    createProject(project, 'empty').db.close();
    const none = dossier('import', project, file('aes-128'));
    expect(none.code).toBe(3);
    expect(none.stdout).toContain(
      'encrypted PDF: password required (give it with --password, or run on a terminal',
    );
    const wrong = dossier('import', project, file('aes-128'), '--password', 'nope', '--json');
    expect(wrong.code).toBe(3);
    expect(JSON.parse(wrong.stdout).failed[0]).toMatchObject({ password: 'incorrect' });
    const ok = dossier('import', project, file('aes-128'), '--password', PASSWORD, '--json');
    expect(ok.code).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain(PASSWORD);
    expect(JSON.parse(ok.stdout).imported).toHaveLength(1);
    // The owner-only file needs nothing.
    expect(dossier('import', project, file('owner-only')).code).toBe(0);
  });
});
