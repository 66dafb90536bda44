import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { replaceControls } from './control';
import type { ReportModel } from './report';

const clean = replaceControls;

/** Runs for a text whose line breaks become Word line breaks. */
function lines(text: string, style: { italics?: boolean; bold?: boolean; size?: number } = {}): TextRun[] {
  return clean(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

const hex = (c: string): string => (/^#[0-9a-fA-F]{6}$/.test(c) ? c.slice(1) : '999999');

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } });
}

/** A Word report: contents table with domain counts, then domain → document → block-quoted excerpts. */
export async function docxOf(model: ReportModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: lines(model.title) }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${model.total} excerpts · exported ${model.exportedAt.slice(0, 16).replace('T', ' ')} UTC`,
          color: '555555',
        }),
      ],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Contents')] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: ['Domain', 'Excerpts', 'Documents'].map((h, i) =>
            cell([new Paragraph({ children: [new TextRun({ text: h, bold: true })] })], i === 0 ? 60 : 20),
          ),
        }),
        ...model.sections.map(
          (s, i) =>
            new TableRow({
              children: [
                cell(
                  [
                    new Paragraph({
                      children: [
                        new InternalHyperlink({
                          anchor: `domain${i + 1}`,
                          children: [new TextRun({ text: clean(s.domain.name), style: 'Hyperlink' })],
                        }),
                      ],
                    }),
                  ],
                  60,
                ),
                cell([new Paragraph({ alignment: AlignmentType.RIGHT, text: String(s.count) })], 20),
                cell(
                  [new Paragraph({ alignment: AlignmentType.RIGHT, text: String(s.documents.length) })],
                  20,
                ),
              ],
            }),
        ),
      ],
    }),
  ];
  model.sections.forEach((s, i) => {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: i > 0,
        children: [new Bookmark({ id: `domain${i + 1}`, children: [new TextRun(clean(s.domain.name))] })],
      }),
      new Paragraph({ children: [new TextRun({ text: `${s.count} excerpts`, color: '555555' })] }),
    );
    if (s.domain.description)
      children.push(new Paragraph({ children: lines(s.domain.description, { italics: true }) }));
    for (const d of s.documents) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: lines(d.doc.title) }));
      for (const entry of d.entries) {
        children.push(
          new Paragraph({
            indent: { left: 567 },
            spacing: { before: 160, after: 60 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: hex(s.domain.color), space: 8 } },
            keepNext: true,
            children: lines(entry.excerpt.quote),
          }),
          new Paragraph({
            indent: { left: 567 },
            keepNext: Boolean(entry.details || entry.excerpt.note),
            children: [new TextRun({ text: `— ${clean(entry.citation)}`, italics: true, size: 20 })],
          }),
        );
        if (entry.details)
          children.push(
            new Paragraph({
              indent: { left: 567 },
              children: [new TextRun({ text: clean(entry.details), color: '555555', size: 18 })],
            }),
          );
        if (entry.excerpt.note)
          children.push(
            new Paragraph({
              indent: { left: 567 },
              children: [
                new TextRun({ text: 'Note: ', bold: true, size: 20 }),
                ...lines(entry.excerpt.note, { size: 20 }),
              ],
            }),
          );
      }
    }
  });
  const doc = new Document({
    creator: 'Dossier',
    title: clean(model.title),
    styles: { default: { document: { run: { font: 'Georgia', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
