import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { migrate } from '../../../electron/core/migrations';
import { Store } from '../../../electron/core/store';
import { projectFileAt } from '../helpers';

// Files as a Dossier whose latest migration was N wrote them, opened without migrating, so that a test runs one
// migration on known rows and looks at the rows before and after it.

const open: Store[] = [];
afterEach(() => {
  while (open.length) {
    const db = open.pop()!;
    if (db.open) db.close();
  }
});

/** A store on a new file at schema `version` holding `sql`'s rows (nothing past `version` applied). */
export function storeAt(version: number, sql = ''): Store {
  const db = new Store(new Database(projectFileAt(version, sql)));
  open.push(db);
  return db;
}

/** Runs the migrations up to `to` and says the version reached. */
export function migrateTo(db: Store, to: number): number {
  migrate(db, { to });
  return schemaVersion(db);
}

export function schemaVersion(db: Store): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function hasTable(db: Store, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = ? AND type = 'table'").get(name);
}

export function columns(db: Store, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map(
    (c) => c.name,
  );
}

/** SQLite's query plan for `sql`, as one line. */
export function plan(db: Store, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((p) => p.detail)
    .join(' | ');
}

/** Two documents, three domains, three claims with five tags: rows every migration from 0003 on can carry. */
export const ROWS = `
  INSERT INTO documents (id, title, format, content_hash, text, char_count, word_count, imported_at)
    VALUES (1, 'b', 'txt', 'h1', 'alpha beta gamma', 16, 3, 'now'), (2, 'A', 'txt', 'h2', 'delta epsilon', 13, 2, 'now');
  INSERT INTO domains (id, name, color) VALUES (1, 'One', '#000000'), (2, 'Two', '#111111'), (3, 'Three', '#222222');
  INSERT INTO claims (id, document_id, start, end, quote, actor, created_at, updated_at)
    VALUES (10, 1, 0, 5, 'alpha', 'NATO', 'now', 'now'), (11, 1, 6, 10, 'beta', 'eu', 'now', 'now'),
           (12, 2, 0, 5, 'delta', '', 'now', 'now');
  INSERT INTO claim_domains (claim_id, domain_id) VALUES (10, 1), (10, 2), (11, 2), (12, 2), (12, 3);
`;
