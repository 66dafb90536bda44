import { canonicalText, codePoints, countBelow, splitsSurrogatePair } from '../../../shared/text';

// Another tool's startPosition/endPosition count characters of the source text as it stored it (BOM dropped),
// but tools count differently: NVivo counts UTF-16 code units (an emoji is two), QualCoder code points (one);
// ATLAS.ti counts a CRLF line end as one character although its .txt keeps both. A "reading" names one way of
// counting; this module maps a position under a reading onto Dossier's canonical text (`\n`, NFC, UTF-16
// offsets), through the same steps that made the canonical text.

export type PositionUnit = 'utf16' | 'codepoint';
/** 'crlf': a CRLF line end counts as two characters, as stored; 'lf': as one. */
export type LineEnds = 'crlf' | 'lf';

export interface Reading {
  unit: PositionUnit;
  lineEnds: LineEnds;
}

export const READINGS: readonly Reading[] = [
  { unit: 'codepoint', lineEnds: 'crlf' },
  { unit: 'utf16', lineEnds: 'crlf' },
  { unit: 'codepoint', lineEnds: 'lf' },
  { unit: 'utf16', lineEnds: 'lf' },
];

export const sameReading = (a: Reading, b: Reading): boolean =>
  a.unit === b.unit && a.lineEnds === b.lineEnds;

/** Which side of a range a position is: a boundary inside a composed character widens the range. */
export type Side = 'start' | 'end';

export interface SourceText {
  /** The text as the other tool stored it (BOM dropped). */
  raw: string;
  canonical: string;
  /** True when some character lies outside the BMP (code points and UTF-16 units differ after it). */
  astral: boolean;
  /** True when the text has CRLF line ends (the two line-end readings differ after the first). */
  crlf: boolean;
  /** The canonical UTF-16 offset of a position under a reading; null when outside the text or inside a character. */
  map(position: number, reading: Reading, side: Side): number | null;
  /** The text's length under a reading. */
  length(reading: Reading): number;
}

/** Counting in one text (as stored, or with CRLF as LF): its length and a code-point → UTF-16 conversion. */
interface Counted {
  text: string;
  codePoints: number;
  toUtf16(cp: number): number;
}

function counted(text: string): Counted {
  const cp = codePoints(text);
  return { text, codePoints: cp.length, toUtf16: cp.toUtf16 };
}

/**
 * Maps offsets in the LF text onto the canonical (NFC) text. Normalisation composes characters within a
 * grapheme cluster, so each cluster is normalised on its own; a boundary inside a cluster that NFC changed
 * moves out to the cluster's start or end.
 */
function nfcMapper(lf: string, canonical: string): (offset: number, side: Side) => number {
  if (lf === canonical) return (offset) => offset;
  const starts: number[] = [];
  const canonicalStarts: number[] = [];
  const changed: boolean[] = [];
  let out = 0;
  let joined = '';
  for (const { segment, index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(lf)) {
    const nfc = segment.normalize('NFC');
    starts.push(index);
    canonicalStarts.push(out);
    changed.push(nfc !== segment);
    out += nfc.length;
    joined += nfc;
  }
  starts.push(lf.length);
  canonicalStarts.push(out);
  // Composition across clusters cannot happen in Unicode today; should it, measure the normalised prefix.
  if (joined !== canonical) return (offset) => canonicalText(lf.slice(0, offset)).length;
  return (offset, side) => {
    const i = countBelow(starts, offset + 1) - 1;
    if (starts[i] === offset) return canonicalStarts[i];
    if (!changed[i]) return canonicalStarts[i] + (offset - starts[i]);
    return side === 'start' ? canonicalStarts[i] : canonicalStarts[i + 1];
  };
}

/** Prepares a source text as stored (BOM already dropped) for mapping positions under any reading. */
export function sourceText(raw: string): SourceText {
  const canonical = canonicalText(raw);
  const lf = raw.replace(/\r\n?/g, '\n');
  // The "\r" of each CRLF: a stored position after it is one further than the same place in the LF text.
  const crs = [...raw.matchAll(/\r\n/g)].map((m) => m.index);
  const stored = counted(raw);
  const asLf = crs.length ? counted(lf) : stored;
  const toCanonical = nfcMapper(lf, canonical);
  return {
    raw,
    canonical,
    astral: stored.codePoints !== raw.length,
    crlf: crs.length > 0,
    map(position, reading, side) {
      if (!Number.isInteger(position) || position < 0) return null;
      const c = reading.lineEnds === 'crlf' ? stored : asLf;
      if (position > (reading.unit === 'utf16' ? c.text.length : c.codePoints)) return null;
      const u = reading.unit === 'utf16' ? position : c.toUtf16(position);
      // A UTF-16 position between the two halves of an emoji points inside a character: not this reading.
      if (splitsSurrogatePair(c.text, u)) return null;
      return toCanonical(reading.lineEnds === 'crlf' ? u - countBelow(crs, u) : u, side);
    },
    length(reading) {
      const c = reading.lineEnds === 'crlf' ? stored : asLf;
      return reading.unit === 'utf16' ? c.text.length : c.codePoints;
    },
  };
}

/** Describes a reading for the analyst. */
export function describeReading(r: Reading, text: { astral: boolean; crlf: boolean } | null = null): string {
  const unit = r.unit === 'utf16' ? 'UTF-16 code units' : 'code points (characters)';
  const lines = r.lineEnds === 'crlf' ? 'a CRLF line end as two' : 'a CRLF line end as one';
  if (text && !text.crlf) return unit;
  if (text && !text.astral) return `characters, ${lines}`;
  return `${unit}, ${lines}`;
}
