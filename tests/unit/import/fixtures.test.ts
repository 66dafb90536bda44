import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/import/importFiles';
import { sharedDir, tempProject } from './helpers';

// Every real-world fixture beside the repository either imports with readable text or fails with a clear reason.
const fixtures = path.join(sharedDir, 'fixtures');
const present = fs.existsSync(fixtures);
if (!present) console.warn(`skipping fixture import tests: ${fixtures} is absent`);

const EXPECTED_FAILURES: Record<string, string> = {
  'docx/mammoth/empty.docx': 'empty document (no text in the DOCX)',
  'docx/mammoth/external-picture.docx': 'empty document (no text in the DOCX)',
  'docx/mammoth/tiny-picture-target-base-relative.docx': 'empty document (no text in the DOCX)',
  'docx/mammoth/tiny-picture.docx': 'empty document (no text in the DOCX)',
  'md/markitdown-expected/MEDRPT-2024-PAT-3847_medical_report_scan.md': 'empty file',
  'pdf/encrypted/aes-128.pdf': 'encrypted PDF: password required',
  'pdf/encrypted/rc4-40.pdf': 'encrypted PDF: password required',
  'pdf/simple2.pdf': 'no text layer (scanned image?)',
};

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const normalise = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!present)('every file under ../shared/fixtures', () => {
  it('imports with readable text or fails with the expected reason', { timeout: 180_000 }, async () => {
    const p = tempProject();
    const report = await importPaths(p.db, [fixtures]);
    const rel = (f: string): string => path.relative(fixtures, f).split(path.sep).join('/');
    const outcome = new Map<string, string>();
    for (const i of report.imported) outcome.set(rel(i.path), 'imported');
    for (const s of report.skipped)
      outcome.set(rel(s.path), s.existingId ? 'imported' : `skipped: ${s.reason}`);
    for (const f of report.failed) outcome.set(rel(f.path), `failed: ${f.error}`);

    for (const file of walk(fixtures)) {
      const r = rel(file);
      const ext = path.extname(file).toLowerCase();
      const expected = EXPECTED_FAILURES[r]
        ? `failed: ${EXPECTED_FAILURES[r]}`
        : ['.html', '.pdf', '.docx', '.md', '.txt'].includes(ext)
          ? 'imported'
          : `skipped: unsupported file type "${ext || '(none)'}"`;
      expect(`${r} → ${outcome.get(r)}`).toBe(`${r} → ${expected}`);
    }

    const docs = p.db.prepare('SELECT title, text, format FROM documents').all() as {
      title: string;
      text: string;
      format: string;
    }[];
    expect(docs.length).toBeGreaterThan(100);
    for (const d of docs) {
      expect(d.text.trim().length, d.title).toBeGreaterThan(0);
      const controls = [...d.text].filter((c) => c < ' ' && c !== '\n' && c !== '\t').length;
      expect(controls, `control characters in ${d.title}`).toBe(0);
      const replacement = (d.text.match(/\uFFFD/g) ?? []).length;
      expect(replacement / d.text.length, `replacement characters in ${d.title}`).toBeLessThan(0.01);
    }
    const fts = p.db.prepare('SELECT count(*) AS n FROM documents_fts').get() as { n: number };
    expect(fts.n).toBe(docs.length);
  });

  it('extracts the title Readability expects (or it without the site name) for at least 90% of the HTML pages', () => {
    return (async () => {
      const { extractFile } = await import('../../../electron/core/import/extract');
      const { stripSiteName } = await import('../../../electron/core/import/titleChoice');
      const pages = walk(path.join(fixtures, 'html')).filter((f) => f.endsWith('source.html'));
      let matches = 0;
      const misses: string[] = [];
      for (const page of pages) {
        const expected = JSON.parse(
          fs.readFileSync(path.join(path.dirname(page), 'expected-metadata.json'), 'utf8'),
        ) as { title?: string | null; siteName?: string | null };
        const doc = await extractFile(page, fs.readFileSync(page));
        const want = normalise(expected.title);
        const got = normalise(doc.title);
        // Dossier cuts the site's name off a page title ("Title | Site"); a page without an expected title counts
        // when Dossier titles it by its text or its file name.
        const withoutSite = normalise(stripSiteName(expected.title ?? '', expected.siteName ?? ''));
        if (want === got || (want !== '' && withoutSite === got) || want === '') matches++;
        else misses.push(`${path.basename(path.dirname(page))}: "${want}" ≠ "${doc.title}"`);
      }
      expect(pages.length).toBeGreaterThan(50);
      expect(matches / pages.length, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    })();
  }, 120_000);
});
