import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { addDomain } from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import { closeProject, createProject } from '../../../electron/core/project';
import { tempDir } from '../helpers';

// dossier autocode --context: the CLI door onto the core's context units (positions in code points, as ever).

afterEach(() => vi.restoreAllMocks());

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

const TEXT = '😀 NATO met. Then NATO and the EU agreed.\n\nA second paragraph on NATO.';

function project(): string {
  const file = path.join(tempDir(), 'p.dossier');
  const p = createProject(file, 'empty');
  addDocument(p.db, { title: 'a', text: TEXT, format: 'txt' });
  addDomain(p.db, { name: 'Alliance' });
  closeProject(p);
  return file;
}

describe('dossier autocode --context', () => {
  it('tags sentences, paragraphs or words around, with marks in code points', async () => {
    const file = project();
    const quotes = async (...args: string[]): Promise<string[]> => {
      const r = await run('autocode', file, '--pattern', 'NATO', '--dry-run', '--json', ...args);
      expect(r).toMatchObject({ code: 0, err: '' });
      const hits = JSON.parse(r.out).hits as { match: string; start: number; marks: { start: number }[] }[];
      return hits.map((h) => h.match);
    };
    expect(await quotes('--context', 'sentence')).toEqual([
      '😀 NATO met.',
      'Then NATO and the EU agreed.',
      'A second paragraph on NATO.',
    ]);
    expect(await quotes('--context', 'paragraph')).toEqual([
      '😀 NATO met. Then NATO and the EU agreed.',
      'A second paragraph on NATO.',
    ]);
    expect(await quotes('--context', 'words:1')).toEqual(['NATO met', 'Then NATO and', 'on NATO']);
    const r = JSON.parse(
      (await run('autocode', file, '--pattern', 'NATO', '--dry-run', '--json', '--context', 'paragraph')).out,
    );
    // The emoji is one code point: the NATOs start at 2 and 17 (3 and 18 in UTF-16).
    expect(r.hits[0].marks.map((m: { start: number }) => m.start)).toEqual([2, 17]);
    const applied = await run(
      'autocode',
      file,
      '--pattern',
      'NATO',
      '--domain',
      'Alliance',
      '--context',
      'sentence',
    );
    expect(applied.code).toBe(0);
  });

  it('a bad --context is a usage error (exit 2) and tags nothing', async () => {
    const file = project();
    for (const bad of ['chapter', 'words:0', 'words:x'])
      expect(
        await run('autocode', file, '--pattern', 'NATO', '--domain', 'Alliance', '--context', bad),
      ).toMatchObject({
        code: 2,
        err: expect.stringMatching(/--context/),
      });
    const again = JSON.parse((await run('autocode', file, '--pattern', 'NATO', '--dry-run', '--json')).out);
    expect(again.hits.every((h: { claimId: number | null }) => h.claimId === null)).toBe(true);
  });
});
