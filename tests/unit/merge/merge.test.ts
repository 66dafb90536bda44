import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportQdpx } from '../../../electron/core/export/qdpx';
import { undo } from '../../../electron/core/history';
import { callFailure, callOk, tempDir } from '../helpers';
import { claimSet, copyOf, counts, reopen, team, TEXTS } from './teamProject';

/** A project coded by Ana, and a plain copy of its file that Ben codes further. */
function twoCopies() {
  const a = team();
  const actors = a.domain('Actors');
  const state = a.domain('State', actors);
  const arms = a.domain('Arms');
  const one = a.doc(TEXTS.one, 'One');
  const two = a.doc(TEXTS.two, 'Two');
  const shared = a.claim(one, 'signed a memorandum', 'Ana', [state], 'first');
  const b = copyOf(a.p, 'ben');
  return { a, b, actors, state, arms, one, two, shared };
}

const merge = (into: ReturnType<typeof team>, from: ReturnType<typeof team>, extra = {}) =>
  callOk(into.p, 'mergeProject', { path: from.p.path, ...extra });

describe('merge', () => {
  it('matches documents by their text, whatever their title, and adds the others', async () => {
    const a = team();
    a.doc(TEXTS.one, 'One');
    const b = team();
    b.doc(TEXTS.one, 'Renamed in the copy');
    b.doc(TEXTS.three, 'Three');
    const r = await merge(a, b);
    expect(r.documents).toMatchObject({ added: 1, identical: 1, conflicting: 0 });
    expect(r.documents.retitled).toEqual([{ ours: 'One', theirs: 'Renamed in the copy' }]);
    expect(counts(a.p).documents).toBe(2);
  });

  it('adds the other copy’s new claims, skips identical ones, and is idempotent', async () => {
    const { a, b, arms, two } = twoCopies();
    b.claim(two, 'Arms transfers rose sharply', 'Ben', [arms]);
    const r = await merge(a, b);
    expect(r.claims).toMatchObject({ added: 1, identical: 1, conflicting: 0 });
    expect(r.documents).toMatchObject({ added: 0, identical: 2 });
    expect(r.domains).toMatchObject({ added: 0, identical: 3, conflicting: 0 });
    const after = claimSet(a.p);
    expect(after).toEqual(claimSet(b.p));
    const again = await merge(a, b);
    expect([
      again.claims.added,
      again.documents.added,
      again.domains.added,
      again.claims.conflicting,
    ]).toEqual([0, 0, 0, 0]);
    expect(claimSet(a.p)).toEqual(after);
  });

  it('keeps both versions of a claim edited in both copies, marks theirs, and says what differs', async () => {
    const { a, b, shared } = twoCopies();
    a.edit(shared, 'Ana’s reading');
    b.edit(shared, 'Ben’s reading');
    const r = await merge(a, b);
    expect(r.conflictRule).toBe('keep both, theirs marked as a conflict until reviewed');
    expect(r.claims).toMatchObject({ added: 0, conflicting: 1 });
    const [c] = r.claims.conflicts;
    expect(c).toMatchObject({ ourClaimId: shared, differences: ['note'], excerpt: 'signed a memorandum' });
    const notes = a.p.db.prepare('SELECT note FROM claims ORDER BY id').pluck().all();
    expect(notes).toEqual(['Ana’s reading', 'Ben’s reading']);
    expect(a.p.db.prepare('SELECT claim_id, with_claim_id, source FROM claim_conflicts').all()).toEqual([
      { claim_id: c.addedClaimId, with_claim_id: shared, source: 'ben.dossier' },
    ]);
    // Merging again finds Ben's version already here.
    const again = await merge(a, b);
    expect(again.claims).toMatchObject({ added: 0, conflicting: 0, identical: 1 });
    expect(counts(a.p).claims).toBe(2);
  });

  it('gives the same claims merging A into B as B into A', async () => {
    const { a, b, shared, arms, state, one, two } = twoCopies();
    a.edit(shared, 'Ana’s reading');
    b.edit(shared, 'Ben’s reading');
    a.claim(two, 'Observers doubt the figures', 'Ana', [arms]);
    b.claim(two, 'Arms transfers rose sharply', 'Ben', [arms]);
    b.claim(one, 'Joint exercises', 'Ben', [state]);
    const a2 = copyOf(a.p, 'a2');
    const b2 = copyOf(b.p, 'b2');
    await merge(a, b);
    await merge(b2, a2);
    expect(claimSet(a.p)).toEqual(claimSet(b2.p));
    expect(claimSet(a.p)).toHaveLength(5);
  });

  it('plain file copies whose new claims share a row id are not taken for one edited claim', async () => {
    const { a, b, arms, two } = twoCopies();
    const x = a.claim(two, 'Observers doubt', 'Ana', [arms]);
    const y = b.claim(two, 'rose sharply', 'Ben', [arms]);
    expect(x).toBe(y);
    // Made apart (not in the same millisecond, as this test could).
    b.p.db.prepare("UPDATE claims SET created_at = '2026-01-02T03:04:05.000Z' WHERE id = ?").run(y);
    const r = await merge(a, b);
    expect(r.claims).toMatchObject({ added: 1, conflicting: 0 });
  });

  it('matches domains by GUID, then by name, and reports and resolves codebook differences explicitly', async () => {
    const { a, actors, arms } = twoCopies();
    const file = path.join(tempDir(), 'ben.dossier');
    await callOk(a.p, 'copyForAnalyst', { path: file, analyst: 'Ana' });
    const b = team(reopen(file));
    // In the copy: Arms renamed, State moved to the top, a domain added; here, a domain only ours.
    b.p.db.prepare("UPDATE domains SET name = 'Weapons' WHERE id = ?").run(arms);
    b.p.db.prepare("UPDATE domains SET parent_id = NULL WHERE name = 'State'").run();
    b.domain('Navy');
    a.domain('Only ours');
    const dry = await merge(a, b, { dryRun: true });
    expect(dry.domains).toMatchObject({ added: 1, conflicting: 2, identical: 1 });
    const byName = Object.fromEntries(dry.domains.items.map((i) => [i.name, i]));
    expect(byName.Arms).toMatchObject({
      status: 'renamed',
      ours: 'Arms',
      theirs: 'Weapons',
      resolution: 'kept ours',
    });
    expect(byName.State).toMatchObject({ status: 'moved', ours: 'Actors', theirs: '' });
    // Added on both sides after the copy, with the same row id: told apart.
    expect(a.p.db.prepare("SELECT id FROM domains WHERE name = 'Only ours'").pluck().get()).toBe(
      b.p.db.prepare("SELECT id FROM domains WHERE name = 'Navy'").pluck().get(),
    );
    expect(byName.Navy).toMatchObject({ status: 'added' });
    expect(byName['Only ours']).toMatchObject({ status: 'only ours' });

    const kept = copyOf(a.p, 'kept');
    await merge(kept, b);
    const names = (t: typeof a) =>
      t.p.db.prepare('SELECT name, parent_id AS parent FROM domains ORDER BY name').all();
    expect(names(kept)).toEqual([
      { name: 'Actors', parent: null },
      { name: 'Arms', parent: null },
      { name: 'Navy', parent: null },
      { name: 'Only ours', parent: null },
      { name: 'State', parent: actors },
    ]);
    const taken = await merge(a, b, { domains: 'take-theirs' });
    expect(taken.domains.items.find((i) => i.name === 'Arms')?.resolution).toBe('took theirs');
    expect(names(a)).toEqual([
      { name: 'Actors', parent: null },
      { name: 'Navy', parent: null },
      { name: 'Only ours', parent: null },
      { name: 'State', parent: null },
      { name: 'Weapons', parent: null },
    ]);
    // Two projects made apart share no GUID: their domains meet by name.
    const c = team();
    c.domain('ARMS');
    const byNameOnly = await merge(a, c);
    expect(byNameOnly.domains.added).toBe(1);
    const d = team();
    d.domain('Actors');
    expect((await merge(a, d)).domains).toMatchObject({ added: 0, identical: 1 });
  });

  it('a dry run writes nothing', async () => {
    const { a, b, arms, two } = twoCopies();
    b.claim(two, 'rose sharply', 'Ben', [arms]);
    b.domain('Navy');
    b.doc(TEXTS.three);
    const before = counts(a.p);
    const log = a.p.db.prepare('SELECT count(*) FROM edit_log').pluck().get();
    const r = await merge(a, b, { dryRun: true });
    expect(r.dryRun).toBe(true);
    expect([r.claims.added, r.domains.added, r.documents.added]).toEqual([1, 1, 1]);
    expect(counts(a.p)).toEqual(before);
    expect(a.p.db.prepare('SELECT count(*) FROM edit_log').pluck().get()).toBe(log);
  });

  it('is one undoable step (its claims and domains)', async () => {
    const { a, b, arms, two } = twoCopies();
    b.claim(two, 'rose sharply', 'Ben', [b.domain('Navy'), arms]);
    const before = claimSet(a.p);
    await merge(a, b);
    expect(counts(a.p)).toMatchObject({ claims: 2, domains: 4 });
    const step = undo(a.p.db);
    expect(step.label).toBe('merge ben.dossier');
    expect(counts(a.p)).toMatchObject({ claims: 1, domains: 3 });
    expect(claimSet(a.p)).toEqual(before);
  });

  it('merges a .qdpx through the REFI-QDA reader into the same plan', async () => {
    const { a, b, arms, two } = twoCopies();
    b.claim(two, 'rose sharply', 'Ben', [arms]);
    b.doc(TEXTS.three, 'Three');
    const file = path.join(tempDir(), 'ben.qdpx');
    fs.writeFileSync(file, exportQdpx(b.p.db, 'Ben').bytes);
    const r = await merge(a, b.p.path === file ? b : { ...b, p: { ...b.p, path: file } });
    expect(r.source.kind).toBe('qdpx');
    expect(r.documents).toMatchObject({ added: 1, identical: 2 });
    expect(r.claims).toMatchObject({ added: 1, identical: 1, conflicting: 0 });
    expect(claimSet(a.p)).toEqual(claimSet(b.p));
    expect((await merge(a, { ...b, p: { ...b.p, path: file } })).claims.added).toBe(0);
  });

  it('refuses a file that is not a project, a newer version’s project, and itself, changing nothing', async () => {
    const a = team();
    a.doc(TEXTS.one);
    const dir = tempDir();
    const before = counts(a.p);
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello');
    expect(await callFailure(a.p, 'mergeProject', { path: text })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('neither a Dossier project'),
    });
    const fake = path.join(dir, 'fake.dossier');
    fs.writeFileSync(fake, 'not a database at all, just text '.repeat(10));
    expect(await callFailure(a.p, 'mergeProject', { path: fake })).toMatchObject({ code: 'invalid_input' });
    const other = path.join(dir, 'other.dossier');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect((await callFailure(a.p, 'mergeProject', { path: other })).message).toMatch(
      /not a Dossier project/,
    );
    const newer = copyOf(a.p, 'newer');
    newer.p.db.pragma('user_version = 999');
    const bytes = fs.readFileSync(newer.p.path);
    expect(await callFailure(a.p, 'mergeProject', { path: newer.p.path })).toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('newer version of Dossier'),
    });
    expect(fs.readFileSync(newer.p.path).equals(bytes)).toBe(true);
    const badZip = path.join(dir, 'bad.qdpx');
    fs.writeFileSync(badZip, 'PK not really');
    expect(await callFailure(a.p, 'mergeProject', { path: badZip })).toMatchObject({ code: 'invalid_input' });
    expect(await callFailure(a.p, 'mergeProject', { path: a.p.path })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await callFailure(a.p, 'mergeProject', { path: path.join(dir, 'none.dossier') })).toMatchObject({
      code: 'not_found',
    });
    expect(counts(a.p)).toEqual(before);
  });
});
