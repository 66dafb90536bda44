import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db';
import { computeMatrix } from '../../../electron/core/grids/matrix';
import { migrate, migrations } from '../../../electron/core/migrations';
import { Store } from '../../../electron/core/store';
import { tempDir } from '../helpers';

describe('migration 0003 (grid indexes)', () => {
  it('backfills each tag with its document and its claim’s number of domains, and keeps them in step', () => {
    const file = path.join(tempDir(), 'old.dossier');
    const raw = new Database(file);
    migrate(new Store(raw), { to: 1 });
    raw.exec(`
      INSERT INTO documents (id, title, format, content_hash, text, char_count, word_count, imported_at)
        VALUES (1, 'A', 'txt', 'h1', 'alpha beta gamma', 16, 3, 'now'), (2, 'B', 'txt', 'h2', 'delta epsilon', 13, 2, 'now');
      INSERT INTO domains (id, name, color) VALUES (1, 'One', '#000000'), (2, 'Two', '#111111');
      INSERT INTO claims (id, document_id, start, end, quote, created_at, updated_at)
        VALUES (10, 1, 0, 5, 'alpha', 'now', 'now'), (11, 2, 0, 5, 'delta', 'now', 'now');
      INSERT INTO claim_domains (claim_id, domain_id) VALUES (10, 1), (10, 2), (11, 2);
    `);
    raw.close();
    const db = openDatabase(file);
    const rows = () =>
      db
        .prepare('SELECT claim_id, domain_id, document_id, claim_tags FROM claim_domains ORDER BY 1, 2')
        .all();
    expect(rows()).toEqual([
      { claim_id: 10, domain_id: 1, document_id: 1, claim_tags: 2 },
      { claim_id: 10, domain_id: 2, document_id: 1, claim_tags: 2 },
      { claim_id: 11, domain_id: 2, document_id: 2, claim_tags: 1 },
    ]);
    db.prepare('INSERT INTO claim_domains (claim_id, domain_id) VALUES (11, 1)').run();
    db.prepare('DELETE FROM claim_domains WHERE claim_id = 10 AND domain_id = 1').run();
    expect(rows()).toEqual([
      { claim_id: 10, domain_id: 2, document_id: 1, claim_tags: 1 },
      { claim_id: 11, domain_id: 1, document_id: 2, claim_tags: 2 },
      { claim_id: 11, domain_id: 2, document_id: 2, claim_tags: 2 },
    ]);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT document_id, domain_id, count(*) FROM claim_domains GROUP BY document_id, domain_id',
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX claim_domains_by_document/);
    db.close();
  });

  it('is applied on first use to a file whose schema version passed 3 before 0003 existed', () => {
    const file = path.join(tempDir(), 'dev.dossier');
    const raw = new Database(file);
    // Such files stopped at version 5; opening one applies 0003 before the later migrations that build on it.
    for (const m of migrations) if (m.version !== 3 && m.version <= 5) m.up(new Store(raw));
    raw.pragma('user_version = 5');
    raw.exec(`
      INSERT INTO documents (id, title, format, content_hash, text, char_count, word_count, imported_at)
        VALUES (1, 'A', 'txt', 'h1', 'alpha beta gamma', 16, 3, 'now');
      INSERT INTO domains (id, name, color) VALUES (1, 'One', '#000000'), (2, 'Two', '#111111');
      INSERT INTO claims (id, document_id, start, end, quote, created_at, updated_at)
        VALUES (10, 1, 0, 5, 'alpha', 'now', 'now'), (11, 1, 6, 10, 'beta', 'now', 'now');
      INSERT INTO claim_domains (claim_id, domain_id) VALUES (10, 1), (10, 2), (11, 2);
    `);
    raw.close();
    const db = openDatabase(file);
    const m = computeMatrix(db);
    expect(m.values).toEqual([[1, 2]]);
    expect(m.total).toBe(2);
    db.close();
  });
});
