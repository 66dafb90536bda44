import type { LineEnds, PositionUnit } from './positions';

/**
 * What is known of how each tool counts positions (see INTEROP.md). A field left out is not known: the text
 * decides. NVivo: UTF-16 units of the text as stored, CRLF as two (measured on real files). QualCoder: Python
 * code points of its own text, which has `\n` line ends even where its .txt was written with CRLF. ATLAS.ti:
 * CRLF as one (QualCoder's importer); unit not documented. MAXQDA: CRLF as two (its importer needs CRLF sources
 * or codings shift); unit not documented. Dossier writes code points of `\n` text, or UTF-16 units when its
 * origin says so.
 */
export interface Producer {
  /** The tool, as the analyst knows it; null when Project@origin names none Dossier knows. */
  tool: string | null;
  /** Project@origin as written. */
  origin: string;
  unit?: PositionUnit;
  lineEnds?: LineEnds;
}

const KNOWN: { test: RegExp; tool: string; unit?: PositionUnit; lineEnds?: LineEnds }[] = [
  { test: /nvivo/i, tool: 'NVivo', unit: 'utf16', lineEnds: 'crlf' },
  { test: /qualcoder/i, tool: 'QualCoder', unit: 'codepoint', lineEnds: 'lf' },
  { test: /atlas\.?\s*ti/i, tool: 'ATLAS.ti', lineEnds: 'lf' },
  { test: /maxqda/i, tool: 'MAXQDA', lineEnds: 'crlf' },
  // Dossier names the unit in its origin when it writes UTF-16 positions for NVivo (exportQde.ts qdpxOrigin).
  { test: /^dossier\b.*utf-?16/i, tool: 'Dossier', unit: 'utf16', lineEnds: 'crlf' },
  { test: /^dossier\b/i, tool: 'Dossier', unit: 'codepoint', lineEnds: 'crlf' },
  { test: /taguette/i, tool: 'Taguette' },
  { test: /quirkos/i, tool: 'Quirkos' },
];

export function producerOf(origin: string | undefined): Producer {
  const o = (origin ?? '').trim();
  const known = KNOWN.find((k) => k.test.test(o));
  if (!known) return { tool: null, origin: o };
  return { tool: known.tool, origin: o, unit: known.unit, lineEnds: known.lineEnds };
}
