import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { getDocumentText } from '../../../electron/core/documents';
import { importPaths } from '../../../electron/core/import/importFiles';
import { tempDir, tempProject } from '../helpers';

// What the import report tells the analyst beyond imported/failed: an encoding that was guessed, and, when the
// project file itself stops taking writes, how far the import got.

const count = (p: ReturnType<typeof tempProject>, sql: string): number =>
  (p.db.prepare(sql).get() as { n: number }).n;

describe('the import report', () => {
  it('warns, per file, when a text was not valid UTF-8 and its encoding was guessed', async () => {
    const dir = tempDir();
    // "Côte d’Ivoire – €5" in Windows-1252: 0xF4, 0x92, 0x96, 0x80 are not UTF-8.
    const latin = Buffer.from([
      ...Buffer.from('C'),
      0xf4,
      ...Buffer.from('te d'),
      0x92,
      ...Buffer.from('Ivoire '),
      0x96,
      ...Buffer.from(' '),
      0x80,
      ...Buffer.from('5 pledged by the delegation.'),
    ]);
    fs.writeFileSync(path.join(dir, 'legacy.txt'), latin);
    fs.writeFileSync(path.join(dir, 'legacy.md'), Buffer.concat([Buffer.from('# Notes\n\n'), latin]));
    fs.writeFileSync(path.join(dir, 'modern.txt'), 'Côte d’Ivoire – €5 pledged by the delegation, in UTF-8.');
    const p = tempProject('empty');
    const r = await importPaths(p.db, [dir]);
    expect(r.imported).toHaveLength(3);
    expect(r.warnings).toEqual([
      { path: path.join(dir, 'legacy.md'), message: 'not valid UTF-8; read as windows-1252' },
      { path: path.join(dir, 'legacy.txt'), message: 'not valid UTF-8; read as windows-1252' },
    ]);
    const legacy = r.imported.find((d) => d.path.endsWith('legacy.txt'))!;
    expect(getDocumentText(p.db, legacy.id)).toBe('Côte d’Ivoire – €5 pledged by the delegation.');
  });

  it('stops at a full disk and says how many documents were committed before it; running it again adds the rest', async () => {
    const dir = tempDir();
    const files = 70;
    for (let i = 0; i < files; i++)
      fs.writeFileSync(
        path.join(dir, `report ${String(i).padStart(2, '0')}.txt`),
        `Report ${i}\n\n${Array.from({ length: 400 }, (_, k) => `word${(i * 7919 + k * 104729) % 100003}`).join(' ')}.`,
      );
    // Batches of 32 files (2,000 by default), so that the disk fills after the first of them.
    process.env.DOSSIER_IMPORT_BATCH_FILES = '32';
    onTestFinished(() => {
      delete process.env.DOSSIER_IMPORT_BATCH_FILES;
    });
    // How many pages the first batch (32 files) takes, measured on a project of its own.
    const probe = tempProject('empty');
    const empty = count(probe, 'SELECT page_count AS n FROM pragma_page_count()');
    const firstBatch = fs
      .readdirSync(dir)
      .sort()
      .slice(0, 32)
      .map((f) => path.join(dir, f));
    await importPaths(probe.db, firstBatch, { threaded: false });
    const perBatch = count(probe, 'SELECT page_count AS n FROM pragma_page_count()') - empty;

    // The project may grow by one batch and a little: SQLite answers SQLITE_FULL past max_page_count, as it does
    // when the disk is full. (threaded: false keeps the import on this connection, where the limit is set.)
    const p = tempProject('empty');
    const base = count(p, 'SELECT page_count AS n FROM pragma_page_count()');
    p.db.pragma(`max_page_count = ${base + perBatch + 4}`);
    await expect(importPaths(p.db, [dir], { threaded: false })).rejects.toThrow(
      'import stopped: the disk is full (or the project file reached its size limit). 32 documents were committed before it; importing the same files again adds the rest',
    );
    expect(count(p, 'SELECT count(*) AS n FROM documents')).toBe(32);
    expect(count(p, 'SELECT count(*) AS n FROM documents_fts')).toBe(32);

    p.db.pragma('max_page_count = 1073741823');
    const again = await importPaths(p.db, [dir], { threaded: false });
    expect(again.imported).toHaveLength(files - 32);
    expect(again.skipped).toHaveLength(32);
    expect(count(p, 'SELECT count(*) AS n FROM documents')).toBe(files);
  });
});
