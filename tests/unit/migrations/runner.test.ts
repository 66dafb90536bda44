import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/migrations';
import { Store } from '../../../electron/core/store';
import { tempDir } from '../helpers';
import { hasTable, migrateTo, ROWS, schemaVersion, storeAt } from './at';

describe('migrate(db, { to })', () => {
  it('stops at the version asked for, and goes on from there later', () => {
    const db = new Store(new Database(path.join(tempDir(), 'p.dossier')));
    expect(migrateTo(db, 4)).toBe(4);
    expect(hasTable(db, 'refiqda_guids')).toBe(true);
    expect(hasTable(db, 'edit_log')).toBe(false);
    expect(migrateTo(db, 5)).toBe(5);
    expect(hasTable(db, 'edit_log')).toBe(true);
    expect(hasTable(db, 'document_domain_counts')).toBe(false);
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('runs each migration in its own transaction: one that fails leaves the file at the version before it', () => {
    const db = storeAt(4, ROWS);
    // A table in the way makes 0006 fail after 0005 has been applied.
    db.exec('CREATE TABLE document_domain_counts (x)');
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(5);
    expect(hasTable(db, 'edit_log')).toBe(true);
    // Nothing of 0006 is left half-done.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'claim_domains_count_insert'").get()).toBe(
      undefined,
    );
    expect(db.prepare('SELECT count(*) AS n FROM claim_domains').get()).toEqual({ n: 5 });
  });

  it('refuses versions no migration has, and going backwards', () => {
    const db = storeAt(5);
    expect(() => migrate(db, { to: 2 })).toThrow(/no migration has version 2/);
    expect(() => migrate(db, { to: LATEST_VERSION + 1 })).toThrow(/no migration has version/);
    expect(() => migrate(db, { to: 4 })).toThrow(/migrations only go forward/);
    expect(schemaVersion(db)).toBe(5);
  });

  it('lists the migrations in ascending order of version, each setting its own', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const [i, m] of migrations.entries()) {
      const db = i === 0 ? new Store(new Database(':memory:')) : storeAt(migrations[i - 1].version);
      m.up(db);
      expect(schemaVersion(db), m.name).toBe(m.version);
    }
  });

  it('refuses a file from a newer Dossier without changing it, and does not migrate a read-only open', () => {
    const newer = storeAt(5);
    newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(newer)).toThrow(/newer version of Dossier/);
    newer.close();

    const old = storeAt(5, ROWS);
    old.close();
    const file = old.name;
    const before = fs.readFileSync(file);
    const ro = openDatabase(file, { readonly: true });
    expect(schemaVersion(ro)).toBe(5);
    ro.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
