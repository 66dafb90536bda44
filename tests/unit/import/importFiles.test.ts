import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { subscribe } from '../../../electron/core/changes/stream';
import { getDocumentAttributes, listAttributes } from '../../../electron/core/attributes';
import { getDocument } from '../../../electron/core/documents';
import { type Extractor, inlineExtractor } from '../../../electron/core/import/extractor';
import { emptyReport, importPaths, runImport } from '../../../electron/core/import/importFiles';
import { waitForImportJob } from '../../../electron/core/import/jobs';
import { makePdf, tempDir, tempProject } from './helpers';

function write(dir: string, rel: string, content: string | Uint8Array): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const count = (db: ReturnType<typeof tempProject>['db'], sql: string): number =>
  (db.prepare(sql).get() as { n: number }).n;

describe('importing folders', () => {
  it('walks folders recursively, skips hidden and unsupported files, reports every failure', async () => {
    const dir = tempDir();
    write(
      dir,
      'Session 70 - 2015/Côte d’Ivoire report.txt',
      'Abidjan statement\n\nThe delegation spoke first.',
    );
    write(dir, 'Session 70 - 2015/notes.md', '# Notes\n\nA short note.');
    write(dir, 'Session 70 - 2015/paper.pdf', await makePdf());
    write(dir, '.hidden/secret.txt', 'never imported');
    write(dir, '.DS_Store', 'junk');
    write(dir, 'table.xlsx', 'not supported');
    write(dir, 'empty.txt', '');
    write(dir, 'broken.pdf', '%PDF-1.4 broken');
    const p = tempProject();
    const r = await importPaths(p.db, [dir]);
    expect(r.imported.map((i) => path.basename(i.path)).sort()).toEqual([
      'Côte d’Ivoire report.txt',
      'notes.md',
      'paper.pdf',
    ]);
    expect(r.skipped.map((s) => [path.basename(s.path), s.reason]).sort()).toEqual([
      ['.DS_Store', 'hidden file'],
      ['.hidden', 'hidden folder'],
      ['table.xlsx', 'unsupported file type ".xlsx"'],
    ]);
    expect(Object.fromEntries(r.failed.map((f) => [path.basename(f.path), f.error]))).toEqual({
      'broken.pdf': expect.stringMatching(/^corrupt PDF/),
      'empty.txt': 'empty file',
    });
    const pdf = r.imported.find((i) => i.path.endsWith('paper.pdf'))!;
    const doc = getDocument(p.db, pdf.id);
    expect(doc.title).toBe('Alliance Training Report');
    expect(doc.format).toBe('pdf');
    expect(doc.originalName).toBe('paper.pdf');
    expect(doc.pages.map((pg) => pg.page)).toEqual([1, 2]);
    expect(count(p.db, 'SELECT count(*) AS n FROM documents_fts')).toBe(3);
  });

  it('re-running imports only what is missing', async () => {
    const dir = tempDir();
    write(dir, 'a.txt', 'Alpha headline\n\nBody a.');
    write(dir, 'b.txt', 'Beta headline\n\nBody b.');
    const p = tempProject();
    const first = await importPaths(p.db, [dir]);
    expect(first.imported).toHaveLength(2);
    write(dir, 'c.txt', 'Gamma headline\n\nBody c.');
    const second = await importPaths(p.db, [dir]);
    expect(second.imported.map((i) => path.basename(i.path))).toEqual(['c.txt']);
    expect(second.skipped.map((s) => s.reason)).toEqual([
      'already present (same content)',
      'already present (same content)',
    ]);
    expect(count(p.db, 'SELECT count(*) AS n FROM documents')).toBe(3);
  });

  it('refuses files over the size limit', async () => {
    const dir = tempDir();
    write(dir, 'big.txt', `Big file\n\n${'word '.repeat(400_000)}`);
    write(dir, 'small.txt', 'Small file\n\nfits.');
    const p = tempProject();
    const r = await importPaths(p.db, [dir], { maxSize: 2 ** 20 });
    expect(r.imported.map((i) => path.basename(i.path))).toEqual(['small.txt']);
    expect(r.failed).toEqual([
      { path: path.join(dir, 'big.txt'), error: 'over the size limit (1.9 MB > 1.0 MB)' },
    ]);
  });
});

describe('attributes at import', () => {
  it('reads typed values from file names with --attrs-from-path', async () => {
    const dir = tempDir();
    write(dir, 'Session 70 - 2015/FRA_70_2015.txt', 'France speech\n\nText of France.');
    write(dir, 'Session 71 - 2016/BRA_71_2016.txt', 'Brazil speech\n\nText of Brazil.');
    write(dir, 'README.txt', 'Read me\n\nAbout the corpus.');
    const p = tempProject();
    const r = await importPaths(p.db, [dir], { attrsFromPath: '{country}_{session}_{year}.txt' });
    expect(r.imported).toHaveLength(3);
    expect(r.warnings).toEqual([
      {
        path: path.join(dir, 'README.txt'),
        message: 'file name does not match "{country}_{session}_{year}.txt"',
      },
    ]);
    expect(listAttributes(p.db).map((a) => [a.name, a.type, a.documents])).toEqual([
      ['country', 'text', 2],
      ['session', 'number', 2],
      ['year', 'number', 2],
    ]);
    const bra = r.imported.find((i) => i.path.endsWith('BRA_71_2016.txt'))!;
    expect(getDocumentAttributes(p.db, bra.id)).toEqual({ country: 'BRA', session: 71, year: 2016 });
  });

  it('reads a CSV sidecar keyed by file name, including document fields', async () => {
    const dir = tempDir();
    write(dir, 'docs/one.txt', 'First headline\n\nBody one.');
    write(dir, 'docs/two.txt', 'Second headline\n\nBody two.');
    const csv = [
      'file,title,region,population,signed',
      'one.txt,Report One,Europe,"38,000,000",2024-05-01',
      'two.txt,,Asia,1200,2023-11-30',
      'three.txt,,Africa,5,2020-01-01',
    ].join('\n');
    const p = tempProject();
    const r = await importPaths(p.db, [path.join(dir, 'docs')], { metadataCsv: csv });
    expect(r.warnings).toEqual([{ path: 'three.txt', message: 'metadata CSV row matches no imported file' }]);
    const one = r.imported.find((i) => i.path.endsWith('one.txt'))!;
    expect(one.title).toBe('Report One');
    expect(getDocumentAttributes(p.db, one.id)).toEqual({
      region: 'Europe',
      population: 38000000,
      signed: '2024-05-01',
    });
    expect(listAttributes(p.db).map((a) => `${a.name}:${a.type}`)).toEqual([
      'population:number',
      'region:text',
      'signed:date',
    ]);
  });
});

describe('import jobs through the API', () => {
  it('imports uploaded files in the background and reports progress and failures', async () => {
    const p = tempProject();
    const files = [
      { name: 'a.txt', base64: Buffer.from('Uploaded headline\n\nUploaded body.').toString('base64') },
      { name: 'b.txt', base64: '' },
      { name: 'c.md', base64: Buffer.from('# Markdown upload\n\nText.').toString('base64') },
    ];
    const started = await callMethod(p, 'startImport', { files });
    expect(started.ok).toBe(true);
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    const done = await waitForImportJob(p.db, jobId);
    expect(done.state).toBe('done');
    expect(done.progress).toMatchObject({ total: 3, done: 3, imported: 2, failed: 1 });
    expect(done.report.failed).toEqual([{ path: 'b.txt', error: 'empty file' }]);
    const status = await callMethod(p, 'importStatus', { jobId });
    expect(status).toMatchObject({ ok: true, value: { state: 'done', jobId } });
    const missing = await callMethod(p, 'importStatus', { jobId: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const empty = await callMethod(p, 'startImport', {});
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('cancel after the first committed batch keeps that batch, intact, and leaves no half document', async () => {
    const dir = tempDir();
    const FILES = 3000;
    const texts = new Map<string, string>();
    // Enough files that the import is still going when the cancel arrives (progress is sent every 50 ms).
    for (let i = 0; i < FILES; i++) {
      const name = `f${String(i).padStart(4, '0')}.txt`;
      const text = `Headline ${i}\n\n${'text '.repeat(200)}${i}`;
      write(dir, name, text);
      texts.set(name, text);
    }
    const p = tempProject();
    // Batches of 32 (2,000 by default, more than the folder holds), so that the cancel falls between batches.
    process.env.DOSSIER_IMPORT_BATCH_FILES = '32';
    // Cancel as soon as the job's progress (the stream the doors forward) says a batch was committed.
    const seen: { cancelling?: Promise<unknown> } = {};
    let committedAtCancel = 0;
    const stop = subscribe(p.db, (e) => {
      if (e.type !== 'import' || e.progress.imported === 0 || seen.cancelling) return;
      committedAtCancel = e.progress.imported;
      seen.cancelling = callMethod(p, 'cancelImport', { jobId: e.jobId });
    });
    try {
      expect(await callMethod(p, 'startImport', { paths: [dir] })).toMatchObject({ ok: true });
      await vi.waitUntil(() => seen.cancelling !== undefined, { timeout: 60_000 });
      const cancelled = await seen.cancelling;
      expect(cancelled).toMatchObject({
        ok: true,
        value: { state: 'cancelled', report: { cancelled: true } },
      });
      const report = (cancelled as { value: { report: { imported: { id: number; path: string }[] } } }).value
        .report;
      const docs = count(p.db, 'SELECT count(*) AS n FROM documents');
      expect(committedAtCancel).toBeGreaterThan(0);
      expect(docs).toBe(report.imported.length);
      expect(docs).toBeGreaterThanOrEqual(committedAtCancel);
      expect(docs).toBeLessThan(FILES);
      // What was committed stays, whole: each document's text is its file's, and each is indexed for search.
      for (const d of report.imported)
        expect(getDocument(p.db, d.id).text).toBe(texts.get(path.basename(d.path)));
      expect(count(p.db, 'SELECT count(*) AS n FROM documents_fts')).toBe(docs);
    } finally {
      stop();
      delete process.env.DOSSIER_IMPORT_BATCH_FILES;
    }
    // Running it again completes the folder without duplicates.
    const again = await importPaths(p.db, [dir]);
    expect(again.imported.length + again.skipped.length).toBe(FILES);
    expect(count(p.db, 'SELECT count(*) AS n FROM documents')).toBe(FILES);
  });
});

describe('committing in batches', () => {
  it('a document that fails to store fails alone: the rest of its batch is imported, nothing of it is left', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 6 }, (_, i) => `report ${i}.txt`);
    const sources = names.map((name, i) => {
      const file = write(dir, name, `Report ${i}\n\nThe ministers met on day ${i}.`);
      return { path: file, name, size: fs.statSync(file).size, file };
    });
    // The extractor gives "report 3" two pages numbered 1: its document row is written, then its pages fail.
    const extractor: Extractor = {
      extract: async (job) => {
        const r = await inlineExtractor.extract(job);
        if (r.ok && job.name === 'report 3.txt')
          return {
            ok: true,
            doc: {
              ...r.doc,
              pages: [
                { page: 1, start: 0, end: 2 },
                { page: 1, start: 2, end: 4 },
              ],
            },
          };
        return r;
      },
      close: async () => undefined,
    };
    const p = tempProject();
    const report = await runImport(p.db, sources, emptyReport(), {}, extractor);
    expect(report.imported.map((i) => path.basename(i.path)).sort()).toEqual(
      names.filter((n) => n !== 'report 3.txt'),
    );
    expect(report.failed.map((f) => path.basename(f.path))).toEqual(['report 3.txt']);
    expect(report.failed[0].error).toMatch(/UNIQUE|constraint/i);
    expect(count(p.db, 'SELECT count(*) AS n FROM documents')).toBe(5);
    expect(count(p.db, 'SELECT count(*) AS n FROM documents_fts')).toBe(5);
    expect(count(p.db, "SELECT count(*) AS n FROM documents WHERE original_name = 'report 3.txt'")).toBe(0);
  });
});
