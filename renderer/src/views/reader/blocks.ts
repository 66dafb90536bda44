// Splits a document's canonical text into blocks (paragraphs and markdown-style headings) and the pieces that
// claims cut them into. Every character of the text belongs to exactly one piece, so the rendered text nodes
// concatenate to the canonical text and DOM positions map back to exact offsets.

export interface Piece {
  start: number;
  end: number;
  /** Claims covering the piece, in the order they were given (text order). */
  claimIds: number[];
  /** Markup (heading markers, blank lines between blocks): kept in the DOM, not shown. */
  hidden?: boolean;
}

export interface Block {
  kind: 'p' | 'h1' | 'h2' | 'h3' | 'gap';
  start: number;
  end: number;
  pieces: Piece[];
}

export interface Span {
  id: number;
  start: number;
  end: number;
}

const SEPARATOR = /\n[ \t]*\n\s*/g;
const HEADING = /^(#{1,6})[ \t]+(?=\S)/;

/** Cuts [start, end) at every claim boundary inside it. */
function piecesOf(start: number, end: number, claims: Span[]): Piece[] {
  const inside = claims.filter((c) => c.start < end && c.end > start);
  const cuts = new Set([start, end]);
  for (const c of inside) {
    if (c.start > start) cuts.add(c.start);
    if (c.end < end) cuts.add(c.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    out.push({
      start: s,
      end: e,
      claimIds: inside.filter((c) => c.start <= s && c.end >= e).map((c) => c.id),
    });
  }
  return out;
}

export interface LayoutOptions {
  /** The document's title: a first block that reads exactly so is shown as the page heading. */
  title?: string;
  /** Markdown converted to plain text: short one-line blocks without closing punctuation are its headings. */
  plainHeadings?: boolean;
}

function looksLikeHeading(content: string): boolean {
  return (
    content.length <= 90 &&
    !content.includes('\n') &&
    /^\p{Lu}/u.test(content) &&
    !/[.:;,!?…"”)]$/.test(content)
  );
}

export function layoutText(text: string, claims: Span[], options: LayoutOptions = {}): Block[] {
  const blocks: Block[] = [];
  const ranges: { start: number; end: number; gapEnd: number }[] = [];
  let pos = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    ranges.push({ start: pos, end: m.index, gapEnd: m.index + m[0].length });
    pos = m.index + m[0].length;
  }
  ranges.push({ start: pos, end: text.length, gapEnd: text.length });
  for (const r of ranges) {
    const content = text.slice(r.start, r.end);
    if (content.length > 0) {
      const heading = content.includes('\n') ? null : HEADING.exec(content);
      if (heading) {
        const level = Math.min(heading[1].length, 3) as 1 | 2 | 3;
        const markEnd = r.start + heading[0].length;
        blocks.push({
          kind: `h${level}`,
          start: r.start,
          end: r.end,
          pieces: [
            { start: r.start, end: markEnd, claimIds: [], hidden: true },
            ...piecesOf(markEnd, r.end, claims),
          ],
        });
      } else if (blocks.length === 0 && options.title && content.trim() === options.title.trim()) {
        blocks.push({ kind: 'h1', start: r.start, end: r.end, pieces: piecesOf(r.start, r.end, claims) });
      } else if (options.plainHeadings && looksLikeHeading(content)) {
        blocks.push({ kind: 'h2', start: r.start, end: r.end, pieces: piecesOf(r.start, r.end, claims) });
      } else {
        blocks.push({ kind: 'p', start: r.start, end: r.end, pieces: piecesOf(r.start, r.end, claims) });
      }
    }
    if (r.gapEnd > r.end) {
      blocks.push({
        kind: 'gap',
        start: r.end,
        end: r.gapEnd,
        pieces: [{ start: r.end, end: r.gapEnd, claimIds: [], hidden: true }],
      });
    }
  }
  return blocks;
}
