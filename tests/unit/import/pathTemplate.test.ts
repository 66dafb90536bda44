import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planBulkAttributes } from '../../../electron/core/import/bulkAttributes';
import { importPaths } from '../../../electron/core/import/importFiles';
import { compilePathTemplate, matchPathTemplate } from '../../../electron/core/import/pathTemplate';
import { tempDir, tempProject } from './helpers';

/** The regex the template used to become (lazy groups, anchored): the reference for ordinary names. */
function oldMatch(template: string, name: string): Record<string, string> | null {
  const names: string[] = [];
  let source = '';
  let last = 0;
  const re = /\{([^{}:]+)(?::(text|number|date))?\}/g;
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (let m = re.exec(template); m; m = re.exec(template)) {
    source += escape(template.slice(last, m.index));
    names.push(m[1].trim());
    source += `(?<g${names.length - 1}>.+?)`;
    last = m.index + m[0].length;
  }
  source += escape(template.slice(last));
  const m = new RegExp(`^${source}$`, 'u').exec(name);
  return m?.groups ? Object.fromEntries(names.map((n, i) => [n, m.groups![`g${i}`]])) : null;
}

const match = (template: string, name: string): Record<string, string> | null =>
  matchPathTemplate(compilePathTemplate(template), name);

/** A small deterministic generator (mulberry32), so that a failure names a case that can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('file-name templates', () => {
  it('splits ordinary names as before: each value as short as the rest of the name allows', () => {
    expect(match('{country}_{session}_{year}.txt', 'FRA_70_2015.txt')).toEqual({
      country: 'FRA',
      session: '70',
      year: '2015',
    });
    expect(match('{a}_{b}', 'x_y_z')).toEqual({ a: 'x', b: 'y_z' });
    expect(match('{a}{b}', 'xyz')).toEqual({ a: 'x', b: 'yz' });
    expect(match('{a}_{b}', '_x_y')).toEqual({ a: '_x', b: 'y' });
    expect(match('{a}_{b}', 'x_')).toBeNull();
    expect(match('{a}_{b}', 'x_\ny')).toBeNull();
    expect(match('rep-{year:number}.txt', 'rep-2024.txt')).toEqual({ year: '2024' });
    // A value is at least one character, and an emoji is one character.
    expect(match('{a}{b}', '😀😀')).toEqual({ a: '😀', b: '😀' });
    expect(match('{a}{b}', '😀')).toBeNull();
  });

  it('agrees with the old regex on thousands of small generated templates and names', () => {
    const next = random(9);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const pieces = ['', '', '_', 'a', '.', '_a', 'aa', '😀', 'a_'];
    const chars = ['a', 'a', 'b', '_', '.', '😀', '\n'];
    let matched = 0;
    for (let n = 0; n < 4000; n++) {
      const k = 1 + Math.floor(next() * 3);
      const word = (most: number): string =>
        Array.from({ length: Math.floor(next() * (most + 1)) }, () => pick(chars)).join('');
      // Half the names are the template filled in (so that many match, often ambiguously), half are noise.
      const filled = next() < 0.5;
      let template = pick(pieces);
      let name = filled ? template : word(8);
      for (let i = 0; i < k; i++) {
        const piece = pick(pieces);
        template += `{v${i}}${piece}`;
        if (filled) name += word(3) + piece;
      }
      const expected = oldMatch(template, name);
      if (expected) matched++;
      expect(match(template, name), `${JSON.stringify(template)} on ${JSON.stringify(name)}`).toEqual(
        expected,
      );
    }
    // Both outcomes were exercised, not just misses.
    expect(matched).toBeGreaterThan(500);
  });

  it('says what is wrong with a template', () => {
    expect(() => compilePathTemplate('{a}_{a}')).toThrow('--attrs-from-path names {a} twice');
    expect(() => compilePathTemplate('report.txt')).toThrow('needs at least one {name}');
  });

  // The old regex took 40 s for eight adjacent placeholders on a 60-character name and grows as
  // length^placeholders: these sizes would not finish in any test run. The matcher is one pass of indexOf.
  it('answers at once for a hostile template of many adjacent placeholders on a long name', () => {
    const template = `${Array.from({ length: 150 }, (_, i) => `{p${i}}`).join('')}.txt`;
    expect(template.length).toBeLessThanOrEqual(1_000); // what the API accepts
    const files = [`/c/${'a'.repeat(4_000)}.md`, `/c/${'a'.repeat(4_000)}`, `/c/${'a'.repeat(200)}.txt`];
    const plan = planBulkAttributes(files, { attrsFromPath: template });
    expect(plan.warnings.map((w) => w.path)).toEqual(files.slice(0, 2));
    const values = plan.byPath.get(files[2])!.attributes;
    expect(Object.keys(values)).toHaveLength(150);
    expect(values.p0).toBe('a');
    expect(values.p149).toBe('a'.repeat(51));
  });

  it('imports a folder whose file name is hostile to the template without hanging', async () => {
    const dir = tempDir();
    const name = `${'a'.repeat(200)}.md`;
    fs.writeFileSync(path.join(dir, name), 'Heading\n\nBody.');
    const template = `${Array.from({ length: 40 }, (_, i) => `{p${i}}`).join('')}.txt`;
    const p = tempProject();
    const r = await importPaths(p.db, [dir], { attrsFromPath: template });
    expect(r.imported).toHaveLength(1);
    expect(r.warnings).toEqual([
      { path: path.join(dir, name), message: `file name does not match "${template}"` },
    ]);
  });
});
