import type { ChangeTable, StreamEvent } from '../../../shared/api/changes';
import type { Db } from '../db';

export type StreamListener = (event: StreamEvent) => void;

/** A store's change stream (Store.changes): lives as long as the connection, as its TEMP triggers do. */
export interface ChangeStream {
  /** Whether this connection's TEMP triggers are installed (tracker.ts). */
  tracked: boolean;
  /** The last event's number. */
  seq: number;
  listeners: Set<StreamListener>;
  /** Tables written through another connection (an import's worker thread), which no trigger here saw. */
  elsewhere: Set<ChangeTable>;
}

/** The store's stream, made on first use. */
export function channel(db: Db): ChangeStream {
  return (db.changes ??= { tracked: false, seq: 0, listeners: new Set(), elsewhere: new Set() });
}
