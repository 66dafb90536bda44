// Splits a document's canonical text into blocks (paragraphs and markdown-style headings) and the pieces that
// claims cut them into. Every character of the text belongs to exactly one piece of exactly one block, so the
// rendered text nodes concatenate to the canonical text and each piece's `data-start` maps DOM positions back to
// exact offsets, even when only some blocks are in the DOM (the Reader virtualizes long documents).
import { cutAtMarks } from '../../components/cutAtMarks';

export interface Piece {
  start: number;
  end: number;
  /** Claims covering the piece, in the order they were given (text order). */
  claimIds: number[];
  /** Markup (heading markers, blank lines between blocks): kept in the DOM, not shown. */
  hidden?: boolean;
}

export interface Block {
  /** 'gap': blank lines before the first paragraph, nothing to show. */
  kind: 'p' | 'h1' | 'h2' | 'h3' | 'gap';
  start: number;
  /** End of the hidden markup that opens the block (heading markers); `start` when there is none. */
  bodyStart: number;
  /** End of the visible content; [bodyEnd, end) is the hidden separator that follows it. */
  bodyEnd: number;
  end: number;
  /** Part of a paragraph too long to be one item of the virtual list: the paragraph goes on in the next block. */
  continued?: boolean;
}

export interface Span {
  id: number;
  start: number;
  end: number;
}

export interface LayoutOptions {
  /** The document's title: a first block that reads exactly so is shown as the page heading. */
  title?: string;
  /** Markdown converted to plain text: short one-line blocks without closing punctuation are its headings. */
  plainHeadings?: boolean;
}

const SEPARATOR = /\n[ \t]*\n\s*/g;
const HEADING = /^(#{1,6})[ \t]+(?=\S)/;
/** Longer paragraphs are cut (at a line break, else a space) so that no item of the virtual list is huge. */
export const MAX_BLOCK = 3000;

function looksLikeHeading(content: string): boolean {
  return (
    content.length <= 90 &&
    !content.includes('\n') &&
    /^\p{Lu}/u.test(content) &&
    !/[.:;,!?…"”)]$/.test(content)
  );
}

/** Cuts a long paragraph [start, end) into blocks; the character cut at (a line break or space) is hidden. */
function splitLong(text: string, start: number, end: number, gapEnd: number, out: Block[]): void {
  let pos = start;
  while (end - pos > MAX_BLOCK) {
    const limit = pos + MAX_BLOCK;
    let cut = text.lastIndexOf('\n', limit);
    if (cut <= pos + MAX_BLOCK / 3) cut = text.lastIndexOf(' ', limit);
    if (cut <= pos) break;
    out.push({ kind: 'p', start: pos, bodyStart: pos, bodyEnd: cut, end: cut + 1, continued: true });
    pos = cut + 1;
  }
  out.push({ kind: 'p', start: pos, bodyStart: pos, bodyEnd: end, end: gapEnd });
}

/** The blocks of a text, in order, covering it exactly. Depends only on the text: computed once per document. */
export function splitBlocks(text: string, options: LayoutOptions = {}): Block[] {
  const blocks: Block[] = [];
  let pos = 0;
  const ranges: { start: number; end: number; gapEnd: number }[] = [];
  for (const m of text.matchAll(SEPARATOR)) {
    ranges.push({ start: pos, end: m.index, gapEnd: m.index + m[0].length });
    pos = m.index + m[0].length;
  }
  ranges.push({ start: pos, end: text.length, gapEnd: text.length });
  for (const r of ranges) {
    if (r.end === r.start) {
      if (r.gapEnd > r.start)
        blocks.push({ kind: 'gap', start: r.start, bodyStart: r.start, bodyEnd: r.start, end: r.gapEnd });
      continue;
    }
    const content = text.slice(r.start, r.end);
    const heading = content.includes('\n') ? null : HEADING.exec(content);
    const whole = { start: r.start, bodyStart: r.start, bodyEnd: r.end, end: r.gapEnd };
    if (heading) {
      const level = Math.min(heading[1].length, 3) as 1 | 2 | 3;
      blocks.push({ ...whole, kind: `h${level}`, bodyStart: r.start + heading[0].length });
    } else if (blocks.length === 0 && options.title && content.trim() === options.title.trim()) {
      blocks.push({ ...whole, kind: 'h1' });
    } else if (options.plainHeadings && looksLikeHeading(content)) {
      blocks.push({ ...whole, kind: 'h2' });
    } else if (content.length > MAX_BLOCK) {
      splitLong(text, r.start, r.end, r.gapEnd, blocks);
    } else {
      blocks.push({ ...whole, kind: 'p' });
    }
  }
  return blocks;
}

/** Index of the block holding `offset` (the last block for the text's end). */
export function blockIndexAt(blocks: Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const EMPTY: never[] = [];

/**
 * The claims touching each block, in the claims' order. One pass of binary searches over the blocks instead of
 * filtering every claim per block: 10,000 claims over thousands of blocks stay a few milliseconds.
 */
export function spansPerBlock<T extends Span>(blocks: Block[], spans: T[]): T[][] {
  const out: T[][] = blocks.map(() => EMPTY);
  for (const s of spans) {
    for (let i = blockIndexAt(blocks, s.start); i < blocks.length && blocks[i].start < s.end; i++) {
      if (blocks[i].end <= s.start) continue;
      if (out[i] === EMPTY) out[i] = [];
      out[i].push(s);
    }
  }
  return out;
}

/** A block's pieces: its hidden markup, its content cut by the claims, its hidden separator. */
export function blockPieces(block: Block, spans: Span[]): Piece[] {
  const out: Piece[] = [];
  if (block.bodyStart > block.start)
    out.push({ start: block.start, end: block.bodyStart, claimIds: [], hidden: true });
  for (const cut of cutAtMarks(block.bodyStart, block.bodyEnd, spans))
    out.push({ start: cut.start, end: cut.end, claimIds: cut.covering.map((c) => c.id) });
  if (block.end > block.bodyEnd)
    out.push({ start: block.bodyEnd, end: block.end, claimIds: [], hidden: true });
  return out;
}

/** Lane of each span so that overlapping spans sit side by side (spans in text order; greedy, lowest free lane). */
export function assignLanes(spans: Span[]): { lanes: Map<number, number>; count: number } {
  const ends: number[] = [];
  const lanes = new Map<number, number>();
  for (const s of spans) {
    let lane = ends.findIndex((e) => e <= s.start);
    if (lane < 0) lane = ends.length;
    ends[lane] = s.end;
    lanes.set(s.id, lane);
  }
  return { lanes, count: ends.length };
}
