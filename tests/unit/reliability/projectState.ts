import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { contentHash } from '../../../electron/core/preparedText';
import { Store } from '../../../electron/core/store';

// What a kill must never break in a project file, and a digest of the rows that an edit may change, so that the
// state after a kill can be compared with the state before the run and with the state the run would have reached.

type Db = Store;

/**
 * Opens a project file. Read-only leaves what a killed writer left (its WAL) for the next CLI run to recover;
 * read-write recovers it here and checkpoints it on close.
 */
export function openRaw(file: string, readonly = false): Db {
  const db = new Database(file, { fileMustExist: true, readonly });
  db.pragma('busy_timeout = 5000');
  return new Store(db);
}

/**
 * The invariants of a project file that any crash must leave holding: SQLite's own checks, FTS5's, every claim
 * anchored (`text.slice(start, end) === quote`, prefix and suffix beside it), every document's hash its text's,
 * and the tables that triggers keep (tag document and tag counts, per-document counts) in step with the tags.
 */
export function checkInvariants(db: Db, where: string): void {
  expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
  expect(db.pragma('foreign_key_check'), where).toEqual([]);
  // FTS5's own check is a write (a special INSERT): only on a connection that may write.
  if (!db.readonly) db.prepare("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')").run();
  const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  expect(n('SELECT count(*) AS n FROM documents_fts'), `${where}: FTS rows`).toBe(
    n('SELECT count(*) AS n FROM documents'),
  );
  // The import sets the insert trigger aside inside each batch's transaction (import/batchIndexing.ts): a kill
  // must never leave the project without it.
  expect(
    n("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'trigger' AND name = 'documents_fts_insert'"),
    `${where}: FTS insert trigger`,
  ).toBe(1);

  const texts = new Map<number, string>();
  for (const d of db.prepare('SELECT id, text, content_hash AS hash FROM documents').iterate() as Iterable<{
    id: number;
    text: string;
    hash: string;
  }>) {
    if (contentHash(d.text) !== d.hash) expect.fail(`${where}: document ${d.id} does not match its hash`);
    texts.set(d.id, d.text);
  }
  const claims = db
    .prepare('SELECT id, document_id AS doc, start, end, quote, prefix, suffix FROM claims')
    .iterate() as Iterable<{
    id: number;
    doc: number;
    start: number;
    end: number;
    quote: string;
    prefix: string;
    suffix: string;
  }>;
  for (const c of claims) {
    const t = texts.get(c.doc) ?? '';
    if (
      t.slice(c.start, c.end) !== c.quote ||
      t.slice(c.start - c.prefix.length, c.start) !== c.prefix ||
      t.slice(c.end, c.end + c.suffix.length) !== c.suffix
    )
      expect.fail(`${where}: claim ${c.id} is no longer anchored in document ${c.doc}`);
  }
  expect(
    n(`SELECT count(*) AS n FROM claim_domains cd JOIN claims c ON c.id = cd.claim_id
       WHERE cd.document_id IS NOT c.document_id
          OR cd.claim_tags <> (SELECT count(*) FROM claim_domains x WHERE x.claim_id = cd.claim_id)`),
    `${where}: tags whose document or tag count is stale`,
  ).toBe(0);
  expect(
    n(`SELECT count(*) AS n FROM (
         SELECT document_id, domain_id, n FROM document_domain_counts
         EXCEPT SELECT document_id, domain_id, count(*) FROM claim_domains GROUP BY document_id, domain_id
         UNION ALL
         SELECT document_id, domain_id, count(*) FROM claim_domains GROUP BY document_id, domain_id
         EXCEPT SELECT document_id, domain_id, n FROM document_domain_counts)`),
    `${where}: per-document tag counts out of step with the tags`,
  ).toBe(0);
}

/** Claims sharing a range with another claim: autocode run twice must not make any. */
export function duplicateClaims(db: Db): number {
  return (
    db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT 1 FROM claims GROUP BY document_id, start, end HAVING count(*) > 1)',
      )
      .get() as { n: number }
  ).n;
}

// Rows an edit may change, in a stable order. `stamps` false blanks the times, which differ between the CLI run
// and the reference run of the same edit; every other column must be equal.
const TABLES = {
  claims: (stamps: boolean) =>
    `SELECT id, document_id, start, end, quote, prefix, suffix, note, actor, stance, reliability, credibility,
       analyst, ${stamps ? 'created_at, updated_at' : "''"} FROM claims ORDER BY id`,
  claim_domains: () => 'SELECT claim_id, domain_id FROM claim_domains ORDER BY claim_id, domain_id',
  domains: () =>
    'SELECT id, name, color, description, inclusion, exclusion, parent_id, sort_order FROM domains ORDER BY id',
  edit_log: (stamps: boolean) =>
    `SELECT id, ${stamps ? 'at' : "''"}, analyst, action, entity, entity_id FROM edit_log ORDER BY id`,
  documents: () => 'SELECT id, content_hash, original_name FROM documents ORDER BY id',
} as const;

export type TableName = keyof typeof TABLES;
export type Digest = Record<TableName, string>;

/** A digest of each table: row count and a SHA-256 of its rows. */
export function digest(db: Db, stamps = true): Digest {
  const out = {} as Digest;
  for (const [name, sql] of Object.entries(TABLES) as [TableName, (s: boolean) => string][]) {
    const h = crypto.createHash('sha256');
    let rows = 0;
    for (const r of db.prepare(sql(stamps)).raw().iterate() as Iterable<unknown[]>) {
      h.update(JSON.stringify(r));
      h.update('\n');
      rows++;
    }
    out[name] = `${rows} rows ${h.digest('hex').slice(0, 16)}`;
  }
  return out;
}

/** Which of the two states a project is in: the one before the run, the one the run reaches, or neither. */
export function whichState(
  db: Db,
  before: Digest,
  after: Digest,
): { state: 'before' | 'after' | 'neither'; differs: string[] } {
  const now = digest(db);
  if (JSON.stringify(now) === JSON.stringify(before)) return { state: 'before', differs: [] };
  const nowLoose = digest(db, false);
  const differs = (Object.keys(after) as TableName[]).filter((t) => nowLoose[t] !== after[t]);
  return { state: differs.length ? 'neither' : 'after', differs };
}

/** (id, created_at) of every claim: claims that existed before an edit keep theirs whatever the edit does. */
export function claimBirths(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT id, created_at FROM claims').raw().all() as [number, string][];
  return new Map(rows);
}
