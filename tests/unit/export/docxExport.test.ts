import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaim } from '../../../electron/core/claims';
import { addDomain } from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import { exportExcerpts } from '../../../electron/core/export';
import { closeProject, createProject, type Project } from '../../../electron/core/project';
import { decodeEntities } from '../../../electron/core/refiqda/xml';
import { toCodePointOffset } from '../../../shared/text';
import { buildFixture, docText, type Fixture, sliceCodePoints, tempDir } from './fixture';

// The Word report read back from its WordprocessingML: paragraph styles (heading levels), page breaks, order,
// the title page and the citations. (It was also converted with LibreOffice and looked at while it was made.)

interface Para {
  style: string;
  text: string;
  pageBreak: boolean;
}

function paragraphsOf(bytes: Uint8Array): { paras: Para[]; styles: string } {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']);
  const paras = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[0] === '<w:br/>' ? '\n' : decodeEntities(t[1])))
      .join(''),
    pageBreak: /<w:pageBreakBefore\/>/.test(m[0]),
  }));
  return { paras, styles: strFromU8(files['word/styles.xml']) };
}

const docx = async (p: Project, name: string, filter = {}): Promise<{ paras: Para[]; styles: string }> =>
  paragraphsOf(
    (await exportExcerpts(p.db, name, 'docx', filter, { exportedAt: '2026-01-02T03:04:05.000Z' })).bytes,
  );

/** The headings after the contents, as [level, text]. */
const headings = (paras: Para[]): [number, string][] =>
  paras
    .slice(paras.findIndex((p) => p.text === 'Contents') + 1)
    .filter((p) => /^Heading\d$/.test(p.style))
    .map((p) => [Number(p.style.slice(7)), p.text]);

let f: Fixture;
beforeAll(() => {
  f = buildFixture();
});
afterAll(() => closeProject(f.project));

describe('DOCX report layout', () => {
  it('opens with a title page: project, what it holds, the filters and the date; the contents on the next page', async () => {
    const { paras } = await docx(f.project, 'Fixture');
    const contents = paras.findIndex((p) => p.text === 'Contents');
    const title = paras.slice(0, contents).map((p) => p.text);
    expect(paras[0]).toMatchObject({ style: 'Title', text: 'Fixture' });
    expect(title).toEqual(
      expect.arrayContaining([
        'Tagged excerpts',
        '7 excerpts from 3 documents, in 4 domains',
        'Exported 2026-01-02 03:04 UTC',
        'Filters',
        'None: every tagged excerpt of the project',
      ]),
    );
    expect(paras[contents]).toMatchObject({ style: 'Heading1', pageBreak: true });

    const filtered = (await docx(f.project, 'Fixture', { domainIds: [f.domains.training], analysts: ['Bo'] }))
      .paras;
    const filters = filtered
      .slice(
        0,
        filtered.findIndex((p) => p.text === 'Contents'),
      )
      .map((p) => p.text);
    expect(filters).toEqual(expect.arrayContaining(['Domains: Training', 'Analysts: Bo']));
    expect(filters).not.toContain('None: every tagged excerpt of the project');
  });

  it('lays the domains out in codebook order, the hierarchy as heading levels, parents without excerpts included', async () => {
    const { paras, styles } = await docx(f.project, 'Fixture');
    expect(headings(paras)).toEqual([
      [1, 'Cooperation'],
      [2, 'High-level dialogue'],
      [2, 'Training'],
      [1, 'Exercises'],
      [1, 'Intelligence [shared]'],
    ]);
    // The heading styles carry their outline level (navigation pane) and stay with what follows them.
    for (const level of [1, 2, 3]) {
      const style = new RegExp(`w:styleId="Heading${level}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
      expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
      expect(style).toContain('<w:keepNext/>');
    }
    // Documents under a domain are not headings: they are not mistaken for sub-domains.
    const docTitles = paras.filter((p) => p.style === 'DossierDocument').map((p) => p.text);
    expect(docTitles).toContain('Speech with emoji 🛡️');
    expect(headings(paras).map(([, t]) => t)).not.toContain('Speech with emoji 🛡️');
  });

  it('follows the tree, not the flat sort order that interleaves the children of different parents', async () => {
    const dir = tempDir();
    const p = createProject(path.join(dir, 'Order.dossier'), 'empty');
    try {
      const P = addDomain(p.db, { name: 'P' }).id;
      const Q = addDomain(p.db, { name: 'Q' }).id;
      const P1 = addDomain(p.db, { name: 'P1', parentId: P }).id;
      const Q1 = addDomain(p.db, { name: 'Q1', parentId: Q }).id;
      const P2 = addDomain(p.db, { name: 'P2', parentId: P }).id;
      const Q1a = addDomain(p.db, { name: 'Q1a', parentId: Q1 }).id;
      const text = 'one two three four five six';
      const docId = addDocument(p.db, { title: 'Doc', text, format: 'txt' }).id;
      [P2, Q1a, P1, Q].forEach((d, i) =>
        createClaim(p.db, { docId, start: i * 4, end: i * 4 + 3, domainIds: [d] }),
      );
      expect(headings((await docx(p, 'Order')).paras)).toEqual([
        [1, 'P'],
        [2, 'P1'],
        [2, 'P2'],
        [1, 'Q'],
        [2, 'Q1'],
        [3, 'Q1a'],
      ]);
    } finally {
      closeProject(p);
    }
  });

  it('cites document, source, date, page or paragraph, and the code-point position of every excerpt', async () => {
    const { paras } = await docx(f.project, 'Fixture');
    const claims = f.project.db
      .prepare(
        'SELECT c.document_id AS docId, c.start, c.end, c.quote, d.title FROM claims c JOIN documents d ON d.id = c.document_id',
      )
      .all() as { docId: number; start: number; end: number; quote: string; title: string }[];
    for (const c of claims) {
      const text = docText(f, c.docId);
      const [startCp, endCp] = [toCodePointOffset(text, c.start), toCodePointOffset(text, c.end)];
      const cite = paras.find(
        (p, i) => paras[i - 1]?.text === c.quote && p.text.startsWith(`— ${c.title} — `),
      )?.text;
      expect(cite, c.quote).toMatch(new RegExp(`(¶ \\d+|p\\. \\d), characters ${startCp}–${endCp}$`));
      // A colleague counting characters in the document finds the quote there.
      expect(sliceCodePoints(text, startCp, endCp)).toBe(c.quote);
    }
    expect(paras.map((p) => p.text)).toContain('— Report (PDF) — 2023, p. 2, characters 40–69');
    expect(paras.map((p) => p.text)).toContain(
      '— Speech with emoji 🛡️ — Ministry <press>, 2024-05-01, ¶ 3, characters 136–163',
    );
  });

  it('breaks pages only between neighbours that each fill a page: none in a short report', async () => {
    const { paras } = await docx(f.project, 'Fixture');
    // The contents after the title page, and nothing else: the old layout broke before every domain.
    expect(paras.filter((p) => p.pageBreak).map((p) => p.text)).toEqual(['Contents']);
  });

  it('starts a long domain on a new page after another long one, and lets a short one share the page', async () => {
    const dir = tempDir();
    const p = createProject(path.join(dir, 'Long.dossier'), 'empty');
    try {
      const long1 = addDomain(p.db, { name: 'Long one' }).id;
      const long2 = addDomain(p.db, { name: 'Long two' }).id;
      const short = addDomain(p.db, { name: 'Short' }).id;
      const sentence = (i: number): string =>
        `Sentence ${i} says at some length what the ministers agreed about the joint training of officers.`;
      const text = Array.from({ length: 90 }, (_, i) => sentence(i)).join('\n\n');
      const docId = addDocument(p.db, { title: 'Minutes', text, format: 'txt' }).id;
      for (let i = 0; i < 82; i++) {
        const start = text.indexOf(sentence(i));
        // 40 excerpts (about a page and a half) in each long domain, two in the short one.
        const domain = i < 40 ? long1 : i < 80 ? long2 : short;
        createClaim(p.db, { docId, start, end: start + sentence(i).length, domainIds: [domain] });
      }
      const { paras } = await docx(p, 'Long');
      expect(paras.filter((x) => x.pageBreak).map((x) => x.text)).toEqual(['Contents', 'Long two']);
      expect(headings(paras)).toEqual([
        [1, 'Long one'],
        [1, 'Long two'],
        [1, 'Short'],
      ]);
    } finally {
      closeProject(p);
    }
  });
});
