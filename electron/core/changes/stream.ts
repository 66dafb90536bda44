import {
  everythingChanged,
  type ChangeEvent,
  type ImportEvent,
  type StreamEvent,
} from '../../../shared/api/changes';
import type { SuggestEvent } from '../../../shared/api/suggest';
import type { HistoryState } from '../../../shared/api/codebook';
import type { Db } from '../db';
import { channel, type ChangeStream, type StreamListener } from './state';
import { drainChanges } from './tracker';

// One stream of events per open project, which the doors forward to their windows (Electron IPC, web mode's
// Server-Sent Events). The core knows nothing of windows: a door subscribes and filters by origin.

export type { StreamListener } from './state';

/** Calls `listener` with every event of this project from now on; returns the function that stops it. */
export function subscribe(db: Db, listener: StreamListener): () => void {
  const c = channel(db);
  c.listeners.add(listener);
  return () => c.listeners.delete(listener);
}

function emit(c: ChangeStream, event: StreamEvent): void {
  for (const listener of c.listeners) {
    try {
      listener(event);
    } catch {
      // A door that fails to deliver (a window gone) must not stop the others nor the edit that caused it.
    }
  }
}

/**
 * Turns what was written since the last call into an event, publishes it and returns it (null when nothing
 * was written). `origin` names the client whose call made it; `history` is the undo state after it.
 */
export function publishChanges(db: Db, origin?: string, history?: () => HistoryState): ChangeEvent | null {
  const drained = drainChanges(db);
  if (!drained) return null;
  const c = channel(db);
  c.seq += 1;
  const event: ChangeEvent = {
    type: 'changes',
    seq: c.seq,
    ...(origin ? { origin } : {}),
    tables: drained.tables,
    docIds: drained.docIds,
    ...(history ? { history: history() } : {}),
  };
  emit(c, event);
  return event;
}

/** Tells every subscriber that everything changed (a backup was restored under the connection: backups/restore.ts). */
export function publishEverything(db: Db): void {
  const c = channel(db);
  c.seq += 1;
  emit(c, everythingChanged(c.seq));
}

/** A background import's progress (and, first, what its documents changed so far). */
export function publishImport(db: Db, event: Omit<ImportEvent, 'type'>): void {
  publishChanges(db);
  emit(channel(db), { type: 'import', ...event });
}

/** The suggestion model's state or a scoring run's progress (suggest/). */
export function publishSuggest(db: Db, event: Omit<SuggestEvent, 'type'>): void {
  emit(channel(db), { type: 'suggest', ...event });
}
