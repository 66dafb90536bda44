import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

// Preparing a statement costs more than running a small one (tens of microseconds, more when triggers fire), so
// the paths that run on every keystroke-sized edit reuse their statements per connection.
const statements = new WeakMap<Db, Map<string, Statement<unknown[]>>>();

export function cached(db: Db, sql: string): Statement<unknown[]> {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}
