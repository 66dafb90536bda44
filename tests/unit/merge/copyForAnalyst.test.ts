import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callFailure, callOk, tempDir } from '../helpers';
import { claimSet, counts, reopen, team, TEXTS } from './teamProject';

function coded() {
  const a = team();
  const d = a.domain('Actors');
  const one = a.doc(TEXTS.one);
  const two = a.doc(TEXTS.two);
  a.claim(one, 'signed a memorandum', 'Ana', [d]);
  a.claim(two, 'rose sharply', 'Ben', [d]);
  return { a, d, one, two };
}

describe('a copy for an analyst', () => {
  it('has the same documents and codebook and only that analyst’s claims', async () => {
    const { a } = coded();
    const file = path.join(tempDir(), 'ben.dossier');
    const r = await callOk(a.p, 'copyForAnalyst', { path: file, analyst: 'Ben' });
    expect(r).toMatchObject({ analyst: 'Ben', documents: 2, domains: 1, claims: 1 });
    const copy = reopen(file);
    expect(counts(copy)).toMatchObject({ documents: 2, domains: 1, claims: 1 });
    expect(copy.db.prepare('SELECT DISTINCT analyst FROM claims').pluck().all()).toEqual(['Ben']);
    // This project is as it was.
    expect(counts(a.p)).toMatchObject({ claims: 2 });
  });

  it('without an analyst has no claims; merged back, its analyst’s new work comes in and nothing else', async () => {
    const { a, d, two } = coded();
    const file = path.join(tempDir(), 'blank.dossier');
    expect((await callOk(a.p, 'copyForAnalyst', { path: file })).claims).toBe(0);
    const b = team(reopen(file));
    b.claim(two, 'Observers doubt the figures', 'Cleo', [d]);
    // Here, meanwhile, a claim that gets the same row id as Cleo's.
    const x = team(a.p).claim(two, 'Arms transfers', 'Ana', [d]);
    expect(x).toBe(3);
    const r = await callOk(a.p, 'mergeProject', { path: file });
    expect(r.claims).toMatchObject({ added: 1, identical: 0, conflicting: 0 });
    expect(r.documents).toMatchObject({ added: 0, identical: 2 });
    expect(r.domains).toMatchObject({ added: 0, identical: 1 });
    expect(claimSet(a.p)).toHaveLength(4);
  });

  it('refuses an existing file and a missing folder, writing nothing', async () => {
    const { a } = coded();
    const dir = tempDir();
    const taken = path.join(dir, 'taken.dossier');
    fs.writeFileSync(taken, 'mine');
    expect(await callFailure(a.p, 'copyForAnalyst', { path: taken })).toMatchObject({ code: 'conflict' });
    expect(fs.readFileSync(taken, 'utf8')).toBe('mine');
    expect(
      await callFailure(a.p, 'copyForAnalyst', { path: path.join(dir, 'no', 'x.dossier') }),
    ).toMatchObject({
      code: 'not_found',
    });
    // A path relative to wherever the process runs, or not a project file name, is refused before anything.
    const here = fs.readdirSync(process.cwd());
    for (const bad of ['relative.dossier', '__proto__', path.join(dir, 'copy.txt')])
      expect(await callFailure(a.p, 'copyForAnalyst', { path: bad }), bad).toMatchObject({
        code: 'invalid_input',
      });
    expect(fs.readdirSync(process.cwd())).toEqual(here);
    expect(fs.readdirSync(dir)).toEqual(['taken.dossier']);
  });
});
