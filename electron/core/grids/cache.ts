import type { Db } from '../db';

/** A store's grid results (Store.gridResults), with the stamp of the project state they were computed from. */
export interface GridResults {
  stamp: string;
  entries: Map<string, unknown>;
}

const MAX_ENTRIES = 12;

/**
 * Grid results stay valid until the project changes: this connection's change count (rows written, triggers
 * included) and SQLite's data_version (commits by any other connection) together say when. Switching a measure
 * back, re-opening a grid or exporting what is shown then costs nothing. Callers must not mutate the result.
 */
export function cached<T>(db: Db, key: string, compute: () => T): T {
  const cache = (db.gridResults ??= { stamp: '', entries: new Map() });
  const stamp = projectStamp(db);
  if (stamp !== cache.stamp) {
    cache.entries.clear();
    cache.stamp = stamp;
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = compute();
  // Computing may write (stale grid summaries brought up to date); stamp after it so that the result is kept.
  cache.stamp = projectStamp(db);
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value as string);
  cache.entries.set(key, value);
  return value;
}

function projectStamp(db: Db): string {
  const { n } = db.cached('SELECT total_changes() AS n').get() as { n: number };
  return `${String(db.pragma('data_version', { simple: true }))}:${n}`;
}
