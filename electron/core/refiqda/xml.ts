import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { DossierError } from '../errors';
import { replaceControls } from '../xmlChars';

export const QDA_PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const QDA_CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** An element as fast-xml-parser builds and parses it: attributes under "@_name", children by tag name. */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | number | boolean | XmlNode | XmlNode[] | string[] | undefined;

// XML 1.0 forbids most control characters: a note holding one would make the whole file unreadable.
export const xmlText = replaceControls;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: ' ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

export function buildXml(root: XmlNode): string {
  return `${DECLARATION}${builder.build(root) as string}`;
}

const escapeText = (v: string): string =>
  v.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
// Line breaks and tabs in attributes become character references: a parser would turn them into spaces.
const escapeAttribute = (v: string): string => v.replace(/[&<>"\n\r\t]/g, (c) => ATTRIBUTE_ESCAPES[c]);
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/**
 * Serialises an element tree of the shape XMLBuilder takes (attributes under "@_name", children by tag name,
 * text as strings). Used for the large parts of a project: XMLBuilder spent most of a 100,000-claim export in
 * building and collecting intermediate strings. Tests check that both give the same document.
 */
export function writeElement(name: string, node: XmlValue, out: string[], indent = ''): void {
  if (node === undefined) return;
  if (Array.isArray(node)) {
    for (const n of node) writeElement(name, n, out, indent);
    return;
  }
  if (typeof node !== 'object') {
    out.push(`${indent}<${name}>${escapeText(String(node))}</${name}>\n`);
    return;
  }
  let open = `${indent}<${name}`;
  const kids: [string, XmlValue][] = [];
  let text: string | undefined;
  for (const key in node) {
    const v = node[key];
    if (v === undefined) continue;
    if (key.startsWith('@_')) open += ` ${key.slice(2)}="${escapeAttribute(String(v))}"`;
    else if (key === '#text') text = String(v);
    else kids.push([key, v]);
  }
  if (kids.length === 0) {
    out.push(text === undefined ? `${open}/>\n` : `${open}>${escapeText(text)}</${name}>\n`);
    return;
  }
  out.push(`${open}>\n`);
  for (const [k, v] of kids) writeElement(k, v, out, `${indent} `);
  out.push(`${indent}</${name}>\n`);
}

export interface XmlPart {
  /** The element that holds the items (`Sources`), or none: the items are the root's children themselves. */
  wrapper?: string;
  /** The items' element name (`TextSource`). */
  name: string;
  items: Iterable<XmlNode>;
}

/** Writes a large document part by part; a generator as `items` keeps only one item's tree in memory. */
export function buildXmlInParts(
  root: string,
  attributes: Record<string, string | number | undefined>,
  parts: XmlPart[],
): string {
  const out: string[] = [DECLARATION];
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  out.push(`<${root}${attrs}>\n`);
  for (const part of parts) {
    const pieces: string[] = [];
    for (const item of part.items) {
      // One string per item: V8 joins the small pieces cheaply, and the collector sees few objects.
      const one: string[] = [];
      writeElement(part.name, item, one, part.wrapper ? ' ' : '');
      pieces.push(one.join(''));
    }
    // An empty list is left out: the schema wants at least one child in each wrapper.
    if (pieces.length === 0) continue;
    if (part.wrapper) out.push(`<${part.wrapper}>\n`, ...pieces, `</${part.wrapper}>\n`);
    else out.push(...pieces);
  }
  out.push(`</${root}>\n`);
  return out.join('');
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
 * Whether the prolog (before the root element) declares a document type. Scans only declarations, processing
 * instructions and comments, so that "<!DOCTYPE" inside the content (a CDATA note) is not mistaken for one.
 */
function declaresDoctype(xml: string): boolean {
  let i = 0;
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i])) i++;
    const close = xml.startsWith('<?', i) ? '?>' : xml.startsWith('<!--', i) ? '-->' : null;
    if (close === null) return xml.slice(i, i + 9).toUpperCase() === '<!DOCTYPE';
    const end = xml.indexOf(close, i + 2);
    // Left open: not well-formed, which the validator reports.
    if (end < 0) return false;
    i = end + close.length;
  }
}

/** Line and column (1-based) of a UTF-16 offset. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return `line ${line}, column ${offset - text.lastIndexOf('\n', offset - 1)}`;
}

/**
 * For a document that ends while elements are open (a truncated file): where it ends and where the innermost
 * open element began. Null when the file does not end that way.
 */
function cutShort(xml: string): string | null {
  const parser = new SaxesParser({ position: true });
  const open: { name: string; at: number }[] = [];
  let unclosed = false;
  parser.on('opentagstart', (t) =>
    open.push({ name: t.name, at: xml.lastIndexOf(`<${t.name}`, parser.position) }),
  );
  parser.on('opentag', (t) => {
    if (t.isSelfClosing) open.pop();
  });
  parser.on('closetag', (t) => {
    if (!t.isSelfClosing) open.pop();
  });
  parser.on('error', (e) => {
    if (/unclosed tag|unexpected end/.test(e.message)) unclosed = true;
  });
  parser.write(xml).close();
  const inner = open[open.length - 1];
  if (!unclosed || !inner) return null;
  return `the file ends (${lineAndColumn(xml, xml.length)}) while <${inner.name}> (opened at ${lineAndColumn(xml, inner.at)}) is still open: it looks cut short`;
}

/**
 * Parses REFI-QDA XML: strips what other tools put before `<?xml` (a BOM, white space), checks it is well-formed
 * and drops namespace prefixes. Text keeps its white space exactly. A DOCTYPE is refused: REFI-QDA files have
 * none, and its entities are how XML reads local files (XXE) or inflates a small file without bound.
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
  if (declaresDoctype(xml))
    throw new DossierError(
      'unsupported',
      `${what} declares a DOCTYPE: Dossier does not read XML with document type or entity declarations (REFI-QDA files have none)`,
    );
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    // The validator places a file that ends inside open elements at line 1, column 1, naming the open tags
    // as an array; the fault is at the end, where xmllint reports it ("Premature end of data in tag …").
    const cut = valid.err.code === 'InvalidXml' || /^Unclosed tag/.test(valid.err.msg) ? cutShort(xml) : null;
    throw new DossierError(
      'invalid_input',
      `${what} is not well-formed XML: ${cut ?? `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`}`,
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
  try {
    return parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new DossierError('invalid_input', `${what} cannot be read as XML: ${(error as Error).message}`);
  }
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
