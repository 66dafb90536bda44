import type Database from 'better-sqlite3';
import type { ChangeStream } from './changes/state';
import type { GridResults } from './grids/cache';
import type { HistorySession } from './history';
import type { SuggestState } from './suggest/state';

/** The driver's connection; only this module and the code that opens files (db.ts) touch it. */
export type Sqlite = Database.Database;

type Fn = (...args: never[]) => unknown;

/**
 * Statements kept per store. The core's static SQL is a few hundred statements at most; SQL built at run time
 * (IN lists, interpolated names) goes through prepareOnce, so this bound only guards against a mistake.
 */
export const MAX_CACHED_STATEMENTS = 512;
/** Document texts kept per store (see claims.ts documentText). */
export const TEXT_CACHE_SIZE = 4;

/**
 * One open project: the SQLite connection and everything that lives as long as it (prepared statements, the undo
 * history, the grids' result cache, recent document texts, why it is read-only). The core's functions take a
 * Store as `db`; the handlers reach it as `project.db`. Nothing about a connection lives in module state, so two
 * Stores on the same file are independent, and a second backend is a second implementation of this surface.
 */
export class Store {
  /** Undo/redo of this session (history.ts). */
  history: HistorySession | undefined;
  /** The grids' results, valid until the project changes (grids/cache.ts). */
  gridResults: GridResults | undefined;
  /** The change stream: whether its triggers are installed, the last event's number, who listens (changes/). */
  changes: ChangeStream | undefined;
  /**
   * The machine user's analyst name for this session, set by the door from the data folder's settings
   * (projects/userSettings.ts); recorded on every claim and edit through this store (settings.ts getAnalyst).
   */
  analyst: string | undefined;
  /** The suggestion model held while the project is open, and its training (suggest/state.ts). */
  suggest: SuggestState | undefined;
  /** Recently read document texts by id, with their content hash (claims.ts documentText). */
  readonly texts = new Map<number, { hash: string; text: string }>();
  private readonly statements = new Map<string, Database.Statement>();

  /**
   * @param sqlite the open connection, owned by the store from now on.
   * @param readOnlyReason why the project may not be written ("the file is read-only", …); absent when it can.
   * @param immediate whether transactions take the write lock when they begin (writable project files).
   */
  constructor(
    readonly sqlite: Sqlite,
    readonly readOnlyReason?: string,
    private readonly immediate = false,
  ) {}

  /**
   * A prepared statement for static SQL, prepared once per store: preparing costs more than running a small
   * statement (tens of microseconds, more when triggers fire). The statement is shared: a mode set on it (pluck,
   * raw, expand) lasts only until the next `cached` call of the same SQL, so chain it (`cached(sql).pluck().get()`);
   * do not run it again while iterating it.
   */
  cached(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS)
        this.statements.delete(this.statements.keys().next().value as string);
      this.statements.set(sql, (st = this.sqlite.prepare(sql)));
    } else if (st.reader) {
      // One caller's `cached(sql).pluck().all()` must not change what the next caller of the same SQL gets: a
      // reused statement always starts in the default mode (rows as objects).
      st.pluck(false).expand(false).raw(false);
    }
    return st;
  }

  /** A fresh statement, not kept: for SQL built at run time, or a statement whose mode the caller changes. */
  prepareOnce(sql: string): Database.Statement {
    return this.sqlite.prepare(sql);
  }

  /**
   * The driver's own prepare, for tests, benches and scripts; the core uses `cached` or `prepareOnce` (lint
   * enforces it) so that every statement's lifetime is a choice.
   */
  prepare<P extends unknown[] | object = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    return this.sqlite.prepare<P, R>(sql);
  }

  exec(sql: string): this {
    this.sqlite.exec(sql);
    return this;
  }

  pragma(source: string, options?: Database.PragmaOptions): unknown {
    return this.sqlite.pragma(source, options);
  }

  /**
   * A transaction function, as the driver's. On a writable project every transaction begins IMMEDIATE: a deferred
   * transaction that reads and then writes while another process writes fails at once with "database is
   * locked" (SQLite cannot wait for the write lock there, its snapshot would be stale), whatever the busy
   * timeout. Taking the write lock first lets it wait.
   */
  transaction<F extends Fn>(fn: F): Database.Transaction<F> {
    const t = this.sqlite.transaction(fn);
    if (!this.immediate) return t;
    const immediate = t.immediate;
    return Object.assign((...args: never[]) => immediate(...(args as Parameters<typeof immediate>)), {
      default: immediate,
      deferred: t.deferred,
      immediate,
      exclusive: t.exclusive,
      database: this.sqlite,
    }) as unknown as Database.Transaction<F>;
  }

  serialize(): Buffer {
    return this.sqlite.serialize();
  }

  close(): void {
    this.statements.clear();
    this.texts.clear();
    this.gridResults = undefined;
    this.sqlite.close();
  }

  get open(): boolean {
    return this.sqlite.open;
  }
  get readonly(): boolean {
    return this.sqlite.readonly;
  }
  get inTransaction(): boolean {
    return this.sqlite.inTransaction;
  }
  /** The file's path as opened ('' or ':memory:' for a database in memory). */
  get name(): string {
    return this.sqlite.name;
  }
  get memory(): boolean {
    return this.sqlite.memory;
  }
}
