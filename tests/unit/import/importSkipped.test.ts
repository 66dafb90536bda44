import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/import/importFiles';
import type { MethodOutput } from '../../../shared/api';
import {
  importOutcome,
  importProgress,
  importSummary,
  skipReason,
} from '../../../renderer/src/views/library/importReport';
import { tempDir, tempProject } from '../helpers';

type Job = MethodOutput<'importStatus'>;

const job = (report: Job['report'], progress: Partial<Job['progress']> = {}): Job => ({
  jobId: 'j1',
  state: 'done',
  report,
  progress: {
    total: 6,
    done: 6,
    imported: 0,
    skipped: 0,
    failed: 0,
    currentFile: '',
    bytesDone: 0,
    bytesTotal: 0,
    elapsedMs: 0,
    mbPerSec: 0,
    filesPerSec: 0,
    ...progress,
  },
  error: null,
  startedAt: '',
  finishedAt: null,
});

describe('a file skipped as already present', () => {
  it('names the document it matches (id and title)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Alpha headline\n\nBody a.');
    const p = tempProject('empty');
    const first = await importPaths(p.db, [dir]);
    fs.copyFileSync(path.join(dir, 'a.txt'), path.join(dir, 'copy of a.txt'));
    const second = await importPaths(p.db, [dir]);
    expect(second.imported).toEqual([]);
    expect(second.skipped).toEqual([
      {
        path: path.join(dir, 'a.txt'),
        reason: 'already present (same content)',
        existingId: first.imported[0].id,
        existingTitle: 'Alpha headline',
      },
      {
        path: path.join(dir, 'copy of a.txt'),
        reason: 'already present (same content)',
        existingId: first.imported[0].id,
        existingTitle: 'Alpha headline',
      },
    ]);
  });
});

describe('the import report in the Library', () => {
  const skipped = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      path: `p${i}.html`,
      reason: 'already present (same content)',
      existingId: i + 1,
      existingTitle: `Doc ${i + 1}`,
    }));

  it('is not green and does not say "0 imported" when every file was already there', () => {
    const j = job({ imported: [], skipped: skipped(6), failed: [], warnings: [] });
    expect(importOutcome(j, null)).toBe('nothing-new');
    expect(importSummary(j, 0)).toBe('Nothing new: 6 files already in the project');
    expect(importSummary(j, 2)).toBe('Nothing new: 6 files already in the project · 2 files skipped');
    expect(skipReason(skipped(1)[0])).toBe('already in the project as “Doc 1”');
  });

  it('is green when something came in and nothing failed, red on a failure', () => {
    const imported = [{ id: 9, title: 'New', path: 'n.txt' }];
    expect(importOutcome(job({ imported, skipped: skipped(1), failed: [], warnings: [] }), null)).toBe('ok');
    const failed = [{ path: 'x.pdf', error: 'encrypted PDF: password required' }];
    const j = job({ imported: [], skipped: [], failed, warnings: [] });
    expect(importOutcome(j, null)).toBe('with-failures');
    expect(importSummary(j, 0)).toBe('0 imported · 1 failed: 1 encrypted PDF');
  });

  it('fills the bar by the same counts its words give', () => {
    const running = job(
      { imported: [], skipped: [], failed: [], warnings: [] },
      { total: 6, done: 0, bytesDone: 500, bytesTotal: 1000 },
    );
    expect(importProgress(null, running)).toMatchObject({ fraction: 0, line: 'Importing 0 / 6 files' });
    const half = job({ imported: [], skipped: [], failed: [], warnings: [] }, { total: 6, done: 3 });
    expect(importProgress(null, half)).toMatchObject({ fraction: 0.5, line: 'Importing 3 / 6 files' });
    expect(importProgress({ files: 6, done: 6 }, null)).toMatchObject({
      fraction: 1,
      line: 'Reading 6 / 6 files',
    });
  });
});
