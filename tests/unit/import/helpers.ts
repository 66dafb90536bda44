import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createProject, type Project } from '../../../electron/core/project';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');

export function tempDir(prefix = 'dossier-import-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempProject(): Project {
  return createProject(path.join(tempDir(), 'test.dossier'), 'empty');
}

/** A two-page PDF with an info dictionary, a word hyphenated across lines, and two paragraphs. */
export async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.setTitle('Alliance Training Report');
  pdf.setAuthor('J. Lindqvist');
  pdf.setCreationDate(new Date(Date.UTC(2024, 4, 17, 12)));
  const p1 = pdf.addPage([595, 842]);
  const line = (page: typeof p1, text: string, y: number): void =>
    page.drawText(text, { x: 72, y, size: 12, font });
  line(p1, 'Ministers agreed to widen the inter-', 760);
  line(p1, 'national exchange of training data.', 746);
  line(p1, 'A second paragraph starts after a gap.', 700);
  const p2 = pdf.addPage([595, 842]);
  line(p2, 'Page two speaks of Franco-', 760);
  line(p2, 'German cooperation.', 746);
  return pdf.save();
}

/** A PDF whose only page carries a drawing and no text. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([200, 200]);
  page.drawRectangle({ x: 20, y: 20, width: 100, height: 100 });
  return pdf.save();
}

export async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    title: 'Quiet Channels',
    creator: 'O. Marchenko',
    footnotes: { 1: { children: [new Paragraph('Interview with a defence attaché, 2024.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Defence Attachés at Work', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Attachés carry messages between general staffs.'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ text: 'First duty', bullet: { level: 0 } }),
          new Paragraph({ text: 'Second duty', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Country')] }),
                  new TableCell({ children: [new Paragraph('Attachés')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Poland')] }),
                  new TableCell({ children: [new Paragraph({ text: '4', alignment: AlignmentType.RIGHT })] }),
                ],
              }),
            ],
          }),
          new Paragraph('Closing remarks.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
