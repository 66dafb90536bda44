import { describe, expect, it } from 'vitest';
import { columns, hasTable, migrateTo, ROWS, storeAt } from './at';

describe('migration 0011 (claim conflicts, project UUID)', () => {
  it('adds the conflict marks, which go with either claim, and fixes the project UUID once', () => {
    const db = storeAt(10, ROWS);
    expect(hasTable(db, 'claim_conflicts')).toBe(false);
    expect(db.prepare("SELECT value FROM project_meta WHERE key = 'project_uuid'").get()).toBeUndefined();
    expect(migrateTo(db, 11)).toBe(11);
    expect(columns(db, 'claim_conflicts')).toEqual(['claim_id', 'with_claim_id', 'source', 'merged_at']);
    const uuid = db
      .prepare("SELECT value FROM project_meta WHERE key = 'project_uuid'")
      .pluck()
      .get() as string;
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ids = db.prepare('SELECT id FROM claims ORDER BY id').pluck().all() as number[];
    expect(ids.length).toBeGreaterThanOrEqual(2);
    db.prepare("INSERT INTO claim_conflicts VALUES (?, ?, 'b.dossier', 'now')").run(ids[1], ids[0]);
    db.prepare('DELETE FROM claims WHERE id = ?').run(ids[0]);
    expect(db.prepare('SELECT count(*) FROM claim_conflicts').pluck().get()).toBe(0);
  });

  it('keeps a project UUID the file already had', () => {
    const db = storeAt(10, ROWS + "INSERT INTO project_meta (key, value) VALUES ('project_uuid', 'kept');");
    migrateTo(db, 11);
    expect(db.prepare("SELECT value FROM project_meta WHERE key = 'project_uuid'").pluck().get()).toBe(
      'kept',
    );
  });
});
