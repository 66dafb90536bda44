import { capDepth } from './domDepth';
import { linkedom } from './libraries';
import { BLOCK, SKIP } from './htmlElements';

// Turns rendered HTML (Readability's article, mammoth's output, marked's output) into readable plain text:
// one block per heading, paragraph, list item, table row or preformatted run, a blank line between blocks.
// Only text is kept; nothing is executed or fetched because linkedom builds an inert DOM.

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  getAttribute?: (name: string) => string | null;
}

class BlockWriter {
  readonly blocks: string[] = [];
  private current = '';
  /** A list marker waiting for the first text of its item (which may sit in a nested paragraph). */
  prefix = '';

  text(s: string): void {
    this.current += s;
  }

  flush(): void {
    const t = this.current.replace(/[ \t\f\v\r\n\u00a0]+/g, ' ').trim();
    if (t) {
      this.blocks.push(this.prefix + t);
      this.prefix = '';
    }
    this.current = '';
  }

  pre(s: string): void {
    this.flush();
    const t = s.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
    if (t.trim()) this.blocks.push(t);
  }
}

function listPrefix(li: DomNode): string {
  const parent = li.parentNode;
  if (!parent || parent.nodeName !== 'OL') return '• ';
  let n = Number(parent.getAttribute?.('start') ?? '1') || 1;
  const kids = parent.childNodes;
  for (let i = 0; i < kids.length; i++) {
    if (kids[i] === li) break;
    if (kids[i].nodeName === 'LI') n++;
  }
  return `${n}. `;
}

function walk(node: DomNode, out: BlockWriter): void {
  if (node.nodeType === 3) {
    out.text(node.textContent ?? '');
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIP.has(name)) return;
  if (name === 'PRE') {
    out.pre(node.textContent ?? '');
    return;
  }
  if (name === 'BR') {
    out.flush();
    return;
  }
  if (name === 'IMG') {
    const alt = node.getAttribute?.('alt')?.trim();
    if (alt) out.text(` ${alt} `);
    return;
  }
  if (name === 'TR') {
    out.flush();
    const cells: string[] = [];
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.nodeName === 'TD' || k.nodeName === 'TH') {
        const inner = new BlockWriter();
        walk(k, inner);
        inner.flush();
        cells.push(inner.blocks.join(' '));
      }
    }
    if (cells.some((c) => c !== '')) out.blocks.push(cells.join(' | '));
    return;
  }
  const block = BLOCK.has(name);
  if (block) out.flush();
  if (name === 'LI') out.prefix = listPrefix(node);
  if (name === 'TD' || name === 'TH') out.text(' ');
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) walk(kids[i], out);
  if (block) out.flush();
}

/** Plain text of an HTML fragment or document: blocks separated by a blank line. */
export function htmlToText(html: string): string {
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  capDepth(document.documentElement);
  return nodeToText(document.body as unknown as DomNode);
}

/** Plain text of a DOM node already parsed (and bounded in depth: see domDepth.ts; the walk recurses). */
export function nodeToText(node: DomNode): string {
  const out = new BlockWriter();
  walk(node, out);
  out.flush();
  return out.blocks.join('\n\n');
}
