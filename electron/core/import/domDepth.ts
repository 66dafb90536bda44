import { BLOCK, SKIP } from './htmlElements';

// A bound on how deep a parsed page may nest before Readability and our block walker see it. Both walk the tree
// in ways that grow much faster than its depth (Readability took 2.7 s at 500 levels, 150 s at 2,000, and
// overflowed the stack at 20,000); real articles nest a few dozen levels. Below MAX_DEPTH nothing changes.
// Deeper, what an element holds is laid out flat inside its ancestor at MAX_DEPTH: the text in order, a line
// break where a block began or ended (so paragraphs stay apart), images' alt text and preformatted runs kept,
// scripts and styles dropped. Browsers do much the same (Chromium's parser stops nesting at 512).

export const MAX_DEPTH = 128;

/** The parts of a linkedom node this needs (linkedom's own types are not exported for Node). */
interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
  children?: ArrayLike<Node>;
  getAttribute?: (name: string) => string | null;
  ownerDocument?: Doc | null;
  appendChild?: (n: Node) => Node;
}

interface Doc {
  createElement(name: string): Node;
  createTextNode(text: string): Node;
}

const EXIT = Symbol('end of a block');

/** Replaces a subtree's contents by a flat run of text, line breaks, images and preformatted runs. */
function flatten(cap: Node, doc: Doc): void {
  const out: Node[] = [];
  let atBreak = true;
  const lineBreak = (): void => {
    if (atBreak) return;
    out.push(doc.createElement('br'));
    atBreak = true;
  };
  const stack: (Node | typeof EXIT)[] = Array.from(cap.childNodes).reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === EXIT) {
      lineBreak();
      continue;
    }
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      if (text === '') continue;
      out.push(doc.createTextNode(text));
      if (/\S/.test(text)) atBreak = false;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      atBreak = false;
      lineBreak();
    } else if (name === 'IMG') {
      const alt = node.getAttribute?.('alt')?.trim();
      if (alt) {
        out.push(doc.createTextNode(` ${alt} `));
        atBreak = false;
      }
    } else if (name === 'PRE') {
      lineBreak();
      const pre = doc.createElement('pre');
      pre.textContent = node.textContent ?? '';
      out.push(pre);
      atBreak = false;
      lineBreak();
    } else if (name === 'TD' || name === 'TH') {
      out.push(doc.createTextNode(' '));
      stack.push(...Array.from(node.childNodes).reverse());
    } else {
      if (BLOCK.has(name)) {
        lineBreak();
        stack.push(EXIT);
      }
      stack.push(...Array.from(node.childNodes).reverse());
    }
  }
  cap.textContent = '';
  for (const n of out) cap.appendChild!(n);
}

/**
 * Bounds the depth of the elements under `root` (at depth 0) to `max`, in place, without recursion. Returns how
 * many subtrees were laid flat (0 for an ordinary page).
 */
export function capDepth(root: unknown, max = MAX_DEPTH): number {
  const top = root as Node;
  const doc = top.ownerDocument;
  if (!doc) return 0;
  const caps: Node[] = [];
  const stack: [Node, number][] = [[top, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    const kids = el.children ?? [];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (depth + 1 < max) stack.push([k, depth + 1]);
      else if ((k.children?.length ?? 0) > 0) caps.push(k);
    }
  }
  for (const cap of caps) flatten(cap, doc);
  return caps.length;
}
