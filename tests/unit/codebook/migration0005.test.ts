import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db';
import { migrate } from '../../../electron/core/migrations';
import { migration0005 } from '../../../electron/core/migrations/0005-codebook-journal';
import { Store } from '../../../electron/core/store';
import { tempDir } from '../helpers';

describe('migration 0005 (domain inclusion/exclusion, edit log)', () => {
  it('upgrades a project written before it, keeping its domains', () => {
    const file = path.join(tempDir(), 'old.dossier');
    const raw = new Database(file);
    migrate(new Store(raw), { to: 4 });
    raw.prepare("INSERT INTO domains (name, color, description) VALUES ('Old', '#000000', 'kept')").run();
    raw.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
    expect(db.prepare('SELECT name, description, inclusion, exclusion FROM domains').all()).toEqual([
      { name: 'Old', description: 'kept', inclusion: '', exclusion: '' },
    ]);
    db.prepare(
      "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t', 'a', 'tag claim', 'claim', 1)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO edit_log (at, analyst, action, entity, entity_id) VALUES ('t', 'a', 'x', 'doc', 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
    expect(migration0005.version).toBe(5);
  });
});
