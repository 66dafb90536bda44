import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/api';
import { callSessionMethod, type Session } from '../../../electron/core/projects';
import { tempDir } from '../helpers';
import { ok, start, stopLast } from './sessionHelpers';

/** Tags the first five characters of the project's first document. */
async function tagFirst(s: Session): Promise<MethodOutput<'createClaim'>> {
  const [doc] = (await ok(s, 'listDocuments', {})).rows;
  const [domain] = await ok(s, 'listDomains', {});
  return ok(s, 'createClaim', { docId: doc.id, start: 0, end: 5, domainIds: [domain.id] });
}

describe("the analyst's name", () => {
  it('is asked for on first start and kept in the data folder, not in the project', async () => {
    const dir = tempDir();
    const s = start(dir);
    expect(await ok(s, 'getUserSettings', {})).toMatchObject({
      analyst: '',
      needsAnalyst: true,
      dataDir: dir,
    });
    const set = await callSessionMethod(s, 'updateUserSettings', { analyst: '  Łucja   Analityk ' });
    expect(set).toMatchObject({
      ok: true,
      value: { analyst: 'Łucja Analityk', initials: 'ŁA', needsAnalyst: false },
    });
    // The status bar's query (project_meta) reloads from the answer.
    expect(set.ok && set.changes?.tables.map((t) => t.table)).toEqual(['project_meta']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      analyst: 'Łucja Analityk',
      initials: 'ŁA',
    });
    const meta = s.project!.db.prepare("SELECT value FROM project_meta WHERE key = 'analyst'").get();
    expect(meta).toBeUndefined();
    stopLast();
    // The next start knows it.
    const again = start(dir);
    expect(await ok(again, 'getUserSettings', {})).toMatchObject({
      analyst: 'Łucja Analityk',
      needsAnalyst: false,
    });
  });

  it('is recorded on every claim and edit, in every project the session opens, and exports carry it', async () => {
    const s = start();
    await ok(s, 'updateUserSettings', { analyst: 'J. Smith', initials: 'JS' });
    expect((await ok(s, 'getProject', {})).analyst).toBe('J. Smith');
    const claim = await tagFirst(s);
    expect(claim.analyst).toBe('J. Smith');
    await ok(s, 'updateClaim', { id: claim.id, note: 'checked' });
    expect((await ok(s, 'getEditLog', { entity: 'claim', id: claim.id })).map((e) => e.analyst)).toEqual([
      'J. Smith',
      'J. Smith',
    ]);
    const csv = await ok(s, 'exportExcerpts', { format: 'csv', docIds: [claim.docId] });
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('J. Smith');

    await ok(s, 'createProject', { name: 'Second', codebook: 'defence-diplomacy' });
    expect((await ok(s, 'getProject', {})).analyst).toBe('J. Smith');
    await ok(s, 'updateUserSettings', { analyst: 'K. Jones' });
    await ok(s, 'openProject', { name: 'Sample' });
    expect((await tagFirst(s)).analyst).toBe('K. Jones');
  });

  it("names the session's analyst as the .qdpx export's user, even with no claim of theirs", async () => {
    const s = start();
    await ok(s, 'createProject', { name: 'Empty', codebook: 'empty' });
    await ok(s, 'updateUserSettings', { analyst: 'J. Smith' });
    const file = await ok(s, 'exportExcerpts', { format: 'qdpx' });
    const zip = unzipSync(Buffer.from(file.base64, 'base64'));
    const xml = strFromU8(zip['project.qde']);
    expect(xml).toMatch(/<User [^>]*name="J\. Smith"/);
  });

  it('refuses the placeholder "analyst" and a name too long, keeping the one set', async () => {
    const s = start();
    await ok(s, 'updateUserSettings', { analyst: 'Ann' });
    for (const analyst of ['analyst', ' Analyst ']) {
      const r = await callSessionMethod(s, 'updateUserSettings', { analyst });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await callSessionMethod(s, 'updateUserSettings', { analyst: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await ok(s, 'getUserSettings', {})).analyst).toBe('Ann');
  });

  it('reads a damaged settings file as no settings, without making the sample again', async () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ not json');
    const s = start(dir);
    expect(s.project?.name).not.toBe('Sample');
    expect(await ok(s, 'getUserSettings', {})).toMatchObject({ analyst: '', needsAnalyst: true });
    await ok(s, 'updateUserSettings', { analyst: 'Ann' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).analyst).toBe('Ann');
  });
});
