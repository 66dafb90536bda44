import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { CSV_COLUMNS } from '../../../electron/core/export/csv';
import { resolveNamedFilter } from '../../../electron/core/export/filter';
import { closeProject } from '../../../electron/core/project';
import { buildFixture, docText, type Fixture, sliceCodePoints } from './fixture';

let f: Fixture;
beforeAll(() => {
  f = buildFixture();
});
afterAll(() => closeProject(f.project));

async function csvRows(filter = {}, bom = false): Promise<{ raw: string; rows: Record<string, string>[] }> {
  const r = await exportExcerpts(f.project.db, 'Fixture', 'csv', filter, { bom });
  const raw = Buffer.from(r.bytes).toString('utf8');
  const rows = parse(raw.replace(/^\uFEFF/, ''), { columns: true, relax_column_count: false }) as Record<
    string,
    string
  >[];
  expect(rows.length).toBe(r.count);
  return { raw, rows };
}

describe('CSV export', () => {
  it('writes one row per claim × domain with the columns in order and CRLF record ends', async () => {
    const { raw, rows } = await csvRows();
    expect(raw.split('\r\n')[0]).toBe(CSV_COLUMNS.map(([, label]) => label).join(','));
    const expected = f.project.db.prepare('SELECT count(*) AS n FROM claim_domains').get() as { n: number };
    expect(rows.length).toBe(expected.n);
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.startsWith('\uFEFF')).toBe(false);
  });

  it('gives every quote exactly as the document text at its code-point offsets', async () => {
    const { rows } = await csvRows();
    for (const r of rows) {
      const text = docText(f, Number(r['document id']));
      expect(sliceCodePoints(text, Number(r.start), Number(r.end))).toBe(r.quote);
    }
    // The emoji before the claim make code points differ from UTF-16 offsets.
    const emojiRow = rows.find((r) => r.quote.startsWith('𝔘𝔫'));
    const text = docText(f, f.docs.emoji);
    expect(Number(emojiRow?.start)).toBeLessThan(text.indexOf('𝔘𝔫'));
  });

  it('fills citation columns: title, source, date, parent domain, grading, page for PDFs', async () => {
    const { rows } = await csvRows();
    const first = rows.find((r) => r.quote.startsWith('The alliance') && r.domain === 'Training');
    expect(first).toMatchObject({
      document: 'Speech with emoji 🛡️',
      source: 'Ministry <press>',
      date: '2024-05-01',
      'parent domain': 'Cooperation',
      actor: 'NATO',
      stance: 'supports',
      grading: 'B2',
      analyst: 'Ana Lyst',
      page: '',
    });
    expect(first?.note).toBe('Note with <script>alert(1)</script> & *stars*\nsecond line');
    expect(rows.find((r) => r.quote === 'intelligence sharing expanded')?.page).toBe('2');
    expect(rows.find((r) => r.quote === 'missions ended')?.page).toBe('3');
  });

  it('starts with a BOM only when asked', async () => {
    const { raw } = await csvRows({}, true);
    expect(raw.startsWith('\uFEFFdocument,')).toBe(true);
  });

  it('applies every filter: domain, document, attribute, analyst, grading', async () => {
    const db = f.project.db;
    const byDomain = (await csvRows({ domainIds: [f.domains.exercises] })).rows;
    expect(new Set(byDomain.map((r) => r.domain))).toEqual(new Set(['Exercises']));
    expect(byDomain.length).toBe(3);

    const byDoc = (await csvRows({ docIds: [f.docs.crlf] })).rows;
    expect(new Set(byDoc.map((r) => r['document id']))).toEqual(new Set([String(f.docs.crlf)]));

    const ukraine = (await csvRows(resolveNamedFilter(db, { attributes: ['country=Ukraine'] }))).rows;
    expect(new Set(ukraine.map((r) => r.document))).toEqual(
      new Set(['Speech with emoji 🛡️', 'Report (PDF)']),
    );

    const bo = (await csvRows({ analysts: ['Bo'] })).rows;
    expect(bo.length).toBe(3);
    expect(bo.every((r) => r.analyst === 'Bo')).toBe(true);

    const graded = (await csvRows(resolveNamedFilter(db, { grading: ['B2'] }))).rows;
    expect(graded.map((r) => r.grading)).toEqual(['B2', 'B2']);

    const combined = (
      await csvRows(
        resolveNamedFilter(db, { domains: ['training'], analysts: ['Bo'], attributes: ['Year=2024'] }),
      )
    ).rows;
    expect(combined.map((r) => r.quote)).toEqual(['train* 5,000 officers']);
  });

  it('names unknown filter values in a clear error', () => {
    expect(() => resolveNamedFilter(f.project.db, { domains: ['Nope'] })).toThrow(/no domain named "Nope"/);
    expect(() => resolveNamedFilter(f.project.db, { attributes: ['Colour=red'] })).toThrow(
      /no document attribute/,
    );
    expect(() => resolveNamedFilter(f.project.db, { attributes: ['Country'] })).toThrow(/name=value/);
    expect(() => resolveNamedFilter(f.project.db, { grading: ['Z9'] })).toThrow(/grading/);
  });
});

describe('CSV quoting', () => {
  it('quotes a field when RFC 4180 needs it, puts an apostrophe before a formula, and reads back every character', async () => {
    const { csvText } = await import('../../../electron/core/export/csvText');
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', ',', '"', '\r', '\n', '\t', '=', '+', '-', '@', ' ', 'é', '😀'),
        }),
        (s) => {
          const out = csvText([[s, 'x']]);
          expect(out.startsWith('"')).toBe(/[",\r\n]/.test(s));
          const expected = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
          expect(parse(out) as string[][]).toEqual([[expected, 'x']]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
