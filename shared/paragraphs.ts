// Paragraph numbers (¶) as citations count them: one number per block of the text as the reader sees it — a
// paragraph, a heading, each list item, each table cell. Computed from the stored text alone (blank lines
// between blocks, list markers at the start of a line, " | " between the cells of a table row as the importers
// write them), so documents imported before this rule are numbered the same way without changing their text.
// The Reader, the exports and the citations all number through this module.

export interface ParagraphSpan {
  /** Offset of the unit's first visible character. */
  start: number;
  /** Offset just past its last visible character. */
  end: number;
}

/** A list item's marker at the start of a line: •, -, *, –, ·, "1.", "1)", "(a)", "a)". */
const LIST_MARKER = /^[ \t]*(?:[•\-*–·▪◦‣]|\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]{1,5}\))[ \t]+\S/i;
const HEADING = /^#{1,6}[ \t]+\S/;
const CELL_SEPARATOR = ' | ';

/** The lines of a text with their offsets, without their line break. */
function lines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    out.push({ start: at, end });
    if (nl < 0) break;
    at = nl + 1;
  }
  return out;
}

/** Trims a span to its visible characters (null when it has none). */
function visible(text: string, start: number, end: number): ParagraphSpan | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * A table row as the importers write it (cells joined by " | "): every line of its block has the separator the
 * same number of times. Prose with a stray "|" does not pass, since its lines differ.
 */
function isTable(text: string, block: { start: number; end: number }[]): boolean {
  const counts = block.map((l) => text.slice(l.start, l.end).split(CELL_SEPARATOR).length - 1);
  return counts[0] > 0 && counts.every((c) => c === counts[0]);
}

/** The numbered units of a text, in order: ¶ n is the n-th span (1-based). */
export function paragraphSpans(text: string): ParagraphSpan[] {
  const out: ParagraphSpan[] = [];
  let block: { start: number; end: number }[] = [];
  const flushBlock = (): void => {
    if (block.length === 0) return;
    if (isTable(text, block)) {
      for (const l of block) {
        let at = l.start;
        for (;;) {
          const sep = text.indexOf(CELL_SEPARATOR, at);
          const end = sep < 0 || sep >= l.end ? l.end : sep;
          const cell = visible(text, at, end);
          if (cell) out.push(cell);
          if (end === l.end) break;
          at = end + CELL_SEPARATOR.length;
        }
      }
    } else {
      // A list item or a heading line starts a unit of its own; other lines continue the one before.
      let unitStart = block[0].start;
      let unitEnd = block[0].end;
      for (let i = 1; i < block.length; i++) {
        const line = text.slice(block[i].start, block[i].end);
        if (LIST_MARKER.test(line) || HEADING.test(line) || HEADING.test(text.slice(unitStart, unitEnd))) {
          const unit = visible(text, unitStart, unitEnd);
          if (unit) out.push(unit);
          unitStart = block[i].start;
        }
        unitEnd = block[i].end;
      }
      const unit = visible(text, unitStart, unitEnd);
      if (unit) out.push(unit);
    }
    block = [];
  };
  for (const l of lines(text)) {
    if (text.slice(l.start, l.end).trim() === '') flushBlock();
    else block.push(l);
  }
  flushBlock();
  return out;
}

/** Start offsets of the numbered units (see paragraphSpans). */
export function paragraphStarts(text: string): number[] {
  return paragraphSpans(text).map((p) => p.start);
}

/** The ¶ number (1-based) holding an offset: the last unit starting at or before it (1 before the first). */
export function paragraphNumberAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      found = mid + 1;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return Math.max(1, found);
}
