import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject, type Project } from '../../../electron/core/project';
import { exportQdpx } from '../../../electron/core/export/qdpx';
import { importQdpxFile, type QdpxImportReport } from '../../../electron/core/refiqda/importQdpx';
import { tempDir } from '../export/fixture';
import { canValidate, qdeOf, xsdErrors, zip } from './helpers';

const G = (n: number): string => `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`;
// A source as another tool wrote it: a BOM, CRLF line ends, an emoji (two UTF-16 units, one code point).
const ORIGINAL =
  'Q: How was it?\r\nA: The 🗳️ election was fair.\r\nQ: And the economy?\r\nA: Growing 📈 slowly.\r\n';
const cpIndexOf = (text: string, sub: string): number => [...text.slice(0, text.indexOf(sub))].length;
const cpLen = (s: string): number => [...s].length;
const sel = (guid: number, quote: string, inner: string, extra = ''): string => {
  const start = cpIndexOf(ORIGINAL, quote);
  return `<PlainTextSelection guid="${G(guid)}" name="${quote}" startPosition="${start}" endPosition="${start + cpLen(quote)}"${extra}>${inner}</PlainTextSelection>`;
};

const QDE = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="From another tool" origin="OtherQDA 2024">
 <Users><User guid="{${G(1).toUpperCase()}}" name="Maria"/></Users>
 <CodeBook><Codes>
  <Code guid="${G(10)}" name="Politics" isCodable="true" color="#f00"><Description>Top level</Description>
   <Code guid="${G(11)}" name="Elections" isCodable="true" color="#00AA00"/>
   <Code guid="${G(12)}" name="Other" isCodable="true"/>
  </Code>
  <Code guid="${G(13)}" name="Economy" isCodable="false">
   <Code guid="${G(14)}" name="Other" isCodable="true"/>
  </Code>
 </Codes></CodeBook>
 <Variables>
  <Variable guid="${G(20)}" name="Country" typeOfVariable="Text"/>
  <Variable guid="${G(21)}" name="Pages" typeOfVariable="Integer"/>
  <Variable guid="${G(22)}" name="Published" typeOfVariable="Date"/>
  <Variable guid="${G(23)}" name="Score" typeOfVariable="Float"/>
 </Variables>
 <Sources>
  <TextSource guid="${G(30)}" name="Interview (CRLF)" plainTextPath="internal://${G(30)}.txt">
   ${sel(40, 'election was fair', `<Coding guid="${G(50)}"><CodeRef targetGUID="${G(11)}"/><NoteRef targetGUID="${G(61)}"/></Coding><NoteRef targetGUID="${G(60)}"/>`, ` creatingUser="${G(1)}" creationDateTime="2024-01-02T03:04:05Z"`)}
   ${sel(41, 'Growing 📈 slowly', `<Coding guid="${G(51)}"><CodeRef targetGUID="${G(14)}"/></Coding><Coding guid="${G(52)}"><CodeRef targetGUID="${G(10)}"/></Coding>`)}
   <PlainTextSelection guid="${G(42)}" startPosition="70" endPosition="9999"><Coding guid="${G(53)}"><CodeRef targetGUID="${G(11)}"/></Coding></PlainTextSelection>
   ${sel(43, 'And the economy', `<Coding guid="${G(54)}"><CodeRef targetGUID="${G(99)}"/></Coding>`)}
   ${sel(44, 'How was it', '<Description>a memo on an uncoded passage</Description>')}
   <VariableValue><VariableRef targetGUID="${G(20)}"/><TextValue>Chile</TextValue></VariableValue>
   <VariableValue><VariableRef targetGUID="${G(21)}"/><IntegerValue>12</IntegerValue></VariableValue>
   <VariableValue><VariableRef targetGUID="${G(22)}"/><DateValue>2020-03-01</DateValue></VariableValue>
   <VariableValue><VariableRef targetGUID="${G(23)}"/><FloatValue>3.50</FloatValue></VariableValue>
  </TextSource>
  <TextSource guid="${G(31)}" name="Embedded"><PlainTextContent>Embedded text with a claim.</PlainTextContent>
   <PlainTextSelection guid="${G(45)}" startPosition="19" endPosition="26"><Coding guid="${G(55)}"><CodeRef targetGUID="${G(12)}"/></Coding></PlainTextSelection>
  </TextSource>
  <TextSource guid="${G(32)}" name="Missing file" plainTextPath="internal://${G(32)}.txt"/>
  <PDFSource guid="${G(33)}" name="Scan.pdf" path="internal://${G(33)}.pdf"/>
  <PictureSource guid="${G(34)}" name="Photo.jpg" path="internal://${G(34)}.jpg"/>
  <AudioSource guid="${G(35)}" name="Call.mp3" path="internal://${G(35)}.mp3"/>
 </Sources>
 <Notes>
  <Note guid="${G(60)}" name="memo"><PlainTextContent>Line&#13;&#10;two &amp; more</PlainTextContent></Note>
  <Note guid="${G(61)}" name="coding memo"><PlainTextContent>coding note</PlainTextContent></Note>
  <Note guid="${G(62)}" name="Project memo"><PlainTextContent>not attached to a passage</PlainTextContent></Note>
 </Notes>
</Project>`;

let dir: string;
let report: QdpxImportReport;
let p: Project;
beforeAll(() => {
  dir = tempDir('dossier-qdpx-');
  const bytes = zip({ 'project.qde': QDE, [`Sources/${G(30).toUpperCase()}.txt`]: `\uFEFF${ORIGINAL}` });
  report = importQdpxFile(bytes, path.join(dir, 'Imported.dossier'), 'other.qdpx');
  p = openProject(path.join(dir, 'Imported.dossier'));
});
afterAll(() => closeProject(p));

const claims = (): {
  title: string;
  quote: string;
  note: string;
  analyst: string;
  created_at: string;
  domains: string;
}[] =>
  p.db
    .prepare(
      `SELECT d.title, c.quote, c.note, c.analyst, c.created_at,
        (SELECT group_concat(name, '|') FROM (SELECT m.name FROM claim_domains cd JOIN domains m ON m.id = cd.domain_id WHERE cd.claim_id = c.id ORDER BY m.name)) AS domains
       FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY c.id`,
    )
    .all() as never;

describe('.qdpx import from another tool', () => {
  it('reads through a BOM before <?xml, a capitalised Sources/ folder and upper-case GUIDs', () => {
    expect(report.sources).toBe(2);
    expect(report.name).toBe('From another tool');
  });

  it('maps CRLF-and-emoji positions onto the canonical text', () => {
    const text = (
      p.db.prepare("SELECT text FROM documents WHERE title = 'Interview (CRLF)'").get() as { text: string }
    ).text;
    expect(text).toBe(ORIGINAL.replace(/\r\n/g, '\n'));
    expect(claims().map((c) => c.quote)).toEqual(['election was fair', 'Growing 📈 slowly', 'a claim']);
    for (const r of p.db
      .prepare(
        'SELECT c.quote, c.start, c.end, d.text FROM claims c JOIN documents d ON d.id = c.document_id',
      )
      .all() as { quote: string; start: number; end: number; text: string }[])
      expect(r.text.slice(r.start, r.end)).toBe(r.quote);
  });

  it('imports codes with hierarchy and colours, renaming a clashing name and saying so', () => {
    const domains = p.db
      .prepare(
        'SELECT d.name, d.color, d.description, p.name AS parent FROM domains d LEFT JOIN domains p ON p.id = d.parent_id ORDER BY d.id',
      )
      .all();
    expect(domains).toEqual([
      { name: 'Politics', color: '#FF0000', description: 'Top level', parent: null },
      { name: 'Elections', color: '#00AA00', description: '', parent: 'Politics' },
      { name: 'Other', color: expect.stringMatching(/^#[0-9A-F]{6}$/i), description: '', parent: 'Politics' },
      { name: 'Economy', color: expect.stringMatching(/^#/), description: '', parent: null },
      { name: 'Other (Economy)', color: expect.stringMatching(/^#/), description: '', parent: 'Economy' },
    ]);
    expect(report.problems).toContainEqual({
      kind: 'code',
      name: 'Other',
      reason: 'another code has the same name: imported as "Other (Economy)"',
    });
  });

  it('imports codings, notes (selection and coding notes, character references decoded), users and dates', () => {
    expect(claims()[0]).toMatchObject({
      title: 'Interview (CRLF)',
      domains: 'Elections',
      note: 'Line\ntwo & more\n\ncoding note',
      analyst: 'Maria',
      created_at: '2024-01-02T03:04:05Z',
    });
    expect(claims()[1].domains).toBe('Other (Economy)|Politics');
    expect(report.users).toBe(1);
    expect(report.notes).toBe(2);
  });

  it('imports variables as typed document attributes', () => {
    const rows = p.db
      .prepare(
        'SELECT a.name, a.type, v.value FROM document_attributes v JOIN attributes a ON a.id = v.attribute_id ORDER BY a.name',
      )
      .all();
    expect(rows).toEqual([
      { name: 'Country', type: 'text', value: 'Chile' },
      { name: 'Pages', type: 'number', value: '12' },
      { name: 'Published', type: 'date', value: '2020-03-01' },
      { name: 'Score', type: 'number', value: '3.5' },
    ]);
  });

  it('lists skipped sources and notes with a reason', () => {
    const skipped = report.skipped.map((s) => `${s.kind}:${s.name}`);
    expect(skipped).toEqual(
      expect.arrayContaining([
        'source:Scan.pdf',
        'source:Photo.jpg',
        'source:Call.mp3',
        'source:Missing file',
      ]),
    );
    // A note attached to nothing is the project's own: it comes in as a memo (issue 13), not skipped.
    expect(skipped).not.toContain('note:Project memo');
    expect(report.memos).toBe(1);
    expect(report.skipped.find((s) => s.name === 'Scan.pdf')?.reason).toMatch(/PDF/);
    expect(report.skipped.find((s) => s.name === 'Missing file')?.reason).toMatch(/missing from the archive/);
  });

  it('reports selections it cannot place or code instead of dropping them silently', () => {
    const reasons = report.problems.filter((x) => x.kind === 'selection').map((x) => x.reason);
    expect(reasons).toEqual([
      'positions 70–9999 do not fall inside the source (0–89 code points (characters), a CRLF line end as two): not imported',
      'a coding names a code that is not in the codebook: that coding is not imported',
      'the selection has no code, and a Dossier claim needs at least one domain: not imported',
      'the selection has no code, and a Dossier claim needs at least one domain: not imported (its memo: "a memo on an uncoded passage")',
    ]);
  });

  it.skipIf(!canValidate)(
    're-exports the imported project as valid REFI-QDA, keeping the original GUIDs',
    () => {
      const { xml } = qdeOf(exportQdpx(p.db, 'Imported').bytes);
      expect(xsdErrors(xml, dir)).toBe('');
      for (const g of [10, 11, 14, 20, 30, 31, 40, 41, 50, 60]) expect(xml).toContain(G(g));
      expect(xml).toContain(`<User guid="${G(1)}" name="Maria"/>`);
    },
  );
});

describe('.qdpx import of bad files', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    [
      'not a zip',
      new TextEncoder().encode('PK but not really a zip file'),
      /not a readable \.qdpx \(zip\) file/,
    ],
    ['no project.qde', zip({ 'sources/a.txt': 'text' }), /has no project\.qde/],
    [
      'malformed XML',
      zip({ 'project.qde': '<Project name="x"><Sources></Project>' }),
      /not well-formed XML.*line 1/,
    ],
    ['another root', zip({ 'project.qde': '<?xml version="1.0"?><CodeBook/>' }), /no <Project> root element/],
    ['not UTF-8', zip({ 'project.qde': new Uint8Array([0x3c, 0x50, 0xff, 0xfe, 0x3e]) }), /not UTF-8/],
  ];
  for (const [name, bytes, message] of cases) {
    it(`${name}: a clear error, and no project file created`, () => {
      const d = tempDir('dossier-bad-');
      const target = path.join(d, 'New.dossier');
      expect(() => importQdpxFile(bytes, target, 'bad.qdpx')).toThrow(message);
      expect(fs.readdirSync(d)).toEqual([]);
    });
  }
});
