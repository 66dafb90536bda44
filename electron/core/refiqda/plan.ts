import type { LineEnds, PositionUnit } from './positions';

// What a .qdpx holds, read and checked before anything is written (readQdpx builds it, applyPlan writes it).

export interface PlanCode {
  guid: string;
  name: string;
  /** "#RRGGBB", or null when the file gives none (Dossier shows a default and exports none). */
  color: string | null;
  description: string;
  parentGuid: string | null;
  /** False for isCodable="false": a grouping code that cannot be applied. */
  codable: boolean;
}

export interface PlanVariable {
  guid: string;
  name: string;
  type: 'text' | 'number' | 'date';
}

export interface PlanValue {
  variableGuid: string;
  value: string;
}

export interface PlanSelection {
  guid: string;
  /** False for the second and later claims made from one selection (one per analyst): its GUID stays with the first. */
  keepsGuid: boolean;
  /** UTF-16 offsets in the canonical text. */
  start: number;
  end: number;
  codings: { guid: string; codeGuid: string }[];
  note: string;
  noteGuid: string | null;
  analyst: string;
  created: string | null;
  modified: string | null;
  actor: string;
  stance: string | null;
  reliability: string | null;
  credibility: number | null;
}

export interface PlanSource {
  guid: string;
  name: string;
  text: string;
  meta: Record<string, string>;
  source: string;
  author: string;
  published: string;
  url: string;
  created: string | null;
  values: PlanValue[];
  selections: PlanSelection[];
}

/** A note that is a memo (memos.ts), with what it is linked to (GUIDs in the file). */
export interface PlanMemo {
  guid: string;
  title: string;
  text: string;
  analyst: string;
  created: string | null;
  modified: string | null;
  sourceGuid: string | null;
  selectionGuid: string | null;
}

/** A Set of the file that groups text sources: a document set (sets.ts). */
export interface PlanSet {
  guid: string | null;
  name: string;
  description: string;
  /** Its imported text sources. */
  sourceGuids: string[];
}

export interface ImportIssue {
  /** What the issue is about: "source", "selection", "note", "code", "variable", "case", "positions", … */
  kind: string;
  name: string;
  reason: string;
}

/** How the file's positions were read, and why: shown at the top of the import report. */
export interface PositionsReport {
  unit: PositionUnit;
  lineEnds: LineEnds;
  /** The tool Project@origin names, or '' when it names none Dossier knows. */
  producer: string;
  basis: string;
}

/** Everything read from a .qdpx, checked, before anything is written. */
export interface QdpxPlan {
  name: string;
  /** The user Project@creatingUserGUID names: the new project's analyst ('' when none). */
  analyst: string;
  users: { guid: string; name: string }[];
  codes: PlanCode[];
  variables: PlanVariable[];
  sources: PlanSource[];
  notes: number;
  memos: PlanMemo[];
  sets: PlanSet[];
  positions: PositionsReport;
  skipped: ImportIssue[];
  problems: ImportIssue[];
}
