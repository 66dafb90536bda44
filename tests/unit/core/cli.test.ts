import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dossier, tempDir } from '../helpers';

function json<T>(...args: string[]): T {
  const r = dossier(...args, '--json');
  if (r.code !== 0) throw new Error(`dossier ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

describe('dossier CLI', () => {
  it('runs the whole skeleton loop with --json', () => {
    const dir = tempDir();
    const project = path.join(dir, 'p.dossier');
    const corpus = path.join(dir, 'corpus dir');
    fs.mkdirSync(path.join(corpus, 'sub'), { recursive: true });
    fs.writeFileSync(
      path.join(corpus, 'a.txt'),
      'Allies pledge aid\n\nThe allies sent 😀 tanks and training to Ukraine. Tanks again.\n',
    );
    fs.writeFileSync(
      path.join(corpus, 'sub', 'b.md'),
      '# Second report\n\nIntelligence sharing grew. Tanks arrived.\n',
    );
    fs.writeFileSync(path.join(corpus, 'empty.txt'), '');
    fs.writeFileSync(path.join(corpus, 'image.png'), 'x');

    expect(json<{ domains: number }>('init', project).domains).toBe(11);
    const imported = json<{
      imported: { id: number; title: string; path: string }[];
      skipped: { path: string }[];
      failed: { path: string; error: string }[];
    }>('import', project, corpus);
    expect(imported.imported.map((d) => d.title).sort()).toEqual(['Allies pledge aid', 'Second report']);
    expect(imported.failed).toEqual([{ path: path.join(corpus, 'empty.txt'), error: 'empty file' }]);
    expect(imported.skipped.map((s) => path.basename(s.path))).toContain('image.png');
    const again = json<{ imported: unknown[]; skipped: { reason: string }[] }>(
      'import',
      project,
      path.join(corpus, 'a.txt'),
    );
    expect(again.imported).toHaveLength(0);
    expect(again.skipped[0].reason).toMatch(/already present/);

    const docs = json<{ id: number; title: string; chars: number; claims: number }[]>('docs', project);
    const a = docs.find((d) => d.title === 'Allies pledge aid')!;
    const shown = json<{ id: number; title: string; text: string; chars: number }>(
      'show',
      project,
      String(a.id),
    );
    expect(shown.chars).toBe([...shown.text].length);
    expect(a.chars).toBe(shown.chars);

    const domains = json<
      { id: number; name: string; color: string; description: string; parentId: number | null }[]
    >('domains', project);
    expect(domains[0]).toMatchObject({ name: 'High-level dialogue', parentId: null });

    const claim = json<{
      id: number;
      docId: number;
      start: number;
      end: number;
      quote: string;
      domains: string[];
      note: string;
    }>(
      'tag',
      project,
      '--doc',
      String(a.id),
      '--quote',
      'Tanks',
      '--occurrence',
      '1',
      '--domain',
      'military aid and support',
      '--domain',
      'Military education and training',
      '--note',
      'second mention',
    );
    // Code points: the emoji before it counts as one.
    const cps = [...shown.text];
    expect(cps.slice(claim.start, claim.end).join('')).toBe('Tanks');
    expect(claim.domains).toEqual(['Military education and training', 'Military aid and support']);
    expect(claim.note).toBe('second mention');

    const claims = json<{ id: number }[]>('claims', project, '--domain', 'Military aid and support');
    expect(claims.map((c) => c.id)).toEqual([claim.id]);
    expect(json<unknown[]>('claims', project, '--doc', String(docs.find((d) => d.id !== a.id)!.id))).toEqual(
      [],
    );

    const grid = json<{
      rows: { docId: number; title: string }[];
      columns: { domainId: number; name: string }[];
      counts: number[][];
    }>('grid', project);
    const r = grid.rows.findIndex((x) => x.docId === a.id);
    const c = grid.columns.findIndex((x) => x.name === 'Military aid and support');
    expect(grid.counts[r][c]).toBe(1);
    expect(grid.counts.flat().reduce((s, n) => s + n, 0)).toBe(2);

    const cmp = json<{ domains: { name: string; a: { id: number }[]; b: { id: number }[] }[] }>(
      'compare',
      project,
      String(a.id),
      String(docs[1].id === a.id ? docs[0].id : docs[1].id),
    );
    expect(cmp.domains.find((d) => d.name === 'Military aid and support')!.a.map((x) => x.id)).toEqual([
      claim.id,
    ]);

    const out = path.join(dir, 'excerpts.csv');
    expect(json<{ rows: number }>('export', project, '--format', 'csv', '--out', out).rows).toBe(2);
    const rows = parse(fs.readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      document: 'Allies pledge aid',
      quote: 'Tanks',
      note: 'second mention',
      start: String(claim.start),
      end: String(claim.end),
    });
  });

  it('fails with a one-line message and a non-zero exit on bad input', () => {
    const dir = tempDir();
    const project = path.join(dir, 'p.dossier');
    json('init', project);
    const cases: [string[], RegExp][] = [
      [['docs', path.join(dir, 'missing.dossier')], /No project/],
      [['init', project], /already exists/],
      [['show', project, '1'], /no document with id 1/],
      [['show', project, 'abc'], /docId must be a positive whole number/],
      [['tag', project, '--doc', '1'], /--quote is required/],
      [['claims', project, '--domain', 'Astrology'], /no domain named "Astrology"/],
      [['frobnicate'], /unknown command/],
      [['docs', project, '--bogus'], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const r = dossier(...args, '--json');
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
