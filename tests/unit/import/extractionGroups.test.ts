import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { threadExtractor } from '../../../electron/core/import/extractionWorker';
import {
  type ExtractJob,
  type ExtractResult,
  importWorkerSpec,
  runExtractJob,
} from '../../../electron/core/import/extractor';
import { makePdf, tempDir } from './helpers';

// Small files go to the extraction thread several to a message (issue 16: a message each way per file cost a
// fifth of a small file's import). What each file comes to must not depend on the company it travels in: the
// same document, warning or failure as when it is extracted alone, attributed to its own file; and a hostile
// file in a group costs the group nothing but its own failure.

let extractor: ReturnType<typeof threadExtractor> | null = null;
afterEach(async () => {
  await extractor?.close();
  extractor = null;
});

function start(): ReturnType<typeof threadExtractor> {
  const spec = importWorkerSpec();
  if (!spec) throw new Error('tests run from the TypeScript sources: the worker spec is always there');
  extractor = threadExtractor(spec);
  return extractor;
}

function job(file: string, extra: Partial<ExtractJob> = {}): ExtractJob {
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  return { name: path.basename(file), path: file, size, ...extra };
}

/** A PDF's original bytes as any thread sees them after a message: a Uint8Array (here, a Buffer). */
const asSent = (r: ExtractResult): ExtractResult =>
  r.ok && r.original ? { ...r, original: new Uint8Array(r.original) } : r;

/** The same job extracted on this thread (trusted files written by the test). */
const alone = async (jobs: ExtractJob[]): Promise<ExtractResult[]> =>
  (await Promise.all(jobs.map((j) => runExtractJob(j)))).map(asSent);

/** A Markdown list nested `levels` deep: marked's lexer takes seconds on 300 levels (its cost grows ~ n³). */
const deepList = (levels: number): string =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');

describe('files grouped into one message to the extraction thread', () => {
  it('gives each file the result it gets alone, failures on their own files, in far fewer messages', async () => {
    const dir = tempDir();
    const files: string[] = [];
    const put = (name: string, content: string | Uint8Array): void => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      files.push(file);
    };
    for (let i = 0; i < 30; i++) put(`report ${i}.txt`, `Report ${i}\n\nThe delegation of ${i} spoke.`);
    put('empty.txt', '');
    put('latin.txt', Buffer.from('Caf\xe9 cr\xe8me\n\nLe d\xe9l\xe9gu\xe9 a parl\xe9.', 'latin1'));
    put('binary.txt', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x07, 0x01, 0x02, 0x00, 0x00]));
    put('notes.md', '# Notes on the summit\n\nThe **ministers** met.\n\n- one\n- two');
    put(
      'page.html',
      '<html><head><title>Summit ends | Daily</title></head><body><p>The summit ended.</p></body></html>',
    );
    put('report.pdf', await makePdf());
    for (let i = 30; i < 40; i++) put(`report ${i}.txt`, `Report ${i}\n\nThe delegation of ${i} left.`);
    const jobs = files.map((f) => job(f));
    jobs.splice(5, 0, job(path.join(dir, 'missing.txt'), { size: 10 }));

    const ex = start();
    const grouped = await Promise.all(jobs.map((j) => ex.extract(j)));
    expect(grouped).toEqual(await alone(jobs));
    // Each file's own outcome, in its place.
    const byName = new Map(jobs.map((j, i) => [j.name, grouped[i]]));
    expect(byName.get('empty.txt')).toEqual({ ok: false, error: 'empty file' });
    expect(byName.get('binary.txt')).toEqual({ ok: false, error: 'binary data in a text file' });
    expect(byName.get('missing.txt')).toEqual({ ok: false, error: 'file not found' });
    expect(byName.get('latin.txt')).toMatchObject({
      ok: true,
      warnings: ['not valid UTF-8; read as windows-1252'],
    });
    expect(byName.get('report 7.txt')).toMatchObject({ ok: true, doc: { title: 'Report 7' } });
    expect(byName.get('report.pdf')).toMatchObject({ ok: true, doc: { format: 'pdf' } });
    // 47 files: the 46 small ones in groups of up to 64 and the PDF alone, not one message per file.
    expect(ex.messagesSent()).toBeLessThanOrEqual(4);
  });

  it('a file that runs out of time fails alone: the other files of its group import as they would alone', async () => {
    const dir = tempDir();
    const jobs: ExtractJob[] = [];
    for (let i = 0; i < 12; i++) {
      const file = path.join(dir, i === 6 ? 'slow list.md' : `report ${i}.txt`);
      fs.writeFileSync(file, i === 6 ? deepList(700) : `Report ${i}\n\nThe delegation of ${i} spoke.`);
      // 1 s for a small file (its group of 12 gets one such limit plus its bytes' allowance); the 700-level list
      // takes marked 2 s or more on an idle machine, so it runs out of time whatever the load.
      jobs.push(job(file, { timeLimitMs: 1_000 }));
    }
    const ex = start();
    const results = await Promise.all(jobs.map((j) => ex.extract(j)));
    expect(results[6]).toEqual({
      ok: false,
      error: expect.stringMatching(/^took longer than 1(\.\d)? s to extract; skipped$/),
    });
    const others = jobs.filter((_, i) => i !== 6);
    expect(results.filter((_, i) => i !== 6)).toEqual(await alone(others));
    expect(results.filter((r) => r.ok)).toHaveLength(11);
  });
});
