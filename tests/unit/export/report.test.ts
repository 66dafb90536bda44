import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { blockQuote, escapeMarkdown } from '../../../electron/core/export/markdown';
import { closeProject } from '../../../electron/core/project';
import { decodeEntities } from '../../../electron/core/refiqda/xml';
import { buildFixture, type Fixture } from './fixture';

let f: Fixture;
let quotes: string[];
beforeAll(() => {
  f = buildFixture();
  quotes = (f.project.db.prepare('SELECT quote FROM claims ORDER BY id').all() as { quote: string }[]).map(
    (r) => r.quote,
  );
});
afterAll(() => closeProject(f.project));

const text = async (format: 'md' | 'html', filter = {}): Promise<string> =>
  Buffer.from(
    (
      await exportExcerpts(f.project.db, 'Fixture', format, filter, {
        exportedAt: '2026-01-02T03:04:05.000Z',
      })
    ).bytes,
  ).toString('utf8');

/** The text a reader sees in a rendered block quote (line breaks as "\n", paragraphs joined by "\n\n"). */
function seen(el: Element): string {
  return [...el.querySelectorAll('p')]
    .map((p) => (p as unknown as { innerHTML: string }).innerHTML.replace(/<br>\n?/g, '\n'))
    .map((html) => parseHTML(`<p>${html}</p>`).document.querySelector('p')?.textContent ?? '')
    .join('\n\n');
}

describe('Markdown report', () => {
  it('renders every quote character for character in a block quote', async () => {
    const md = await text('md');
    const { document } = parseHTML(`<main>${await marked.parse(md)}</main>`);
    const rendered = [...document.querySelectorAll('blockquote')].map(seen);
    for (const q of quotes) expect(rendered).toContain(q);
    // Markup in the texts never becomes markup.
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelectorAll('h1').length).toBe(1);
  });

  it('starts with a contents table of domains with their counts, then groups by domain and document', async () => {
    const md = await text('md');
    expect(md).toContain('| [High-level dialogue](#domain-high-level-dialogue) | 2 | 2 |');
    expect(md).toContain('| [Exercises](#domain-exercises) | 3 | 3 |');
    const order = [
      '## High-level dialogue (2)',
      '## Training (2)',
      '## Exercises (3)',
      '## Intelligence \\[shared\\] (2)',
    ];
    const at = order.map((h) => md.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('— Report (PDF) — 2023, p. 2');
    expect(md).toMatch(/— Speech with emoji 🛡️ — Ministry \\<press\\>, 2024-05-01, ¶ 2/);
  });

  it('escapes any text so that it renders as written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            '*',
            '_',
            '#',
            '-',
            '1',
            '.',
            '<',
            '>',
            '&',
            '`',
            '[',
            ']',
            '\\',
            '|',
            '~',
            '=',
            '+',
            '!',
            'é',
            '\n',
          ),
        }),
        async (s) => {
          fc.pre(s.trim() !== '' && !s.includes('\n\n') && !/^\s|\s$/.test(s) && !/\n\s|\s\n/.test(s));
          const { document } = parseHTML(`<main>${await marked.parse(blockQuote(s))}</main>`);
          const bq = document.querySelector('blockquote') as Element;
          expect(seen(bq)).toBe(s);
        },
      ),
      { numRuns: 300 },
    );
    expect(escapeMarkdown('# a\n- b\n1. c')).toBe('\\# a\n\\- b\n1\\. c');
  });
});

describe('HTML report', () => {
  it('is self-contained: inline CSS, print rules, no scripts, no remote resources', async () => {
    const html = await text('html');
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(document.querySelectorAll('link, img, iframe').length).toBe(0);
    expect(document.querySelector('style')?.textContent).toContain('@media print');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('shows every quote, escaped, with its citation and note', async () => {
    const html = await text('html');
    const { document } = parseHTML(html);
    const shown = [...document.querySelectorAll('blockquote')].map((b) => b.textContent);
    for (const q of quotes) expect(shown).toContain(q);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const notes = [...document.querySelectorAll('.note')].map((n) => n.textContent);
    expect(notes).toContain('Note: Note with <script>alert(1)</script> & *stars*\nsecond line');
    const cites = [...document.querySelectorAll('cite')].map((c) => c.textContent);
    expect(cites).toContain('Report (PDF) — 2023, p. 3');
    expect(cites).toContain('Windows memo — Archive, ¶ 1');
    const toc = [...document.querySelectorAll('table.toc tbody tr')].map((tr) => tr.textContent);
    expect(toc).toEqual(['High-level dialogue22', 'Training21', 'Exercises33', 'Intelligence [shared]21']);
  });

  it('respects the filters', async () => {
    const { document } = parseHTML(await text('html', { domainIds: [f.domains.intel] }));
    expect(
      [...document.querySelectorAll('section h2')].map((h) => h.firstChild?.textContent?.trim()),
    ).toEqual(['Intelligence [shared]']);
    expect(document.querySelectorAll('blockquote').length).toBe(2);
  });
});

describe('DOCX report', () => {
  it('is a Word document whose paragraphs hold every quote, the contents and the citations', async () => {
    const r = await exportExcerpts(f.project.db, 'Fixture', 'docx');
    const files = unzipSync(r.bytes);
    expect(Object.keys(files)).toContain('word/document.xml');
    const xml = strFromU8(files['word/document.xml']);
    // A paragraph's text: its runs, with <w:br/> as a line break. Tables hold paragraphs too.
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((t) => (t[0] === '<w:br/>' ? '\n' : decodeEntities(t[1])))
        .join(''),
    );
    for (const q of quotes) expect(paragraphs).toContain(q);
    expect(paragraphs).toContain('Contents');
    expect(paragraphs).toContain('— Report (PDF) — 2023, p. 2, characters 40–69');
    expect(paragraphs).toContain('Note: Note with <script>alert(1)</script> & *stars*\nsecond line');
    expect(paragraphs.filter((p) => p === 'Exercises')).toHaveLength(2);
    expect(r.count).toBe(9);
  });
});
