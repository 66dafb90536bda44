import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProject, getMeta, openProject } from '../../../electron/core/project';
import { importQdc } from '../../../electron/core/refiqda/qdc';
import { importQdpxFile, type QdpxImportReport } from '../../../electron/core/refiqda/importQdpx';
import { readQdpx } from '../../../electron/core/refiqda/readQdpx';
import { tempDir, tempProject } from '../helpers';
import { zip } from './helpers';

const G = (n: number): string => `0dd5e1ec-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TEXT = 'Alpha said yes. Beta said no. Gamma said maybe.';
const at = (q: string): string =>
  `startPosition="${TEXT.indexOf(q)}" endPosition="${TEXT.indexOf(q) + q.length}"`;

function project(body: string): Uint8Array {
  return zip({
    'project.qde': `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Details" origin="NVivo 14">
 <Users><User guid="${G(1)}" name="Ana"/><User guid="${G(2)}" name="Ben"/></Users>
 <CodeBook><Codes><Code guid="${G(10)}" name="Answer" isCodable="true"/></Codes></CodeBook>
 ${body}
</Project>`,
    [`sources/${G(20)}.txt`]: TEXT,
  });
}

const source = (selections: string, inner = ''): string =>
  `<Sources><TextSource guid="${G(20)}" name="Doc" plainTextPath="internal://${G(20)}.txt">${selections}${inner}</TextSource></Sources>`;
const coded = (n: number, q: string, attrs = ''): string =>
  `<PlainTextSelection guid="${G(n)}" ${at(q)}${attrs}><Coding guid="${G(n + 100)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>`;

function run(bytes: Uint8Array): { report: QdpxImportReport; rows: Record<string, unknown>[]; meta: string } {
  const file = path.join(tempDir(), 'x.dossier');
  const report = importQdpxFile(bytes, file, 'x.qdpx');
  const p = openProject(file);
  try {
    const rows = p.db.prepare('SELECT quote, note, analyst FROM claims ORDER BY start').all() as Record<
      string,
      unknown
    >[];
    const meta = p.db.prepare('SELECT meta_json FROM documents').pluck().get() as string;
    return { report, rows, meta };
  } finally {
    closeProject(p);
  }
}

describe('notes linked to passages', () => {
  it('a note linked to a selection (either direction) becomes its claim’s note; several are joined, each kept', () => {
    const { report, rows } = run(
      project(
        `${source(coded(30, 'Alpha said yes') + coded(31, 'Beta said no'))}
         <Notes>
          <Note guid="${G(40)}" name="m1"><PlainTextContent>first memo</PlainTextContent></Note>
          <Note guid="${G(41)}" name="m2"><PlainTextContent>second memo</PlainTextContent></Note>
          <Note guid="${G(42)}" name="m3"><PlainTextContent>on Beta</PlainTextContent></Note>
         </Notes>
         <Links>
          <Link guid="${G(50)}" originGUID="${G(40)}" targetGUID="${G(30)}"/>
          <Link guid="${G(51)}" originGUID="${G(30)}" targetGUID="${G(41)}"/>
          <Link guid="${G(52)}" originGUID="${G(42)}" targetGUID="${G(31)}"/>
         </Links>`,
      ),
    );
    expect(rows.map((r) => r.note)).toEqual(['first memo\n\nsecond memo', 'on Beta']);
    expect(report.notes).toBe(3);
    expect(report.skipped.filter((s) => s.kind === 'note')).toEqual([]);
  });

  it('a note on a source becomes the document’s note; a note linked to a code is reported with what it was on', () => {
    const { report, meta } = run(
      project(
        `${source(coded(30, 'Alpha said yes'), `<NoteRef targetGUID="${G(40)}"/>`)}
         <Notes>
          <Note guid="${G(40)}" name="About the doc"><PlainTextContent>Transcribed by Ana.</PlainTextContent></Note>
          <Note guid="${G(41)}" name="Code memo"><PlainTextContent>What Answer means</PlainTextContent></Note>
         </Notes>
         <Links><Link guid="${G(50)}" name="explains" originGUID="${G(41)}" targetGUID="${G(10)}"/></Links>`,
      ),
    );
    expect(JSON.parse(meta)).toMatchObject({ notes: 'Transcribed by Ana.' });
    expect(report.skipped).toContainEqual({
      kind: 'link',
      name: 'explains',
      reason: 'links note "Code memo" to code "Answer": Dossier has no links between objects',
    });
    expect(report.skipped).toContainEqual(
      expect.objectContaining({
        kind: 'note',
        name: 'Code memo',
        reason: expect.stringMatching(/not imported/),
      }),
    );
  });
});

describe('who coded what', () => {
  it('uses Coding@creatingUser, falling back to the selection’s creator', () => {
    const sel = `<PlainTextSelection guid="${G(30)}" ${at('Gamma said maybe')} creatingUser="${G(1)}">
      <Coding guid="${G(130)}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${G(31)}" ${at('Alpha said yes')} creatingUser="${G(1)}">
      <Coding guid="${G(131)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>`;
    const { rows } = run(project(source(sel)));
    expect(rows.map((r) => [r.quote, r.analyst])).toEqual([
      ['Alpha said yes', 'Ana'],
      ['Gamma said maybe', 'Ben'],
    ]);
  });
});

describe('the project’s creator', () => {
  it('becomes the new project’s analyst', () => {
    const bytes = project(source(coded(30, 'Alpha said yes')));
    const plan = readQdpx(bytes);
    expect(plan.analyst).toBe('');
    const withCreator = zip({
      'project.qde': `<Project xmlns="urn:QDA-XML:project:1.0" name="x" creatingUserGUID="${G(2).toUpperCase()}"><Users><User guid="${G(2)}" name="Ben"/></Users></Project>`,
    });
    const file = path.join(tempDir(), 'c.dossier');
    importQdpxFile(withCreator, file);
    const p = openProject(file);
    try {
      expect(getMeta(p.db, 'analyst')).toBe('Ben');
    } finally {
      closeProject(p);
    }
  });
});

describe('cases holding document variables', () => {
  it('reports cases that reach no document, their links, and values of unknown variables', () => {
    const plan = readQdpx(
      project(`<Variables><Variable guid="${G(60)}" name="Age" typeOfVariable="Integer"/></Variables>
        <Cases>
         <Case guid="${G(70)}" name="Nobody"><VariableValue><VariableRef targetGUID="${G(60)}"/><IntegerValue>3</IntegerValue></VariableValue></Case>
         <Case guid="${G(71)}" name="Ana"><CodeRef targetGUID="${G(10)}"/>
          <VariableValue><VariableRef targetGUID="${G(60)}"/><IntegerValue>forty</IntegerValue></VariableValue>
          <VariableValue><VariableRef targetGUID="${G(69)}"/><TextValue>x</TextValue></VariableValue>
          <SourceRef targetGUID="${G(20)}"/><SourceRef targetGUID="${G(99)}"/></Case>
        </Cases>
        ${source(coded(30, 'Alpha said yes'))}`),
    );
    const lines = [...plan.skipped, ...plan.problems].map((i) => `${i.kind}: ${i.name}: ${i.reason}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'case: Nobody: covers no imported document: its 1 value has nowhere to go (Dossier keeps attributes on documents)',
        'case: Ana: names 1 source that is not imported: its values do not reach it',
        'case: Ana: its links to 1 code are not imported: a Dossier document has attributes, not cases',
        'variable: Ana: Age: "forty" is not a number: not imported',
        'variable: Ana: the value "x" names a variable that is not in the file: not imported',
      ]),
    );
    expect(plan.sources[0].values).toEqual([{ variableGuid: expect.any(String), value: 'Ana' }]);
  });
});

describe('codebooks and archives as other tools write them', () => {
  it('reads colours with transparency or as rgb(), and says when one cannot be read', () => {
    const p = tempProject('empty');
    const colours = [
      '#1f77b4',
      '#abc',
      '#1f77b4cc',
      'rgb(31, 119, 180)',
      'rgba(31,119,180,0.5)',
      '31,119,180',
      'blue-ish',
    ];
    const codes = colours.map(
      (c, i) => `<Code guid="${G(i + 1)}" name="C${i}" isCodable="true" color="${c}"/>`,
    );
    const r = importQdc(
      p.db,
      new TextEncoder().encode(
        `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes.join('')}</Codes></CodeBook>`,
      ),
    );
    const rows = p.db.prepare('SELECT color, color_chosen FROM domains ORDER BY id').all() as {
      color: string;
      color_chosen: number;
    }[];
    expect(rows.slice(0, 6)).toEqual([
      { color: '#1F77B4', color_chosen: 1 },
      { color: '#AABBCC', color_chosen: 1 },
      ...Array(4).fill({ color: '#1F77B4', color_chosen: 1 }),
    ]);
    expect(rows[6].color_chosen).toBe(0);
    expect(r.problems).toEqual([
      {
        kind: 'code',
        name: 'C6',
        reason: 'colour "blue-ish" cannot be read: shown with a default colour, exported with none',
      },
    ]);
  });

  it('a truncated .qdc names the line and column where it ends and the element left open', () => {
    const p = tempProject('empty');
    const qdc = `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n <Codes>\n  <Code guid="${G(1)}" name="A" isCodable="true">\n   <Code guid="${G(2)}" name="B" isCodable="true"/>\n`;
    expect(() => importQdc(p.db, new TextEncoder().encode(qdc))).toThrow(
      'the codebook file is not well-formed XML: the file ends (line 6, column 1) while <Code> (opened at line 4, column 3) is still open: it looks cut short',
    );
  });

  it('an archive with several .qde files and none named project.qde is refused with a clear message', () => {
    const bytes = zip({ 'a.qde': '<Project name="a"/>', 'b.qde': '<Project name="b"/>' });
    expect(() => readQdpx(bytes, 'two.qdpx')).toThrow(
      'two.qdpx holds several project files (a.qde, b.qde) and none is named project.qde: Dossier cannot tell which to import',
    );
  });
});
