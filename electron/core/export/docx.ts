import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  type IBaseParagraphStyleOptions,
  InternalHyperlink,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { replaceControls } from '../xmlChars';
import { DOCUMENT_STYLE, docxBodyXml } from './docxBody';
import type { ReportModel } from './report';
import { memoByline } from './reportMemos';

const clean = replaceControls;

/** Runs for a text whose line breaks become Word line breaks. */
function lines(
  text: string,
  style: { italics?: boolean; bold?: boolean; size?: number; color?: string } = {},
) {
  return clean(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } });
}

/** Heading n: outline level n - 1 (Word's navigation pane, LibreOffice's Navigator), kept with what follows. */
function heading(level: number, size: number): IBaseParagraphStyleOptions {
  return {
    run: { font: 'Georgia', size, bold: true, italics: level >= 3, color: '1F3A5F' },
    paragraph: {
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      spacing: { before: level === 1 ? 360 : 240, after: 120 },
    },
  };
}

const stamp = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The title page: project, what the report holds, the filters, the date, and how to read a citation. */
function titlePage(model: ReportModel): Paragraph[] {
  const grey = '555555';
  const domains = model.sections.length;
  return [
    new Paragraph({
      spacing: { before: 2400 },
      heading: HeadingLevel.TITLE,
      children: lines(model.projectName),
    }),
    new Paragraph({ spacing: { after: 480 }, children: lines('Tagged excerpts', { size: 32, color: grey }) }),
    new Paragraph({
      children: lines(
        `${model.total} excerpt${model.total === 1 ? '' : 's'} from ${model.documents} document${model.documents === 1 ? '' : 's'}, in ${domains} domain${domains === 1 ? '' : 's'}`,
      ),
    }),
    new Paragraph({ spacing: { after: 240 }, children: lines(`Exported ${stamp(model.exportedAt)}`) }),
    new Paragraph({ children: [new TextRun({ text: 'Filters', bold: true })] }),
    ...(model.filters.length
      ? model.filters.map((f) => new Paragraph({ indent: { left: 360 }, children: lines(f) }))
      : [
          new Paragraph({
            indent: { left: 360 },
            children: lines('None: every tagged excerpt of the project'),
          }),
        ]),
    new Paragraph({
      spacing: { before: 480 },
      children: lines(
        'Each excerpt is cited as: document — source, date, page (PDF) or paragraph (¶), then its position: ' +
          'characters (Unicode code points) from the start of the document’s text, as in Dossier’s other exports.',
        { size: 18, color: grey },
      ),
    }),
  ];
}

/** The contents: every domain of the outline, indented by its depth, with its own counts. */
function contents(model: ReportModel): (Paragraph | Table)[] {
  const count = (n: number | undefined): Paragraph =>
    new Paragraph({ alignment: AlignmentType.RIGHT, text: n === undefined ? '—' : String(n) });
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun('Contents')],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: ['Domain', 'Excerpts', 'Documents'].map((h, i) =>
            cell([new Paragraph({ children: [new TextRun({ text: h, bold: true })] })], i === 0 ? 60 : 20),
          ),
        }),
        ...model.outline.map(
          (o, i) =>
            new TableRow({
              children: [
                cell(
                  [
                    new Paragraph({
                      indent: { left: o.depth * 283 },
                      children: [
                        new InternalHyperlink({
                          anchor: `domain${i + 1}`,
                          children: [new TextRun({ text: clean(o.domain.name), style: 'Hyperlink' })],
                        }),
                      ],
                    }),
                  ],
                  60,
                ),
                cell([count(o.section?.count)], 20),
                cell([count(o.section?.documents.length)], 20),
              ],
            }),
        ),
      ],
    }),
  ];
}

const BODY_MARK = 'DOSSIER-REPORT-BODY-6f1c';

/** The memos after the excerpts: a heading, then each memo's title, byline and text (its Markdown as written). */
function memoParagraphs(model: ReportModel): Paragraph[] {
  if (!model.memos?.length) return [];
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun('Memos')],
    }),
    ...model.memos.flatMap((m) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: lines(m.title) }),
      new Paragraph({ children: lines(memoByline(m), { italics: true, color: '555555' }) }),
      ...m.text
        .trim()
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p) => new Paragraph({ spacing: { after: 120 }, children: lines(p) })),
    ]),
  ];
}

/**
 * A Word report: a title page (project, counts, filters, date), the contents, then the codebook's domains in
 * codebook order with its hierarchy as heading levels, each domain's excerpts grouped by document.
 */
export async function docxOf(model: ReportModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...titlePage(model),
    ...contents(model),
    new Paragraph({ children: [new TextRun(BODY_MARK)] }),
    ...memoParagraphs(model),
  ];
  const doc = new Document({
    creator: 'Dossier',
    title: clean(model.title),
    description: model.filters.length ? clean(`Filters: ${model.filters.join('; ')}`) : undefined,
    styles: {
      default: {
        document: { run: { font: 'Georgia', size: 22 } },
        title: { run: { font: 'Georgia', size: 56, color: '1F3A5F' } },
        heading1: heading(1, 36),
        heading2: heading(2, 28),
        heading3: heading(3, 24),
        heading4: heading(4, 22),
        heading5: heading(5, 22),
        heading6: heading(6, 22),
      },
      paragraphStyles: [
        {
          id: DOCUMENT_STYLE,
          name: 'Document title',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: 'Georgia', size: 20, bold: true, color: '444444' },
          paragraph: {
            keepNext: true,
            keepLines: true,
            spacing: { before: 200, after: 40 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 4, space: 1, color: 'BBBBBB' } },
          },
        },
      ],
    },
    sections: [{ children }],
  });
  // The docx package writes the package, styles, title page and contents; the excerpts (100,000 of them in a
  // large project) are written as WordprocessingML directly in place of a marker paragraph: the package's object
  // model needed 4 GB and 40 s for that many paragraphs.
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const xml = strFromU8(files['word/document.xml']);
  const at = xml.indexOf(BODY_MARK);
  const from =
    xml.lastIndexOf('<w:p>', at) >= 0 ? xml.lastIndexOf('<w:p>', at) : xml.lastIndexOf('<w:p ', at);
  const to = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || from < 0) throw new Error('DOCX report: body marker not found');
  files['word/document.xml'] = Buffer.concat([
    Buffer.from(xml.slice(0, from)),
    ...docxBodyXml(model).map((part) => Buffer.from(part)),
    Buffer.from(xml.slice(to)),
  ]);
  return Buffer.from(zipSync(files, { level: 6 }));
}
