import type { Db } from './db';

/** The store's statement for static SQL (Store.cached); kept so that callers written as cached(db, sql) read the same. */
export function cached(db: Db, sql: string): ReturnType<Db['cached']> {
  return db.cached(sql);
}
