import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { createProject, type Project, setMeta } from '../../../electron/core/project';
import { fromCodePointOffset } from '../../../shared/text';

export function tempDir(prefix = 'dossier-export-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Texts that exercise what exports get wrong: astral characters before a claim (code points ≠ UTF-16), markup
// characters, a text imported with CRLF line ends, paragraphs, and a paginated (PDF) document.
export const TEXTS = {
  emoji:
    'Opening 🛡️ remarks 🇺🇦 by the minister.\n\nThe alliance agreed to *train* 5,000 officers <every> year & more.\n\nA second paragraph mentions 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and joint exercises in the Baltic.',
  crlf: 'Line one of a Windows file.\r\nLine two: the ministry signed a treaty.\r\n\r\n# Not a heading\r\n1. not a list — exercises resumed.',
  pdf: 'Page one text about attachés.\nPage two: intelligence sharing expanded.\nPage three: missions ended.',
};

export interface Fixture {
  project: Project;
  dir: string;
  docs: { emoji: number; crlf: number; pdf: number };
  domains: { dialogue: number; training: number; exercises: number; intel: number; parent: number };
  claims: number[];
}

/** Finds the first occurrence of a quote in the stored text and tags it. */
export function tag(
  p: Project,
  docId: number,
  quote: string,
  domainIds: number[],
  extra: Partial<Parameters<typeof createClaim>[1]> = {},
): number {
  const text = (p.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }).text;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture quote not found: ${quote}`);
  return createClaim(p.db, { docId, start, end: start + quote.length, domainIds, ...extra }).id;
}

export function buildFixture(name = 'Fixture'): Fixture {
  const dir = tempDir();
  const project = createProject(path.join(dir, `${name}.dossier`), 'empty');
  const db = project.db;
  setMeta(db, 'analyst', 'Ana Lyst');
  const parent = createDomain(db, { name: 'Cooperation', color: '#332288', description: 'All cooperation' });
  const dialogue = createDomain(db, {
    name: 'High-level dialogue',
    color: '#117733',
    description: 'Meetings & <summits>',
    parentId: parent,
  });
  const training = createDomain(db, { name: 'Training', color: '#44AA99', parentId: parent });
  const exercises = createDomain(db, { name: 'Exercises', color: '#88CCEE' });
  const intel = createDomain(db, { name: 'Intelligence [shared]', color: '#DDCC77' });
  const emoji = addDocument(db, {
    title: 'Speech with emoji 🛡️',
    text: TEXTS.emoji,
    format: 'md',
    source: 'Ministry <press>',
    published: '2024-05-01',
  }).id;
  const crlf = addDocument(db, {
    title: 'Windows memo',
    text: TEXTS.crlf,
    format: 'txt',
    source: 'Archive',
  }).id;
  const pdfText = TEXTS.pdf;
  const p2 = pdfText.indexOf('Page two');
  const p3 = pdfText.indexOf('Page three');
  const pdf = addDocument(db, {
    title: 'Report (PDF)',
    text: pdfText,
    format: 'pdf',
    published: '2023',
    pages: [
      { page: 1, start: 0, end: p2 },
      { page: 2, start: p2, end: p3 },
      { page: 3, start: p3, end: pdfText.length },
    ],
  }).id;
  // Typed attributes, written the way the store keeps them.
  const country = Number(
    db.prepare("INSERT INTO attributes (name, type) VALUES ('Country', 'text')").run().lastInsertRowid,
  );
  const year = Number(
    db.prepare("INSERT INTO attributes (name, type) VALUES ('Year', 'number')").run().lastInsertRowid,
  );
  const setAttr = db.prepare(
    'INSERT INTO document_attributes (document_id, attribute_id, value) VALUES (?, ?, ?)',
  );
  setAttr.run(emoji, country, 'Ukraine');
  setAttr.run(emoji, year, '2024');
  setAttr.run(crlf, country, 'France');
  setAttr.run(pdf, country, 'Ukraine');

  const claims = [
    tag(
      project,
      emoji,
      'The alliance agreed to *train* 5,000 officers <every> year & more.',
      [training, dialogue],
      {
        note: 'Note with <script>alert(1)</script> & *stars*\nsecond line',
        actor: 'NATO',
        stance: 'supports',
        reliability: 'B',
        credibility: 2,
        analyst: 'Ana Lyst',
      },
    ),
    // Overlaps the first claim.
    tag(project, emoji, 'train* 5,000 officers', [training], {
      analyst: 'Bo',
      reliability: 'C',
      credibility: 3,
    }),
    tag(project, emoji, '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and joint exercises', [exercises], { analyst: 'Ana Lyst' }),
    tag(project, crlf, 'the ministry signed a treaty.', [dialogue], { analyst: 'Bo', stance: 'neutral' }),
    tag(project, crlf, '# Not a heading\n1. not a list — exercises resumed.', [exercises], { analyst: 'Bo' }),
    tag(project, pdf, 'intelligence sharing expanded', [intel], { analyst: 'Ana Lyst', note: 'p. 2 claim' }),
    tag(project, pdf, 'missions ended', [intel, exercises], { analyst: 'Ana Lyst' }),
  ];
  return {
    project,
    dir,
    docs: { emoji, crlf, pdf },
    domains: { dialogue, training, exercises, intel, parent },
    claims,
  };
}

/** The document text between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return text.slice(fromCodePointOffset(text, start), fromCodePointOffset(text, end));
}

export function docText(f: Fixture, id: number): string {
  return (f.project.db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string }).text;
}
