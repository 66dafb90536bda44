import { writeDocxBody } from './docxBody';
import {
  APP_PROPS,
  CONTENT_TYPES,
  coreProps,
  DOCUMENT_HEAD,
  DOCUMENT_RELS,
  DOCUMENT_TAIL,
  ROOT_RELS,
  SETTINGS,
  STYLES,
} from './docxParts';
import { paragraph, run } from './docxXml';
import type { ReportModel } from './report';
import { memoByline } from './reportMemos';
import { type ByteSink, memorySink } from './sink';
import { zipStream } from './zipStream';

// The Word report, written as WordprocessingML directly into a streaming ZIP: the docx package's object model
// built every paragraph and the whole package in memory (818 MB peak and 5.4 s of CPU at 119,085 excerpts).

type Emit = (xml: string) => void;

const GREY = '555555';
const stamp = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The title page: project, what the report holds, the filters, the date, and how to read a citation. */
function titlePage(model: ReportModel, out: Emit): void {
  const indent = '<w:ind w:left="360"/>';
  out(
    paragraph('<w:pStyle w:val="Title"/><w:spacing w:before="2400"/>', run(model.projectName)) +
      paragraph('<w:spacing w:after="480"/>', run('Tagged excerpts', { size: 32, color: GREY })) +
      paragraph(
        '',
        run(
          `${plural(model.total, 'excerpt')} from ${plural(model.documents, 'document')}, in ${plural(model.sections.length, 'domain')}`,
        ),
      ) +
      paragraph('<w:spacing w:after="240"/>', run(`Exported ${stamp(model.exportedAt)}`)) +
      paragraph('', run('Filters', { bold: true })) +
      (model.filters.length
        ? model.filters.map((f) => paragraph(indent, run(f))).join('')
        : paragraph(indent, run('None: every tagged excerpt of the project'))) +
      paragraph(
        '<w:spacing w:before="480"/>',
        run(
          'Each excerpt is cited as: document — source, date, page (PDF) or paragraph (¶), then its position: ' +
            'characters (Unicode code points) from the start of the document’s text, as in Dossier’s other exports.',
          { size: 18, color: GREY },
        ),
      ),
  );
}

/** A table cell `pct` fiftieths of a percent wide (5000 = the table's width). */
const cell = (pct: number, content: string): string =>
  `<w:tc><w:tcPr><w:tcW w:w="${pct}" w:type="pct"/></w:tcPr>${content}</w:tc>`;
const BORDER =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
    .join('') +
  '</w:tblBorders>';
const COLUMNS = [
  { header: 'Domain', pct: 3000, twips: 5416 },
  { header: 'Excerpts', pct: 1000, twips: 1805 },
  { header: 'Documents', pct: 1000, twips: 1805 },
];

/** The contents: every domain of the outline, indented by its depth, linked to its heading, with its counts. */
function contents(model: ReportModel, out: Emit): void {
  const count = (n: number | undefined): string =>
    paragraph('<w:jc w:val="right"/>', run(n === undefined ? '—' : String(n)));
  out(
    paragraph('<w:pStyle w:val="Heading1"/><w:pageBreakBefore/>', run('Contents')) +
      `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>${BORDER}</w:tblPr><w:tblGrid>` +
      COLUMNS.map((c) => `<w:gridCol w:w="${c.twips}"/>`).join('') +
      '</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>' +
      COLUMNS.map((c) => cell(c.pct, paragraph('', run(c.header, { bold: true })))).join('') +
      '</w:tr>',
  );
  model.outline.forEach((o, i) => {
    // The anchor is the bookmark docxBody.ts puts on the domain's heading.
    const link = `<w:hyperlink w:anchor="domain${i + 1}" w:history="1">${run(o.domain.name, { style: 'Hyperlink' })}</w:hyperlink>`;
    out(
      '<w:tr>' +
        cell(COLUMNS[0].pct, paragraph(`<w:ind w:left="${o.depth * 283}"/>`, link)) +
        cell(COLUMNS[1].pct, count(o.section?.count)) +
        cell(COLUMNS[2].pct, count(o.section?.documents.length)) +
        '</w:tr>',
    );
  });
  out('</w:tbl>');
}

/** The memos after the excerpts: a heading, then each memo's title, byline and text (its Markdown as written). */
function memos(model: ReportModel, out: Emit): void {
  if (!model.memos?.length) return;
  out(paragraph('<w:pStyle w:val="Heading1"/><w:pageBreakBefore/>', run('Memos')));
  for (const m of model.memos) {
    out(
      paragraph('<w:pStyle w:val="Heading2"/>', run(m.title)) +
        paragraph('', run(memoByline(m), { italics: true, color: GREY })),
    );
    for (const p of m.text.trim().split(/\n{2,}/))
      if (p.trim()) out(paragraph('<w:spacing w:after="120"/>', run(p)));
  }
}

/**
 * A Word report into `sink`: a title page (project, counts, filters, date), the contents, then the codebook's
 * domains in codebook order with its hierarchy as heading levels, each domain's excerpts grouped by document,
 * and the memos when asked. Only the report model is in memory, never the document's XML or the file.
 */
export function writeDocx(model: ReportModel, sink: ByteSink): void {
  // Level 1, as the workbook's: WordprocessingML is as repetitive as sheet XML.
  const zip = zipStream(sink, 1);
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file(
    'docProps/core.xml',
    coreProps({
      title: model.title,
      description: model.filters.length ? `Filters: ${model.filters.join('; ')}` : '',
      createdAt: model.exportedAt,
    }),
  );
  zip.file('docProps/app.xml', APP_PROPS);
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS);
  zip.file('word/styles.xml', STYLES);
  zip.file('word/settings.xml', SETTINGS);
  const doc = zip.entry('word/document.xml');
  doc.text(DOCUMENT_HEAD);
  titlePage(model, doc.text);
  contents(model, doc.text);
  writeDocxBody(model, doc.text);
  memos(model, doc.text);
  doc.text(DOCUMENT_TAIL);
  doc.end();
  zip.end();
}

/** The report as bytes (the API's base64 answer, tests). */
export function docxOf(model: ReportModel): Uint8Array {
  const sink = memorySink();
  writeDocx(model, sink);
  return sink.bytes();
}
