// The Admiralty (NATO) grading of a claim as analysts write it: a source-reliability letter A–F and an
// information-credibility digit 1–6, together ("B2") or either alone ("B", "2"). One reading of it for every
// door (CLI tag, CLI export filters), so that "b2" or " B2 " mean the same everywhere.

export type ReliabilityCode = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type CredibilityCode = 1 | 2 | 3 | 4 | 5 | 6;

export interface Grading {
  reliability: ReliabilityCode | null;
  credibility: CredibilityCode | null;
}

/** Reads "B2", "b", "2" (spaces around allowed); null when it is not a grading (or is empty). */
export function parseGrading(code: string): Grading | null {
  const m = /^([A-Fa-f])?([1-6])?$/.exec(code.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return {
    reliability: m[1] ? (m[1].toUpperCase() as ReliabilityCode) : null,
    credibility: m[2] ? (Number(m[2]) as CredibilityCode) : null,
  };
}

/** What a bad grading should be told. */
export const GRADING_HINT = 'a reliability A–F and/or credibility 1–6, such as B2, B or 2';
