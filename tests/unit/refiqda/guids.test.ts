import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteClaim } from '../../../electron/core/claims';
import { openDatabase } from '../../../electron/core/db';
import { closeProject } from '../../../electron/core/project';
import {
  derivedGuid,
  guidMap,
  normalizeGuid,
  projectUuid,
  rememberGuid,
} from '../../../electron/core/refiqda/guids';
import { buildFixture, type Fixture, tempDir } from '../export/fixture';

let f: Fixture;
beforeAll(() => {
  f = buildFixture();
});
afterAll(() => closeProject(f.project));

describe('migration 0004 and REFI-QDA GUIDs', () => {
  it('creates the GUID table on a new project', () => {
    const db = openDatabase(path.join(tempDir(), 'new.dossier'), { create: true });
    const t = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'refiqda_guids'")
      .get();
    expect(t).toEqual({ name: 'refiqda_guids' });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    db.close();
  });

  it('derives stable version-5 style GUIDs valid for REFI-QDA, and prefers remembered ones', () => {
    const g = guidMap(f.project.db, 'claim');
    expect(g(1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(g(1)).toBe(derivedGuid(projectUuid(f.project.db), 'claim', '1'));
    expect(g(1)).not.toBe(g(2));
    rememberGuid(f.project.db, 'claim', f.claims[0], 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(guidMap(f.project.db, 'claim')(f.claims[0])).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(normalizeGuid('{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}')).toBe(
      'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    );
    expect(normalizeGuid('not-a-guid')).toBeNull();
  });

  it('forgets a claim’s GUIDs when the claim is deleted, so a reused id never inherits them', () => {
    const id = f.claims[0];
    rememberGuid(
      f.project.db,
      'coding',
      `${id}:${f.domains.training}`,
      'aaaaaaaa-bbbb-cccc-dddd-ffffffffffff',
    );
    rememberGuid(f.project.db, 'note', id, 'aaaaaaaa-bbbb-cccc-dddd-000000000000');
    rememberGuid(f.project.db, 'claim', 1000 + id, 'aaaaaaaa-bbbb-cccc-dddd-111111111111');
    deleteClaim(f.project.db, id);
    const left = f.project.db.prepare('SELECT kind, local_key FROM refiqda_guids ORDER BY kind').all();
    expect(left).toEqual([{ kind: 'claim', local_key: String(1000 + id) }]);
  });
});
