import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { DossierError } from '../errors';
import { replaceControls } from '../export/control';

export const QDA_PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const QDA_CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** An element as fast-xml-parser builds and parses it: attributes under "@_name", children by tag name. */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | number | boolean | XmlNode | XmlNode[] | string[] | undefined;

// XML 1.0 forbids most control characters: a note holding one would make the whole file unreadable.
export const xmlText = replaceControls;

export function buildXml(root: XmlNode): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: ' ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
    processEntities: true,
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(root) as string}`;
}

/** Elements that may repeat, so that the parser always gives an array for them. */
const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'VariableValue',
  'Note',
  'Set',
  'Link',
]);

/**
 * Parses REFI-QDA XML: strips what other tools put before `<?xml` (a BOM, white space), checks it is well-formed
 * and drops namespace prefixes. Text keeps its white space exactly.
 */
export function parseXml(text: string, what: string): XmlNode {
  const start = text.indexOf('<');
  const xml =
    start > 0 &&
    text
      .slice(0, start)
      .replace(/^\uFEFF/, '')
      .trim() === ''
      ? text.slice(start)
      : text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new DossierError(
      'invalid_input',
      `${what} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    allowBooleanAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Entities are decoded by `decodeEntities` when a value is read, numeric references included.
    processEntities: false,
    isArray: (name) => REPEATED.has(name),
  });
  return parser.parse(xml) as XmlNode;
}

/** Child elements of a node as an array (none → []). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const v = node?.[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is XmlNode => typeof x === 'object' && x !== null);
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references in one pass. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return v === undefined ? undefined : decodeEntities(String(v));
}

/** The text of a simple element such as `<Description>`; '' when absent. */
export function textOf(node: XmlNode | undefined, name: string): string {
  const v = node?.[name];
  if (v === undefined) return '';
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean')
    return decodeEntities(String(first));
  if (first && typeof first === 'object' && '#text' in first) return decodeEntities(String(first['#text']));
  return '';
}
