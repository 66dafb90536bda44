import { z } from 'zod';
import type { ApiResult } from '../errors';
import { HistoryState } from './codebook';
import { ImportJobStatus, ImportProgress } from './corpus';
import { Id } from './model';
import { SuggestEvent } from './suggest';

// The change stream: after every call that wrote to the project, the core says which rows of which tables it
// changed (as Actual Budget's sync-event does), so that each window refetches only what depends on them instead
// of everything after every edit. The caller gets its event with the answer; every other window gets it pushed
// (Electron IPC, Server-Sent Events in web mode), together with the progress of background imports.

/** The tables whose changes are reported: what the views show. Derived tables (grid caches, FTS) are not. */
export const CHANGE_TABLES = [
  'documents',
  'document_attributes',
  'attributes',
  'domains',
  'claims',
  'claim_domains',
  'project_meta',
  'memos',
  'document_sets',
  'document_set_members',
] as const;
export const ChangeTable = z.enum(CHANGE_TABLES);
export type ChangeTable = z.infer<typeof ChangeTable>;

/** Above this many rows of one table (a bulk import, undoing a large step), an event says "all of it". */
export const MAX_CHANGED_IDS = 500;

/**
 * The rows of one table that changed: their ids (claims: claim ids, also for claim_domains; documents and
 * document_attributes: document ids; domains; attributes), or null for "too many to list, treat all as changed".
 */
export const TableChange = z.object({ table: ChangeTable, ids: z.array(Id).max(MAX_CHANGED_IDS).nullable() });
export type TableChange = z.infer<typeof TableChange>;

export const ChangeEvent = z.object({
  type: z.literal('changes'),
  /** Increases by one per event of this project in this run of the core. */
  seq: z.number().int().positive(),
  /** The client whose call made the change (it has the event in its answer; the stream skips it). */
  origin: z.string().optional(),
  tables: z.array(TableChange),
  /**
   * Documents whose row, attributes or claims changed, so that a view of one document knows whether it is
   * concerned; null when there are too many to list (or they are unknown): every document may have changed.
   */
  docIds: z.array(Id).max(MAX_CHANGED_IDS).nullable(),
  /** The undo history after the change, so that the Undo button needs no request of its own. */
  history: HistoryState.optional(),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

/** A background import's progress; `status` (with the report) once it has stopped. */
export const ImportEvent = z.object({
  type: z.literal('import'),
  jobId: z.string(),
  state: ImportJobStatus.shape.state,
  progress: ImportProgress,
  status: ImportJobStatus.optional(),
});
export type ImportEvent = z.infer<typeof ImportEvent>;

/**
 * The door switched the project it serves (web mode: one at a time): everything a window shows is now another
 * project's, so it reloads all of it.
 */
export const ProjectEvent = z.object({
  type: z.literal('project'),
  name: z.string(),
  path: z.string(),
  /** The client that asked for the switch (it reloads from its answer; the stream skips it). */
  origin: z.string().optional(),
});
export type ProjectEvent = z.infer<typeof ProjectEvent>;

export const StreamEvent = z.discriminatedUnion('type', [
  ChangeEvent,
  ImportEvent,
  ProjectEvent,
  SuggestEvent,
]);
export type StreamEvent = z.infer<typeof StreamEvent>;

/** What callMethod answers: the method's result and, when the call wrote anything, what it changed. */
export type CallResult = ApiResult<unknown> & { changes?: ChangeEvent };

/** What a query depends on; it is refetched when a change names one of these tables (and its document). */
export interface Dependency {
  tables: readonly ChangeTable[];
  /** Only changes that touch this document (or an unknown set of documents) count. */
  docId?: number;
}

/** Whether a change concerns a query that depends on `dep`. */
export function touches(event: ChangeEvent, dep: Dependency): boolean {
  if (!event.tables.some((t) => dep.tables.includes(t.table))) return false;
  if (dep.docId === undefined || event.docIds === null) return true;
  // A change only to tables that are not about documents (a domain renamed) still counts for a document view.
  const docTables: readonly ChangeTable[] = ['documents', 'document_attributes', 'claims', 'claim_domains'];
  const touchedNonDoc = event.tables.some(
    (t) => dep.tables.includes(t.table) && !docTables.includes(t.table),
  );
  return touchedNonDoc || event.docIds.includes(dep.docId);
}

/** An event that says everything changed: after the project was switched, or the stream was lost a while. */
export function everythingChanged(seq = 1): ChangeEvent {
  return {
    type: 'changes',
    seq,
    tables: CHANGE_TABLES.map((table) => ({ table, ids: null })),
    docIds: null,
  };
}
