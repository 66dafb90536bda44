import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../electron/core/import/pdf';
import { alignPage } from '../../../electron/core/pdfAlign/align';
import { pageItemStrings } from '../../../electron/core/pdfAlign/pageItems';
import { itemRangesFor, storedOffsetAt } from '../../../shared/pageAlignment';
import { SHARED_DIR } from '../helpers';

// The alignment of pdf.js's text items to the stored text, on the real PDFs beside the repository: every stored
// character of every page is shown by exactly one item character, and selections across lines and rejoined
// hyphens come back as the stored text.

const dir = path.join(SHARED_DIR, 'fixtures', 'pdf');
const present = fs.existsSync(dir);
if (!present) console.warn(`skipping PDF alignment fixture tests: ${dir} is absent`);
const files = present
  ? [
      ...fs.readdirSync(dir).filter((f) => f.endsWith('.pdf') && f !== 'simple2.pdf'),
      ...fs.readdirSync(path.join(dir, 'papers')).map((f) => `papers/${f}`),
    ]
  : [];

async function aligned(file: string) {
  const bytes = fs.readFileSync(path.join(dir, file));
  const doc = await extractPdf(bytes);
  const items = await pageItemStrings(bytes);
  return doc.pages.map((p) => {
    const strings = items.get(p.page)!;
    return { ...p, strings, text: doc.text, ...alignPage(strings, doc.text.slice(p.start, p.end), p.start) };
  });
}

describe.skipIf(!present)('alignment on ../shared/fixtures/pdf', () => {
  it.each(files)(
    '%s: every stored character of each page is mapped once, to itself',
    { timeout: 60_000 },
    async (file) => {
      const pages = await aligned(file);
      expect(pages.length).toBeGreaterThan(0);
      for (const p of pages) {
        expect({ page: p.page, unaligned: p.unaligned, unmapped: p.unmapped }).toEqual({
          page: p.page,
          unaligned: [],
          unmapped: 0,
        });
        const seen = new Set<number>();
        let last = -1;
        p.items.forEach((offsets, i) =>
          offsets.forEach((o, u) => {
            if (o < 0) return;
            expect(o).toBeGreaterThanOrEqual(p.start);
            expect(o).toBeLessThan(p.end);
            expect(seen.has(o) && p.strings[i][u].normalize('NFC') === p.strings[i][u]).toBe(false);
            seen.add(o);
            // Content-stream order is the stored order: offsets only go forward.
            expect(o).toBeGreaterThanOrEqual(last);
            last = o;
            expect(p.strings[i][u].normalize('NFC')[0]).toBe(p.text[o]);
          }),
        );
        for (let o = p.start; o < p.end; o++) if (!/\s/.test(p.text[o])) expect(seen.has(o)).toBe(true);
      }
    },
  );

  it(
    'maps a selection across a rejoined line-end hyphen to the stored word',
    { timeout: 60_000 },
    async () => {
      const pages = await aligned('papers/naacl06-shinyama.pdf');
      const p = pages.find((pg) => pg.hyphens > 0)!;
      expect(p).toBeDefined();
      const i = p.strings.findIndex((s, k) => /\p{L}-\s*$/u.test(s) && p.items[k][s.lastIndexOf('-')] === -1);
      expect(i).toBeGreaterThanOrEqual(0);
      // From the start of the word before the hyphen to the end of the next line's first word.
      const before = p.strings[i];
      const wordStart = before.slice(0, before.lastIndexOf('-')).search(/\p{L}+$/u);
      const next = i + 1;
      const wordEnd = p.strings[next].search(/[^\p{L}]|$/u);
      const start = storedOffsetAt(p.items, i, wordStart, 'start')!;
      const end = storedOffsetAt(p.items, next, wordEnd, 'end')!;
      const joined = before.slice(wordStart, before.lastIndexOf('-')) + p.strings[next].slice(0, wordEnd);
      expect(p.text.slice(start, end)).toBe(joined.trim());
      // And back: the claim covers the word on both lines, not the hyphen.
      const ranges = itemRangesFor(p.items, start, end);
      expect(ranges.map((r) => r.item)).toEqual([i, next]);
      expect(ranges[0].to).toBe(before.lastIndexOf('-'));
    },
  );

  it(
    'maps a selection over several lines to the stored text with single spaces',
    { timeout: 60_000 },
    async () => {
      const [p] = await aligned('jo.pdf');
      const lines = p.strings.map((s, i) => ({ s, i })).filter(({ s }) => s.trim().length > 10);
      const [a, b] = [lines[1], lines[4]];
      const start = storedOffsetAt(p.items, a.i, 0, 'start')!;
      const end = storedOffsetAt(p.items, b.i, b.s.length, 'end')!;
      const quote = p.text.slice(start, end);
      const squash = (s: string): string => s.replace(/\s+/g, '');
      const shown = p.strings.slice(a.i, b.i + 1).join('');
      expect(squash(quote)).toBe(squash(shown));
      const ranges = itemRangesFor(p.items, start, end);
      expect(ranges[0]).toMatchObject({ item: a.i });
      expect(ranges[ranges.length - 1]).toMatchObject({ item: b.i });
    },
  );
});

describe('alignment of hostile or stray items', () => {
  it('reports an item that is not in the stored text and aligns the rest', () => {
    const text = 'Alpha beta\n\ninternational gamma';
    const r = alignPage(['Alpha ', 'beta', 'WATERMARK', 'inter-', 'national gamma'], text, 100);
    expect(r.unaligned).toEqual([2]);
    expect(r.items[2].every((o) => o === -1)).toBe(true);
    expect(r.unmapped).toBe(0);
    expect(r.hyphens).toBe(1);
    expect(r.items[3]).toEqual([112, 113, 114, 115, 116, -1]);
    expect(storedOffsetAt(r.items, 3, 0, 'start')).toBe(112);
  });

  it('counts stored characters no item shows, and skips a stray item to resynchronise', () => {
    const r = alignPage(['one', 'xx', 'three'], 'one two three');
    expect(r.unaligned).toEqual([1]);
    expect(r.unmapped).toBe(3);
    expect(r.items[2]).toEqual([8, 9, 10, 11, 12]);
  });

  it('aligns decomposed accents to the NFC stored text', () => {
    const r = alignPage(['Cafe\u0301 ok'], 'Café ok');
    expect(r.unaligned).toEqual([]);
    expect(r.unmapped).toBe(0);
    expect(r.items[0]).toEqual([0, 1, 2, 3, 3, -1, 5, 6]);
  });
});
