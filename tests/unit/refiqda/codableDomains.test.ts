import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { callMethod } from '../../../electron/core/api/dispatch';
import { autocodeApply } from '../../../electron/core/autocode';
import { createClaim, updateClaim } from '../../../electron/core/claims';
import { deleteDomain, mergeDomains, updateDomain } from '../../../electron/core/codebook';
import { openDatabase } from '../../../electron/core/db';
import { addDocument } from '../../../electron/core/documents';
import { createDomain, listDomains } from '../../../electron/core/domains';
import { createClaimsBulk } from '../../../electron/core/grids/bulkClaims';
import { undo } from '../../../electron/core/history';
import { migrate } from '../../../electron/core/migrations';
import { migration0008 } from '../../../electron/core/migrations/0008-domain-codable-colour';
import { Store } from '../../../electron/core/store';
import { tempDir, tempProject } from '../helpers';

const TEXT = 'The ministers met in Brussels. Trade talks resumed.';

function setup() {
  const p = tempProject('empty');
  const db = p.db;
  const docId = addDocument(db, { title: 'One', text: TEXT, format: 'txt' }).id;
  const group = createDomain(db, { name: 'Economy', codable: false, colorChosen: false });
  const trade = createDomain(db, { name: 'Trade', parentId: group });
  return { p, db, docId, group, trade };
}

const GROUPING =
  /"Economy" is a grouping domain \(not codable in the tool it came from\): tag the passage with one of its sub-domains/;

describe('migration 0008 (codable domains, chosen colours)', () => {
  it('upgrades a project written before it: every domain stays codable with the colour it had', () => {
    const file = path.join(tempDir(), 'old.dossier');
    const raw = new Database(file);
    migrate(new Store(raw), { to: 7 });
    raw.prepare("INSERT INTO domains (name, color) VALUES ('Old', '#123456')").run();
    raw.close();
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
      expect(db.prepare('SELECT name, color, codable, color_chosen FROM domains').all()).toEqual([
        { name: 'Old', color: '#123456', codable: 1, color_chosen: 1 },
      ]);
      expect(() => db.prepare("UPDATE domains SET codable = 2 WHERE name = 'Old'").run()).toThrow(/CHECK/);
      expect(listDomains(db)[0]).toMatchObject({ codable: true, colorChosen: true });
    } finally {
      db.close();
    }
    expect(migration0008.version).toBe(8);
  });
});

describe('a grouping domain cannot be applied, from any door', () => {
  it('createClaim, updateClaim, autocode and bulk creation refuse it with the same clear error', () => {
    const { db, docId, group, trade } = setup();
    const range = { docId, start: 0, end: 13 };
    expect(() => createClaim(db, { ...range, domainIds: [group] })).toThrow(GROUPING);
    const claim = createClaim(db, { ...range, domainIds: [trade] });
    expect(() => updateClaim(db, { id: claim.id, domainIds: [trade, group] })).toThrow(GROUPING);
    expect(() => autocodeApply(db, { hits: [{ docId, start: 31, end: 42 }], domainIds: [group] })).toThrow(
      GROUPING,
    );
    expect(() => createClaimsBulk(db, docId, [{ start: 31, end: 42, domainIds: [group] }])).toThrow(GROUPING);
    expect(db.prepare('SELECT count(*) FROM claim_domains WHERE domain_id = ?').pluck().get(group)).toBe(0);
    // A merge would move the tags onto it: refused too, and nothing changes.
    expect(() => mergeDomains(db, trade, group)).toThrow(GROUPING);
    expect(db.prepare('SELECT domain_id FROM claim_domains').pluck().all()).toEqual([trade]);
  });

  it('the API answers invalid_input, and the CLI tag command says why', async () => {
    const { p, docId, group } = setup();
    const r = await callMethod(p, 'createClaim', { docId, start: 0, end: 13, domainIds: [group] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(GROUPING) },
    });
    let err = '';
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await main([
        'tag',
        p.path,
        '--doc',
        String(docId),
        '--quote',
        'The ministers',
        '--domain',
        'Economy',
      ]);
      expect(code).not.toBe(0);
    } finally {
      e.mockRestore();
      o.mockRestore();
    }
    expect(err).toMatch(GROUPING);
  });

  it('undo brings a deleted grouping domain back as a grouping domain with its unchosen colour', () => {
    const { db, group } = setup();
    const child = createDomain(db, { name: 'Lonely', parentId: null });
    deleteDomain(db, child);
    deleteDomain(db, group);
    undo(db);
    expect(listDomains(db).find((d) => d.id === group)).toMatchObject({ codable: false, colorChosen: false });
  });

  it('a colour the analyst picks is a chosen one', () => {
    const { db, group } = setup();
    updateDomain(db, { id: group, color: '#AA0000' });
    expect(listDomains(db).find((d) => d.id === group)).toMatchObject({
      color: '#AA0000',
      colorChosen: true,
    });
    undo(db);
    expect(listDomains(db).find((d) => d.id === group)).toMatchObject({ colorChosen: false });
  });
});
