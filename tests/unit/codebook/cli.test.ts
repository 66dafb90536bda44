import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { listClaims } from '../../../electron/core/claims';
import { getCodebook } from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import { closeProject, openProject } from '../../../electron/core/project';
import { tempDir } from '../helpers';

afterEach(() => vi.restoreAllMocks());

/** Runs the CLI in-process and captures what it prints. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (s: string | Uint8Array) => ((out += String(s)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (s: string | Uint8Array) => ((err += String(s)), true),
  );
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('CLI: domain, autocode, codebook, analyst', () => {
  it('edits the codebook and autocodes from the command line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.dossier');
    const txt = path.join(dir, 'a.txt');
    fs.writeFileSync(txt, 'NATO met. 😀 The nato summit. Natoland.\n');
    expect(await run('init', file, '--codebook', 'empty')).toMatchObject({ err: '', code: 0 });
    // The document goes in through the core, so that this test depends only on the commands it is about.
    const p0 = openProject(file);
    addDocument(p0.db, { title: 'a', text: fs.readFileSync(txt, 'utf8'), format: 'txt' });
    closeProject(p0);
    expect((await run('analyst', file, 'Jo')).out).toContain('Analyst: Jo');
    const added = await run('domain', 'add', file, 'Alliance', '--color', '#112233', '--json');
    expect(JSON.parse(added.out)).toMatchObject({ name: 'Alliance', color: '#112233', parentId: null });
    await run('domain', 'add', file, 'Sub', '--parent', 'Alliance');
    expect(await run('domain', 'add', file, 'alliance')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/already exists/),
    });
    expect((await run('domain', 'rename', file, 'Sub', 'Summits')).code).toBe(0);

    const dry = JSON.parse(
      (await run('autocode', file, '--pattern', 'nato', '--whole-word', '--dry-run', '--json')).out,
    );
    expect(dry).toMatchObject({ total: 2, applied: null });
    // Positions are code points: the emoji counts as one (its UTF-16 offset would be 17).
    expect(dry.hits.map((h: { start: number }) => h.start)).toEqual([0, 16]);
    const applied = JSON.parse(
      (await run('autocode', file, '--pattern', 'nato', '--whole-word', '--domain', 'Alliance', '--json'))
        .out,
    );
    expect(applied.applied).toMatchObject({ created: 2, updated: 0 });
    expect(await run('autocode', file, '--pattern', '(', '--regex', '--domain', 'Alliance')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/invalid regular expression "\(": /),
    });
    expect(await run('autocode', file, '--pattern', 'nato')).toMatchObject({ code: 2 });
    expect(
      await run('autocode', file, '--pattern', 'nato', '--limit', '1', '--domain', 'Alliance'),
    ).toMatchObject({
      code: 2,
      err: expect.stringMatching(/raise --limit/),
    });

    const preview = JSON.parse((await run('domain', 'delete', file, 'Alliance', '--dry-run', '--json')).out);
    expect(preview).toMatchObject({ claims: 2, claimsWithoutOtherDomain: 2, applied: false });
    expect(await run('domain', 'delete', file, 'Alliance')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/--force/),
    });
    const merged = JSON.parse((await run('domain', 'merge', file, 'Alliance', 'Summits', '--json')).out);
    expect(merged).toMatchObject({ claims: 2, applied: true, domain: { name: 'Summits', claims: 2 } });

    const out = path.join(dir, 'cb.json');
    expect((await run('codebook', 'export', file, '--out', out)).code).toBe(0);
    const other = path.join(dir, 'q.dossier');
    await run('init', other, '--codebook', 'empty');
    expect(JSON.parse((await run('codebook', 'apply', other, out, '--json')).out)).toEqual({
      created: ['Summits'],
      existing: [],
    });

    expect(
      JSON.parse((await run('domain', 'delete', file, 'Summits', '--force', '--json')).out),
    ).toMatchObject({ deletedClaims: 2 });
    const p = openProject(file);
    expect(listClaims(p.db)).toEqual([]);
    expect(getCodebook(p.db)).toEqual([]);
    closeProject(p);
    const q = openProject(other);
    expect(getCodebook(q.db).map((d) => d.name)).toEqual(['Summits']);
    closeProject(q);
  });
});
