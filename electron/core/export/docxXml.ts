import { escapeXml } from './xmlText';

// WordprocessingML runs and paragraphs as strings, the pieces every part of the Word report is written with.

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  /** A character style (the contents' links: Hyperlink). */
  style?: string;
}

/** Line ends as an analyst's text may hold them (notes pasted from Windows keep CR LF). */
const LINE_END = /\r\n?|\n/;

/**
 * A <w:t>: text escaped as xmlText does (markup as entities, forbidden controls as U+FFFD), astral kept. Its
 * spaces are always kept: without xml:space="preserve" Word drops leading and trailing ones and LibreOffice folds
 * two inside into one, and telling which texts need it (a regexp over every quote) cost more than the attribute.
 */
const textXml = (line: string): string => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`;

/** A run whose line breaks become Word line breaks (<w:br/>); props in the schema's order. */
export function run(text: string, style: RunStyle = {}): string {
  const props =
    (style.style ? `<w:rStyle w:val="${style.style}"/>` : '') +
    (style.bold ? '<w:b/><w:bCs/>' : '') +
    (style.italics ? '<w:i/><w:iCs/>' : '') +
    (style.color ? `<w:color w:val="${style.color}"/>` : '') +
    (style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : '');
  const body = LINE_END.test(text) ? text.split(LINE_END).map(textXml).join('<w:br/>') : textXml(text);
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${body}</w:r>`;
}

/** A paragraph; `props` are <w:pPr> children in schema order (pStyle, keepNext, pageBreakBefore, pBdr, …). */
export const paragraph = (props: string, runs: string): string =>
  `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
