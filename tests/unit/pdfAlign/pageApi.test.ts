import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/import/importFiles';
import { callFailure, callOk, SHARED_DIR, tempDir, tempProject } from '../helpers';

// getDocumentOriginal and getPageAlignment through the dispatcher every door uses, on a real PDF imported into a
// real project: the bytes are the file's, the page view works after the file is gone, bad requests are refused.

const fixture = path.join(SHARED_DIR, 'fixtures', 'pdf', 'papers', 'naacl06-shinyama.pdf');
const present = fs.existsSync(fixture);
if (!present) console.warn(`skipping page API tests: ${fixture} is absent`);

async function importedPdf() {
  const p = tempProject();
  const file = path.join(tempDir(), 'paper.pdf');
  fs.copyFileSync(fixture, file);
  const report = await importPaths(p.db, [file]);
  expect(report.failed).toEqual([]);
  return { p, file, id: report.imported[0].id, bytes: fs.readFileSync(file) };
}

describe.skipIf(!present)('page view API', () => {
  it(
    'keeps the PDF in the project: its bytes after the file is gone, and each page aligned',
    { timeout: 60_000 },
    async () => {
      const { p, file, id, bytes } = await importedPdf();
      fs.rmSync(file);
      const original = await callOk(p, 'getDocumentOriginal', { id });
      expect(original.mediaType).toBe('application/pdf');
      expect(original.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(Buffer.from(original.base64, 'base64').equals(bytes)).toBe(true);
      const doc = await callOk(p, 'getDocument', { id });
      const a = await callOk(p, 'getPageAlignment', { docId: id, page: 2 });
      expect({ start: a.start, end: a.end }).toEqual({ start: doc.pages[1].start, end: doc.pages[1].end });
      expect(a.unaligned).toEqual([]);
      expect(a.unmapped).toBe(0);
      expect(a.items.flat().filter((o) => o >= 0).length).toBe(
        doc.text.slice(a.start, a.end).replace(/\s/g, '').length,
      );
      // Kept after the first view.
      expect(p.db.prepare('SELECT count(*) FROM page_alignments WHERE document_id = ?').pluck().get(id)).toBe(
        1,
      );
      expect(await callOk(p, 'getPageAlignment', { docId: id, page: 2 })).toEqual(a);
    },
  );

  it(
    'a re-import of the same PDF shares one original; hostile requests are refused',
    { timeout: 60_000 },
    async () => {
      const { p, file, id } = await importedPdf();
      const again = await importPaths(p.db, [file]);
      expect(again.skipped[0]).toMatchObject({ existingId: id });
      expect(p.db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(1);
      expect(await callFailure(p, 'getPageAlignment', { docId: id, page: 99 })).toMatchObject({
        code: 'not_found',
      });
      expect(await callFailure(p, 'getPageAlignment', { docId: id, page: 0 })).toMatchObject({
        code: 'invalid_input',
      });
      expect(await callFailure(p, 'getDocumentOriginal', { id: 9999 })).toMatchObject({ code: 'not_found' });
      expect(await callFailure(p, 'getDocumentOriginal', { id: '1; DROP' })).toMatchObject({
        code: 'invalid_input',
      });
    },
  );

  it('a document with no original (a text file) says why', async () => {
    const p = tempProject();
    const file = path.join(tempDir(), 'note.txt');
    fs.writeFileSync(file, 'plain text, no pages');
    const { imported } = await importPaths(p.db, [file]);
    const e = await callFailure(p, 'getDocumentOriginal', { id: imported[0].id });
    expect(e.code).toBe('not_found');
    expect(e.message).toMatch(/no original file/);
    expect(await callFailure(p, 'getPageAlignment', { docId: imported[0].id, page: 1 })).toMatchObject({
      code: 'not_found',
    });
  });
});
