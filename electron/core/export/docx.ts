import {
  AlignmentType,
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
import { strFromU8, unzipSync, zipSync } from 'fflate';
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
  children.push(new Paragraph({ children: [new TextRun(BODY_MARK)] }));
  const doc = new Document({
    creator: 'Dossier',
    title: clean(model.title),
    styles: { default: { document: { run: { font: 'Georgia', size: 22 } } } },
    sections: [{ children }],
  });
  // The docx package writes the package, styles and contents table; the excerpts (100,000 of them in a large
  // project) are written as WordprocessingML directly in place of a marker paragraph: the package's object model
  // needed 4 GB and 40 s for that many paragraphs.
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const xml = strFromU8(files['word/document.xml']);
  const at = xml.indexOf(BODY_MARK);
  const from =
    xml.lastIndexOf('<w:p>', at) >= 0 ? xml.lastIndexOf('<w:p>', at) : xml.lastIndexOf('<w:p ', at);
  const to = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || from < 0) throw new Error('DOCX report: body marker not found');
  const body = bodyXml(model);
  files['word/document.xml'] = Buffer.concat([
    Buffer.from(xml.slice(0, from)),
    ...body.map((part) => Buffer.from(part)),
    Buffer.from(xml.slice(to)),
  ]);
  return Buffer.from(zipSync(files, { level: 6 }));
}

const BODY_MARK = 'DOSSIER-REPORT-BODY-6f1c';

const escapeXml = (v: string): string =>
  clean(v).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
}

/** A run whose line breaks become Word line breaks (<w:br/>). */
function run(text: string, style: RunStyle = {}): string {
  const props = [
    style.bold ? '<w:b/><w:bCs/>' : '',
    style.italics ? '<w:i/><w:iCs/>' : '',
    style.color ? `<w:color w:val="${style.color}"/>` : '',
    style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : '',
  ].join('');
  const body = text
    .split('\n')
    .map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`)
    .join('<w:br/>');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${body}</w:r>`;
}

/** A paragraph; `props` are <w:pPr> children in schema order. */
const paragraph = (props: string, runs: string): string =>
  `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;

const INDENT = '<w:ind w:left="567"/>';

/** Domain → document → excerpt paragraphs, as a list of XML pieces (one per section) to keep strings small. */
function bodyXml(model: ReportModel): string[] {
  const parts: string[] = [];
  model.sections.forEach((s, i) => {
    const out: string[] = [];
    const name = `domain${i + 1}`;
    out.push(
      paragraph(
        `<w:pStyle w:val="Heading1"/>${i > 0 ? '<w:pageBreakBefore/>' : ''}`,
        `<w:bookmarkStart w:id="${i + 1}" w:name="${name}"/>${run(s.domain.name)}<w:bookmarkEnd w:id="${i + 1}"/>`,
      ),
      paragraph('', run(`${s.count} excerpt${s.count === 1 ? '' : 's'}`, { color: '555555' })),
    );
    if (s.domain.description) out.push(paragraph('', run(s.domain.description, { italics: true })));
    const border = `<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="${hex(s.domain.color)}"/></w:pBdr>`;
    for (const d of s.documents) {
      out.push(paragraph('<w:pStyle w:val="Heading2"/>', run(d.doc.title)));
      for (const entry of d.entries) {
        const more = Boolean(entry.details || entry.excerpt.note);
        out.push(
          paragraph(
            `<w:keepNext/>${border}<w:spacing w:before="160" w:after="60"/>${INDENT}`,
            run(entry.excerpt.quote),
          ),
          paragraph(
            `${more ? '<w:keepNext/>' : ''}${INDENT}`,
            run(`— ${entry.citation}`, { italics: true, size: 20 }),
          ),
        );
        if (entry.details) out.push(paragraph(INDENT, run(entry.details, { color: '555555', size: 18 })));
        if (entry.excerpt.note)
          out.push(
            paragraph(
              INDENT,
              run('Note: ', { bold: true, size: 20 }) + run(entry.excerpt.note, { size: 20 }),
            ),
          );
      }
    }
    parts.push(out.join(''));
  });
  return parts;
}
