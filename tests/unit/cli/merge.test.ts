import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProject } from '../../../electron/core/project';
import { dossier, tempDir } from '../helpers';
import { copyOf, counts, reopen, team, TEXTS } from '../merge/teamProject';

// `dossier merge` and `dossier copy-for` through the real CLI: the JSON report, the table, a dry run, and exit
// codes for a bad command line (2) and a refusal (1).

function files(): { ours: string; theirs: string } {
  const a = team();
  const d = a.domain('Actors');
  const one = a.doc(TEXTS.one, 'One');
  a.claim(one, 'signed a memorandum', 'Ana', [d]);
  const b = copyOf(a.p, 'ben');
  b.claim(one, 'Joint exercises', 'Ben', [d]);
  b.domain('Navy');
  b.doc(TEXTS.three, 'Three');
  const out = { ours: a.p.path, theirs: b.p.path };
  closeProject(a.p);
  closeProject(b.p);
  return out;
}

describe('dossier merge', () => {
  it('reports per kind as JSON and as a table; a dry run writes nothing; merging twice adds nothing', () => {
    const { ours, theirs } = files();
    const dry = dossier('merge', ours, theirs, '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    const r = JSON.parse(dry.stdout);
    expect(r).toMatchObject({
      dryRun: true,
      domainRule: 'keep-ours',
      documents: { added: 1, identical: 1 },
      domains: { added: 1, identical: 1 },
      claims: { added: 1, identical: 1, conflicting: 0 },
    });
    expect(counts(reopen(ours)).claims).toBe(1);
    const done = dossier('merge', ours, theirs);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/^Merged ben\.dossier \(Dossier project\): one step, undoable/);
    expect(done.stdout).toMatch(/claims\s+1\s+1\s+0/);
    expect(done.stdout).toMatch(/Navy/);
    const again = JSON.parse(dossier('merge', ours, theirs, '--json').stdout);
    expect([again.documents.added, again.domains.added, again.claims.added]).toEqual([0, 0, 0]);
  });

  it('exits 2 for a bad command line and 1 for a file it refuses', () => {
    const { ours } = files();
    expect(dossier('merge', ours).code).toBe(2);
    expect(dossier('merge', ours, ours, '--domains', 'mine').code).toBe(2);
    const junk = path.join(tempDir(), 'junk.qdpx');
    fs.writeFileSync(junk, 'no zip');
    const r = dossier('merge', ours, junk);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toBe('');
  });
});

describe('dossier copy-for', () => {
  it('saves a copy with one analyst’s claims, or none', () => {
    const { theirs } = files();
    const dir = tempDir();
    const ben = dossier('copy-for', theirs, path.join(dir, 'ben-only.dossier'), '--analyst', 'Ben', '--json');
    expect(ben.code, ben.stderr).toBe(0);
    expect(JSON.parse(ben.stdout)).toMatchObject({ analyst: 'Ben', documents: 2, domains: 2, claims: 1 });
    const blank = dossier('copy-for', theirs, path.join(dir, 'blank.dossier'));
    expect(blank.stdout).toMatch(/0 claims \(none: a blank copy to code\)/);
    expect(counts(reopen(path.join(dir, 'blank.dossier'))).claims).toBe(0);
    expect(dossier('copy-for', theirs).code).toBe(2);
    expect(dossier('copy-for', theirs, path.join(dir, 'blank.dossier')).code).toBe(1);
  });
});
