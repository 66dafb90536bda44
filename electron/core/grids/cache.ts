import type { Db } from '../db';

interface Cache {
  stamp: string;
  entries: Map<string, unknown>;
  changes: () => number;
}

const caches = new WeakMap<Db, Cache>();
const MAX_ENTRIES = 12;

/**
 * Grid results stay valid until the project changes: this connection's change count (rows written, triggers
 * included) and SQLite's data_version (commits by any other connection) together say when. Switching a measure
 * back, re-opening a grid or exporting what is shown then costs nothing. Callers must not mutate the result.
 */
export function cached<T>(db: Db, key: string, compute: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    const stmt = db.prepare('SELECT total_changes()').pluck();
    cache = { stamp: '', entries: new Map(), changes: () => stmt.get() as number };
    caches.set(db, cache);
  }
  const stamp = `${String(db.pragma('data_version', { simple: true }))}:${cache.changes()}`;
  if (stamp !== cache.stamp) {
    cache.entries.clear();
    cache.stamp = stamp;
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = compute();
  // Computing may write (a one-time schema repair); stamp after it so that the result is kept.
  cache.stamp = `${String(db.pragma('data_version', { simple: true }))}:${cache.changes()}`;
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value as string);
  cache.entries.set(key, value);
  return value;
}
