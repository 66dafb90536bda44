import { paragraph, run } from './docxXml';
import type { ReportEntry, ReportModel, ReportSection } from './report';

// The body of the Word report, written as WordprocessingML directly and streamed (see docx.ts). The codebook's
// hierarchy gives the heading levels: a top-level domain is Heading 1, its sub-domain Heading 2, and so on. The
// documents under a domain get their own paragraph style, outside the outline, so that a document never looks
// like (or sits in the navigation pane beside) a sub-domain. A page break separates two neighbours (domains or
// documents at the same level) only when both fill a page: short sections follow each other on a page, where a
// break before every domain had left 14 mostly blank pages for 17 excerpts.

/**
 * Lines of 11 pt body text on a page (Letter 50, A4 55 with the default 1" margins) and characters on a line;
 * smaller text (citations, details) counts as a fraction of a line. Measured on LibreOffice's rendering.
 */
export const PAGE_LINES = 52;
const LINE_CHARS = 80;
const DOMAIN_HEADING_LINES = 2;
const DOCUMENT_TITLE_LINES = 1.5;
/** Word has built-in heading styles down to 9, but the report defines (and LibreOffice maps) 1–6. */
const DEEPEST_HEADING = 6;

const INDENT = '<w:ind w:left="567"/>';
const hex = (c: string): string => (/^#[0-9a-fA-F]{6}$/.test(c) ? c.slice(1) : '999999');
const headingStyle = (level: number): string =>
  `<w:pStyle w:val="Heading${Math.min(level, DEEPEST_HEADING)}"/>`;

/** Lines a text takes, each of its own lines wrapped at `width` characters. */
function textLines(text: string, width = LINE_CHARS): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / width)), 0);
}

/** The citation a colleague can follow: document, source, date, page or paragraph, and the position. */
export function docxCitation(entry: ReportEntry): string {
  const { startCp, endCp } = entry.excerpt;
  return `— ${entry.citation}, characters ${startCp}–${endCp}`;
}

function entryLines(entry: ReportEntry): number {
  return (
    1 + // the space around the quote
    textLines(entry.excerpt.quote, LINE_CHARS - 8) +
    0.9 * textLines(docxCitation(entry), LINE_CHARS) +
    (entry.details ? 0.7 : 0) +
    (entry.excerpt.note ? 0.9 * textLines(`Note: ${entry.excerpt.note}`, LINE_CHARS - 8) : 0)
  );
}

/** One block of the body: a domain (with what it holds) or a document under a domain. */
interface Block {
  lines: number;
  write: (out: Emit, pageBreakBefore: boolean) => void;
}

/** Where the XML goes as it is written: the document.xml entry of the streaming ZIP. */
type Emit = (xml: string) => void;

/**
 * Writes blocks in order, with a page break between two neighbours when both fill a page (a short block after a
 * long one, or before it, shares its page). `firstAfter` is the size of what precedes the first block, if any.
 */
function writeBlocks(blocks: Block[], out: Emit, firstAfter = 0): void {
  blocks.forEach((b, i) => {
    const before = i === 0 ? firstAfter : blocks[i - 1].lines;
    b.write(out, before >= PAGE_LINES && b.lines >= PAGE_LINES);
  });
}

interface OutlineNode {
  index: number;
  depth: number;
  name: string;
  section: ReportSection | null;
  children: OutlineNode[];
}

/** The flat outline (parents before children, with depths) as a tree again. */
function outlineTree(model: ReportModel): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  model.outline.forEach((o, index) => {
    const node = { index, depth: o.depth, name: o.domain.name, section: o.section, children: [] };
    while (stack.length && stack[stack.length - 1].depth >= o.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  });
  return roots;
}

/** The paragraph style of a document's title under a domain (defined in docxParts.ts). */
export const DOCUMENT_STYLE = 'DossierDocument';

function documentBlock(d: ReportSection['documents'][number], colour: string): Block {
  const border = `<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="${colour}"/></w:pBdr>`;
  return {
    lines: DOCUMENT_TITLE_LINES + d.entries.reduce((n, e) => n + entryLines(e), 0),
    write: (out, pageBreakBefore) => {
      out(
        paragraph(
          `<w:pStyle w:val="${DOCUMENT_STYLE}"/>${pageBreakBefore ? '<w:pageBreakBefore/>' : ''}`,
          run(d.doc.title),
        ),
      );
      for (const entry of d.entries) {
        const more = Boolean(entry.details || entry.excerpt.note);
        out(
          paragraph(
            `<w:keepNext/>${border}<w:spacing w:before="160" w:after="60"/>${INDENT}`,
            run(entry.excerpt.quote),
          ) +
            paragraph(
              `${more ? '<w:keepNext/>' : ''}${INDENT}`,
              run(docxCitation(entry), { italics: true, size: 20 }),
            ),
        );
        if (entry.details) out(paragraph(INDENT, run(entry.details, { color: '555555', size: 18 })));
        if (entry.excerpt.note)
          out(
            paragraph(
              INDENT,
              run('Note: ', { bold: true, size: 20 }) + run(entry.excerpt.note, { size: 20 }),
            ),
          );
      }
    },
  };
}

function domainBlock(node: OutlineNode): Block {
  const s = node.section;
  const level = node.depth + 1;
  const docs = s ? s.documents.map((d) => documentBlock(d, hex(s.domain.color))) : [];
  const subs = node.children.map(domainBlock);
  const own =
    DOMAIN_HEADING_LINES + (s ? 1 + (s.domain.description ? textLines(s.domain.description) : 0) : 0);
  return {
    lines: own + [...docs, ...subs].reduce((n, b) => n + b.lines, 0),
    write: (out, pageBreakBefore) => {
      const id = node.index + 1;
      out(
        paragraph(
          `${headingStyle(level)}${pageBreakBefore ? '<w:pageBreakBefore/>' : ''}`,
          `<w:bookmarkStart w:id="${id}" w:name="domain${id}"/>${run(node.name)}<w:bookmarkEnd w:id="${id}"/>`,
        ),
      );
      if (s) {
        out(paragraph('', run(`${s.count} excerpt${s.count === 1 ? '' : 's'}`, { color: '555555' })));
        if (s.domain.description) out(paragraph('', run(s.domain.description, { italics: true })));
      }
      // The domain's own excerpts, document by document, then its sub-domains.
      writeBlocks([...docs, ...subs], out);
    },
  };
}

/** Lines the contents table takes before the body, so that a long contents ends on its own page. */
const contentsLines = (model: ReportModel): number => DOMAIN_HEADING_LINES + 1 + model.outline.length;

/** Writes the body into `out` as it goes: a domain of 100,000 excerpts is never one string. */
export function writeDocxBody(model: ReportModel, out: Emit): void {
  writeBlocks(outlineTree(model).map(domainBlock), out, contentsLines(model));
}
