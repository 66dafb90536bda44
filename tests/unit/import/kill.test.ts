import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createProject } from '../../../electron/core/project';
import { repoRoot, tempDir } from './helpers';

// A crash mid-import (kill -9) loses at most the batch in flight (each batch commits in one transaction, never
// in part); the project stays valid and running the same import again completes it without duplicates.

const WORDS = [
  'alliance',
  'training',
  'ammunition',
  'summit',
  'ministers',
  'cooperation',
  'drone',
  'exercise',
];

function makeCorpus(dir: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 1500 }, (_, k) => WORDS[(i * 31 + k * 7) % WORDS.length]);
    fs.writeFileSync(
      path.join(dir, `doc ${String(i).padStart(4, '0')}.txt`),
      `Report number ${i}\n\n${words.join(' ')} ${i}.\n`,
    );
  }
}

function counts(file: string): { docs: number; fts: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    return {
      docs: n('SELECT count(*) AS n FROM documents'),
      fts: n('SELECT count(*) AS n FROM documents_fts'),
    };
  } finally {
    db.close();
  }
}

describe('kill -9 during a CLI import', () => {
  it(
    'leaves a valid project, and re-running completes it with no duplicates',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir('dossier-kill-');
      const corpus = path.join(dir, 'corpus folder');
      fs.mkdirSync(corpus);
      makeCorpus(corpus, 1000);
      const project = path.join(dir, 'kill.dossier');
      createProject(project, 'empty').db.close();
      const bin = path.join(repoRoot, 'bin', 'dossier.mjs');

      const child = spawn(process.execPath, [bin, 'import', project, corpus, '--json'], { stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      let seen = 0;
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
        try {
          seen = counts(project).docs;
        } catch {
          continue;
        }
        if (seen >= 100) break;
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(seen).toBeGreaterThanOrEqual(100);

      const db = new Database(project);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // FTS5's own check: every indexed row matches its document.
      db.prepare("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')").run();
      db.close();
      const after = counts(project);
      expect(after.docs).toBeGreaterThanOrEqual(100);
      expect(after.docs).toBeLessThan(1000);
      expect(after.fts).toBe(after.docs);

      const rerun = spawnSync(process.execPath, [bin, 'import', project, corpus, '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
      });
      expect(rerun.status, rerun.stderr).toBe(0);
      const report = JSON.parse(rerun.stdout) as {
        imported: unknown[];
        skipped: { reason: string }[];
        failed: unknown[];
      };
      expect(report.failed).toEqual([]);
      expect(report.skipped.length).toBe(after.docs);
      expect(report.skipped.every((s) => s.reason === 'already present (same content)')).toBe(true);
      expect(report.imported.length).toBe(1000 - after.docs);
      const final = counts(project);
      expect(final.docs).toBe(1000);
      expect(final.fts).toBe(1000);
      const check = new Database(project, { readonly: true });
      const dupes = check
        .prepare(
          'SELECT count(*) AS n FROM (SELECT original_name FROM documents GROUP BY original_name HAVING count(*) > 1)',
        )
        .get() as { n: number };
      check.close();
      expect(dupes.n).toBe(0);
    },
  );
});
