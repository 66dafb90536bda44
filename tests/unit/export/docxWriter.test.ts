import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { exportExcerpts, exportExcerptsToFile, loadExcerpts } from '../../../electron/core/export';
import { writeDocx } from '../../../electron/core/export/docx';
import { docxCitation } from '../../../electron/core/export/docxBody';
import { type ReportModel, reportModel } from '../../../electron/core/export/report';
import { memoByline, reportMemos } from '../../../electron/core/export/reportMemos';
import { extractDocx } from '../../../electron/core/import/docx';
import type { Project } from '../../../electron/core/project';
import { replaceControls } from '../../../electron/core/xmlChars';
import { callOk, tempDir, tempProject } from '../helpers';
import { tag } from './fixture';
import { hasLibreOffice, sofficeConvert } from './soffice';

// The Word report is WordprocessingML written by hand (docx.ts, docxBody.ts) into a streaming ZIP: read back by
// an XML parser (saxes), by mammoth (the importer's DOCX reader) and by LibreOffice Writer, every text must come
// out as it went in, but XML's own rules (forbidden controls as U+FFFD, CR LF and a lone CR as a line break).

const LONG = Array.from({ length: 400 }, (_, i) => `Clause ${i} of the long treaty text.`).join(' ');
const TEXT = [
  'Plain words first. ',
  '  Leading and trailing spaces  ',
  ' 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 😀 emoji, 中文 and Ελληνικά. ',
  'Markup <b>bold</b> & "quotes" ]]> end. ',
  'Controls \u0001\u000b\u001f and \uFFFE here. ',
  'Two  spaces\tand a tab. ',
  `${LONG}\nA second line of the long quote. `,
].join('');
const PIECES = [
  '  Leading and trailing spaces  ',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 😀',
  'Markup <b>bold</b> & "quotes" ]]>',
  'Controls \u0001\u000b\u001f and \uFFFE',
  'Two  spaces\tand a tab.',
  `${LONG}\nA second line of the long quote.`,
];

/** A text as XML gives it back: forbidden controls as U+FFFD, CR LF and lone CR as LF (a Word line break). */
const asRead = (v: string): string => replaceControls(v).replace(/\r\n?/g, '\n');

const DOCUMENT = {
  title: 'Title with 😀 & <tags>',
  text: TEXT,
  format: 'txt',
  source: 'Source "quoted"',
} as const;

async function project(): Promise<Project> {
  const p = tempProject('empty');
  const astral = createDomain(p.db, { name: 'Ünïcode 😀 & <more>', description: ' spaced <description> ' });
  const plain = createDomain(p.db, { name: 'Plain' });
  const docId = addDocument(p.db, DOCUMENT).id;
  PIECES.forEach((piece, i) =>
    tag(p, docId, piece, i % 2 ? [astral, plain] : [plain], {
      note: i === 2 ? '@note\r\nline two \u0002 and a lone\rCR' : '',
      actor: i === 1 ? 'NATO <HQ>' : '',
    }),
  );
  await callOk(p, 'updateSettings', { analyst: 'Ana Lyst' });
  await callOk(p, 'addMemo', {
    title: 'Memo <one> 😀',
    text: '  First paragraph.\n\nSecond\r\nwith a break & more.',
  });
  return p;
}

interface Para {
  text: string;
  inTable: boolean;
  style: string;
}

/** Every part parsed (each must be well-formed XML); the paragraphs of word/document.xml with their text. */
function readDocx(bytes: Uint8Array): { paras: Para[]; parts: Record<string, string>; unkept: string[] } {
  const files = unzipSync(bytes);
  const parts = Object.fromEntries(Object.entries(files).map(([name, b]) => [name, strFromU8(b)]));
  for (const [name, xml] of Object.entries(parts)) {
    const check = new SaxesParser();
    check.on('error', (e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    check.write(xml).close();
  }
  const paras: Para[] = [];
  // Texts with leading or trailing spaces written without xml:space="preserve" (Word would drop the spaces).
  const unkept: string[] = [];
  let tables = 0;
  let para: Para | null = null;
  let inText: { preserve: boolean; text: string } | null = null;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (t) => {
    if (t.name === 'w:tbl') tables++;
    else if (t.name === 'w:p') para = { text: '', inTable: tables > 0, style: '' };
    else if (t.name === 'w:pStyle' && para) para.style = String(t.attributes['w:val']);
    else if (t.name === 'w:br' && para) para.text += '\n';
    else if (t.name === 'w:tab' && para) para.text += '\t';
    else if (t.name === 'w:t') inText = { preserve: t.attributes['xml:space'] === 'preserve', text: '' };
  });
  parser.on('text', (s) => {
    if (inText) inText.text += s;
  });
  parser.on('closetag', (t) => {
    if (t.name === 'w:tbl') tables--;
    else if (t.name === 'w:p' && para) {
      paras.push(para);
      para = null;
    } else if (t.name === 'w:t' && inText && para) {
      if (!inText.preserve && /^\s|\s$/.test(inText.text)) unkept.push(inText.text);
      para.text += inText.text;
      inText = null;
    }
  });
  parser.write(parts['word/document.xml']).close();
  return { paras, parts, unkept };
}

/** The paragraphs the body and the memos must hold, in order, from the report model itself. */
function expectedBody(model: ReportModel): string[] {
  const out: string[] = [];
  for (const s of model.sections) {
    out.push(s.domain.name, `${s.count} excerpt${s.count === 1 ? '' : 's'}`);
    if (s.domain.description) out.push(s.domain.description);
    for (const d of s.documents) {
      out.push(d.doc.title);
      for (const e of d.entries) {
        out.push(e.excerpt.quote, docxCitation(e));
        if (e.details) out.push(e.details);
        if (e.excerpt.note) out.push(`Note: ${e.excerpt.note}`);
      }
    }
  }
  out.push('Memos');
  for (const m of model.memos ?? []) {
    out.push(m.title, memoByline(m));
    out.push(...m.text.trim().split(/\n{2,}/));
  }
  return out.map(asRead);
}

const AT = '2026-01-02T03:04:05.000Z';

describe('DOCX writer', () => {
  it('reads back paragraph by paragraph as the report model: quotes, citations, details, notes, memos', async () => {
    const p = await project();
    const r = await exportExcerpts(p.db, 'Hostile', 'docx', {}, { exportedAt: AT, memos: true });
    const { paras, unkept } = readDocx(r.bytes);
    const set = loadExcerpts(p.db, {}, 'Hostile');
    const model = reportModel(set, AT);
    model.memos = reportMemos(p.db, set);
    const contents = paras.findIndex((x) => x.text === 'Contents');
    const body = paras.slice(contents + 1).filter((x) => !x.inTable);
    expect(body.map((x) => x.text)).toEqual(expectedBody(model));
    // Every quote is one paragraph of its own, the long one too (a line break inside it, no split).
    for (const q of PIECES) expect(body.filter((x) => x.text === asRead(q)).length).toBeGreaterThan(0);
    expect(body.map((x) => x.text)).toContain(`Note: @note\nline two \uFFFD and a lone\nCR`);
    expect(body.map((x) => x.text)).toContain('  Leading and trailing spaces  ');
    expect(unkept).toEqual([]);
    // The contents table links each domain and counts it; the title page names the project.
    expect(paras.filter((x) => x.inTable).map((x) => x.text)).toEqual([
      'Domain',
      'Excerpts',
      'Documents',
      ...model.outline.flatMap((o) => [
        o.domain.name,
        String(o.section?.count),
        String(o.section?.documents.length),
      ]),
    ]);
    expect(paras[0]).toMatchObject({ style: 'Title', text: 'Hostile' });
  });

  it('is a complete package: every part the content types and relationships name is there', async () => {
    const p = await project();
    const { parts } = readDocx((await exportExcerpts(p.db, 'Hostile', 'docx', {}, { exportedAt: AT })).bytes);
    const names = Object.keys(parts);
    for (const m of parts['[Content_Types].xml'].matchAll(/PartName="\/([^"]+)"/g))
      expect(names).toContain(m[1]);
    for (const m of parts['_rels/.rels'].matchAll(/Target="([^"]+)"/g)) expect(names).toContain(m[1]);
    for (const m of parts['word/_rels/document.xml.rels'].matchAll(/Target="([^"]+)"/g))
      expect(names).toContain(`word/${m[1]}`);
    // Each contents link has its bookmark on the domain's heading.
    const doc = parts['word/document.xml'];
    const anchors = [...doc.matchAll(/w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const marks = [...doc.matchAll(/<w:bookmarkStart w:id="\d+" w:name="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(anchors).toEqual(['domain1', 'domain2']);
    expect(marks).toEqual(anchors);
    expect(parts['docProps/core.xml']).toContain(
      `<dcterms:created xsi:type="dcterms:W3CDTF">${AT}</dcterms:created>`,
    );
  });

  it('is read by mammoth (the DOCX importer): the title and every quote', async () => {
    const p = await project();
    const doc = await extractDocx((await exportExcerpts(p.db, 'Hostile', 'docx')).bytes);
    expect(doc.title).toBe('Hostile — tagged excerpts');
    const words = (s: string): string => s.replace(/\s+/g, ' ').trim();
    for (const q of PIECES) expect(words(doc.text)).toContain(words(asRead(q)));
  });

  it('reaches its sink in pieces as it is written, the file the same as the one in memory', async () => {
    const p = tempProject('empty');
    const domain = createDomain(p.db, { name: 'Many' });
    let seed = 7;
    const letters = (n: number): string =>
      Array.from({ length: n }, () => {
        seed = (seed * 48271) % 2147483647;
        return 'abcdefghijklmnopqrstuvwxyz  '[seed % 28];
      }).join('');
    const text = Array.from({ length: 1500 }, () => `${letters(300)}.`).join('\n\n');
    const docId = addDocument(p.db, { title: 'Long minutes', text, format: 'txt' }).id;
    let start = 0;
    for (let i = 0; i < 1500; i++) {
      createClaim(p.db, { docId, start, end: start + 300, domainIds: [domain] });
      start += 303;
    }
    const chunks: number[] = [];
    writeDocx(reportModel(loadExcerpts(p.db, {}, 'Many'), AT), { write: (c) => chunks.push(c.length) });
    // document.xml is ~1 MB: written as ~128 K-character chunks, each deflated as it comes.
    expect(chunks.length).toBeGreaterThan(8);
    expect(Math.max(...chunks)).toBeLessThan(256 * 1024);
    const file = path.join(tempDir(), 'report.docx');
    await exportExcerptsToFile(p.db, 'Many', 'docx', file, {}, { exportedAt: AT });
    const inMemory = await exportExcerpts(p.db, 'Many', 'docx', {}, { exportedAt: AT });
    expect(readDocx(fs.readFileSync(file)).parts).toEqual(readDocx(inMemory.bytes).parts);
    expect(readDocx(inMemory.bytes).paras.filter((x) => x.text.length === 300)).toHaveLength(1500);
  });

  const hasWriter = hasLibreOffice('writer', 'DOCX writer');
  it.skipIf(!hasWriter)(
    'reads back in LibreOffice Writer (soffice --headless --convert-to txt): every quote, citation and memo',
    async () => {
      const p = await project();
      const dir = tempDir();
      const file = path.join(dir, 'report.docx');
      await exportExcerptsToFile(p.db, 'Hostile', 'docx', file, {}, { exportedAt: AT, memos: true });
      const txt = fs
        .readFileSync(sofficeConvert(file, dir, 'txt:Text (encoded):UTF8', 'txt'), 'utf8')
        .replace(/^\uFEFF/, '');
      const lines = txt.split(/\r?\n/);
      const set = loadExcerpts(p.db, {}, 'Hostile');
      const model = reportModel(set, AT);
      model.memos = reportMemos(p.db, set);
      // Each paragraph's lines, in the order the report holds them (leading spaces and tabs kept).
      let at = lines.indexOf('Contents');
      for (const para of expectedBody(model))
        for (const line of para.split('\n')) {
          const found = lines.indexOf(line, at + 1);
          expect(found, line.slice(0, 80)).toBeGreaterThan(at);
          at = found;
        }
    },
    150_000,
  );
});
