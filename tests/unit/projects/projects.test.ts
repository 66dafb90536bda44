import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../shared/api/changes';
import { callMethod } from '../../../electron/core/api/dispatch';
import { closeProject, openProject } from '../../../electron/core/project';
import { callSessionMethod, subscribeSession } from '../../../electron/core/projects';
import { tempDir } from '../helpers';
import { fails, ok, start, stopLast } from './sessionHelpers';

describe('a session over the data folder', () => {
  it('makes the sample only on the first start, marked as a sample, and reopens the last project', async () => {
    const dir = tempDir();
    const first = start(dir);
    expect(first.project?.name).toBe('Sample');
    expect(await ok(first, 'getProject', {})).toMatchObject({ sample: true, documents: 5, claims: 15 });
    const made = await ok(first, 'createProject', { name: 'Field study', codebook: 'empty' });
    expect(made).toMatchObject({ name: 'Field study', documents: 0, claims: 0, sample: false, open: true });
    stopLast();

    // The last project reopens; the sample is not made again, even once it is deleted.
    const second = start(dir);
    expect(second.project?.name).toBe('Field study');
    stopLast();
    fs.rmSync(path.join(dir, 'Sample.dossier'));
    fs.rmSync(path.join(dir, 'Field study.dossier'));
    const third = start(dir);
    expect(third.project?.name).not.toBe('Sample');
    expect(await ok(third, 'getProject', {})).toMatchObject({ sample: false, documents: 0 });
  });

  it('creates a project that starts empty with the chosen codebook, and lists projects with their counts', async () => {
    const s = start();
    const made = await ok(s, 'createProject', { name: 'Ports', codebook: 'empty' });
    expect(made.path).toBe(path.join(s.dataDir!, 'Ports.dossier'));
    expect((await ok(s, 'listDocuments', {})).rows).toEqual([]);
    const domains = await callSessionMethod(s, 'listDomains', {});
    expect(domains.ok && domains.value).toEqual([]);
    const listed = await ok(s, 'listProjects', {});
    expect(listed.folder).toBe(s.dataDir);
    expect(listed.projects.map((p) => [p.name, p.documents, p.claims, p.sample, p.open])).toEqual([
      ['Ports', 0, 0, false, true],
      ['Sample', 5, 15, true, false],
    ]);
    await expect(fails(s, 'createProject', { name: 'Ports', codebook: 'empty' })).resolves.toMatchObject({
      code: 'conflict',
    });
    await expect(fails(s, 'createProject', { name: 'X', codebook: 'no-such' })).resolves.toMatchObject({
      code: 'not_found',
    });
    // Nothing half-made is left behind by the refusals.
    expect(fs.readdirSync(s.dataDir!).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('switches projects without mixing their claims, and tells subscribers', async () => {
    const s = start();
    const events: StreamEvent[] = [];
    const stop = subscribeSession(s, (e) => events.push(e));
    await ok(s, 'createProject', { name: 'A', codebook: 'defence-diplomacy' });
    expect(events.at(-1)).toMatchObject({ type: 'project', name: 'A' });
    const r = await callSessionMethod(s, 'openProject', { name: 'Sample' });
    // The caller's answer says everything changed: its window reloads all it shows.
    expect(r.ok && r.changes?.tables.length).toBeGreaterThan(5);
    expect(await ok(s, 'listClaims', {})).toHaveLength(15);
    await ok(s, 'openProject', { name: 'A' });
    expect(await ok(s, 'listClaims', {})).toHaveLength(0);
    // The stream follows the open project: a change in A is heard after the switch.
    events.length = 0;
    const made = await callSessionMethod(s, 'createDomain', { name: 'Only in A' });
    expect(made.ok).toBe(true);
    expect(events.some((e) => e.type === 'changes' && e.tables.some((t) => t.table === 'domains'))).toBe(
      true,
    );
    stop();
  });

  it('renames the open project (it stays open) and a closed one with its backups', async () => {
    const s = start();
    await ok(s, 'createProject', { name: 'Draft', codebook: 'empty' });
    const backups = path.join(s.dataDir!, 'backups', 'Sample');
    fs.mkdirSync(backups, { recursive: true });
    fs.writeFileSync(path.join(backups, 'marker'), 'x');
    const renamed = await ok(s, 'renameProject', { name: 'Draft', to: 'Final' });
    expect(renamed).toMatchObject({ name: 'Final', open: true });
    expect(s.project?.name).toBe('Final');
    expect(await ok(s, 'getProject', {})).toMatchObject({ name: 'Final' });
    expect(fs.existsSync(path.join(s.dataDir!, 'Draft.dossier'))).toBe(false);
    const other = await ok(s, 'renameProject', { name: 'Sample', to: 'Old sample' });
    expect(other).toMatchObject({ name: 'Old sample', open: false, documents: 5 });
    expect(fs.readFileSync(path.join(s.dataDir!, 'backups', 'Old sample', 'marker'), 'utf8')).toBe('x');
    await expect(fails(s, 'renameProject', { name: 'Final', to: 'Old sample' })).resolves.toMatchObject({
      code: 'conflict',
    });
    expect(s.project?.name).toBe('Final');
    expect(s.project?.db.open).toBe(true);
  });

  it('saves a copy of the open project, which stays open', async () => {
    const s = start();
    const copy = await ok(s, 'copyProject', { to: 'Sample copy' });
    expect(copy).toMatchObject({ name: 'Sample copy', documents: 5, claims: 15, open: false });
    expect(s.project?.name).toBe('Sample');
    const p = openProject(copy.path);
    expect((p.db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n).toBe(15);
    closeProject(p);
    await expect(fails(s, 'copyProject', { to: 'Sample copy' })).resolves.toMatchObject({ code: 'conflict' });
  });

  it('refuses hostile names with a clear error and changes nothing', async () => {
    const s = start();
    const outside = path.join(path.dirname(s.dataDir!), 'outside.dossier');
    fs.copyFileSync(s.project!.path, outside);
    fs.symlinkSync(outside, path.join(s.dataDir!, 'link.dossier'));
    const before = fs.readdirSync(s.dataDir!).sort();
    for (const [name, why] of [
      ['../outside', /path separator/],
      ['..', /dot/],
      ['a/b', /path separator/],
      ['a\\b', /path separator/],
      ['.hidden', /starts with a dot/],
      ['nul', /reserves/],
      ['tab\u0000x', /cannot hold/],
      ['   ', /empty/],
      ['x'.repeat(121), /longer than/],
    ] as const) {
      for (const method of ['createProject', 'openProject', 'renameProject', 'copyProject'] as const) {
        const input =
          method === 'createProject'
            ? { name, codebook: 'empty' }
            : method === 'renameProject'
              ? { name: 'Sample', to: name }
              : method === 'copyProject'
                ? { to: name }
                : { name };
        const e = await fails(s, method, input);
        expect(e.code, `${method} ${name}`).toBe('invalid_input');
        expect(e.message).toMatch(why);
      }
    }
    await expect(fails(s, 'openProject', { name: 'link' })).resolves.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/is a link/),
    });
    await expect(fails(s, 'openProject', { name: 'nothing here' })).resolves.toMatchObject({
      code: 'not_found',
    });
    expect(fs.readdirSync(s.dataDir!).sort()).toEqual(before);
    expect(s.project?.name).toBe('Sample');
    expect(s.project?.db.open).toBe(true);
  });

  it('keeps the open project when the one asked for cannot be opened', async () => {
    const s = start();
    fs.writeFileSync(path.join(s.dataDir!, 'Broken.dossier'), 'not a database at all, only text'.repeat(200));
    const e = await fails(s, 'openProject', { name: 'Broken' });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/damaged|not a Dossier project/);
    expect(s.project?.name).toBe('Sample');
    expect(await ok(s, 'listClaims', {})).toHaveLength(15);
    const listed = await ok(s, 'listProjects', {});
    expect(listed.projects.find((p) => p.name === 'Broken')).toMatchObject({ documents: null });
  });

  it('does not switch under a running import, and switches once it is done', async () => {
    const s = start();
    const folder = tempDir();
    for (let i = 0; i < 200; i++)
      fs.writeFileSync(
        path.join(folder, `n${i}.txt`),
        `Note ${i}\n\n${'Words of a note. '.repeat(200)}${i}\n`,
      );
    await ok(s, 'createProject', { name: 'Other', codebook: 'empty' });
    await ok(s, 'openProject', { name: 'Sample' });
    const job = await ok(s, 'startImport', { paths: [folder] });
    const refused = await fails(s, 'openProject', { name: 'Other' });
    const renamed = await fails(s, 'renameProject', { name: 'Sample', to: 'Renamed' });
    const done = await ok(s, 'waitImport', { jobId: job.jobId });
    expect(done.state).toBe('done');
    expect([refused.code, renamed.code]).toEqual(['conflict', 'conflict']);
    expect(refused.message).toMatch(/import .* still running/);
    expect(s.project?.name).toBe('Sample');
    await ok(s, 'createProject', { name: 'After', codebook: 'empty' });
    expect(s.project?.name).toBe('After');
  });

  it('lists the recent projects, most recent first', async () => {
    const s = start();
    await ok(s, 'createProject', { name: 'One', codebook: 'empty' });
    await ok(s, 'createProject', { name: 'Two', codebook: 'empty' });
    await ok(s, 'openProject', { name: 'One' });
    expect((await ok(s, 'recentProjects', {})).map((p) => [p.name, p.open])).toEqual([
      ['One', true],
      ['Two', false],
      ['Sample', false],
    ]);
    fs.rmSync(path.join(s.dataDir!, 'Two.dossier'));
    expect((await ok(s, 'recentProjects', {})).map((p) => p.name)).toEqual(['One', 'Sample']);
  });

  it('answers the data folder methods only through a session', async () => {
    const s = start();
    const r = await callMethod(s.project!, 'listProjects', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
