import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { codePointLength } from '../../../shared/text';
import { addDocument } from '../../../electron/core/documents';
import { computeCooccurrence } from '../../../electron/core/grids/cooccurrence';
import { computeMatrix } from '../../../electron/core/grids/matrix';
import { dossier } from '../helpers';
import { buildFixture } from './fixture';

function json<T>(...args: string[]): T {
  const r = dossier(...args, '--json');
  if (r.code !== 0) throw new Error(`dossier ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

describe('dossier grid, cooccurrence and compare', () => {
  it('prints the matrix for any rows and measure, as JSON, CSV or a table', () => {
    const f = buildFixture(41, 6, 10);
    type G = {
      measure: string;
      rows: { docId?: number; title?: string; key: string | null }[];
      columns: { domainId: number; name: string }[];
      counts: number[][];
      values: number[][];
      rowTotals: number[];
      total: number;
    };
    const g = json<G>('grid', f.p.path);
    const m = computeMatrix(f.p.db);
    expect(g.measure).toBe('count');
    expect(g.rows.map((r) => [r.docId, r.title])).toEqual(m.rows.map((r) => [r.docId, r.label]));
    expect(g.columns.map((c) => c.domainId)).toEqual(m.columns.map((c) => c.domainId));
    expect(g.counts).toEqual(m.values);
    expect(g.total).toBe(f.claims.length);
    const w = json<G>('grid', f.p.path, '--rows', 'attr:country', '--measure', 'words');
    const mw = computeMatrix(f.p.db, { rows: 'attr:country', measure: 'words' });
    expect(w.values).toEqual(mw.values);
    expect(w.rowTotals).toEqual(mw.rowTotals);
    expect(w.counts).toEqual(computeMatrix(f.p.db, { rows: 'attr:country' }).values);
    expect(w.rows.map((r) => r.key)).toEqual(mw.rows.map((r) => r.key));
    const csv = dossier('grid', f.p.path, '--rows', 'published', '--measure', 'coverage', '--csv');
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout) as string[][];
    const mc = computeMatrix(f.p.db, { rows: 'published', measure: 'coverage' });
    expect(rows[0]).toEqual(['Published (year)', ...mc.columns.map((c) => c.name), 'Total']);
    expect(Number(rows.at(-1)!.at(-1))).toBeCloseTo(mc.total, 2);
    const text = dossier('grid', f.p.path, '--measure', 'docs');
    expect(text.stdout).toMatch(/Total/);
    expect(dossier('grid', f.p.path, '--measure', 'mean').code).toBe(2);
    const bad = dossier('grid', f.p.path, '--rows', 'attr:missing');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no document attribute named "missing"/);
  });

  it('prints co-occurrence', () => {
    const f = buildFixture(42, 5, 12);
    const co = json<{ columns: { domainId: number }[]; same: number[][]; overlap: number[][] }>(
      'cooccurrence',
      f.p.path,
    );
    const expected = computeCooccurrence(f.p.db);
    expect(co.columns.map((c) => c.domainId)).toEqual(expected.columns.map((c) => c.domainId));
    expect(co.same).toEqual(expected.same);
    expect(co.overlap).toEqual(expected.overlap);
  });

  it('adds shared passages in code points, with the pair of documents, to compare', () => {
    const f = buildFixture(43, 1, 1);
    const para =
      'Both governments committed to joint patrols in the strait, an exchange of liaison officers and a hotline between the two naval headquarters before the end of the year.';
    const a = `😀😀😀 Statement. ${para} End.`;
    const b = `Report 𝐁 quoted: ${para} More.`;
    const c = 'Nothing in common with the others whatsoever, just a note about the weather and lunch.';
    const ids = [a, b, c].map((text, i) => addDocument(f.p.db, { title: `C${i}`, text, format: 'txt' }).id);
    type S = {
      docs: number[];
      a: { start: number; end: number };
      b: { start: number; end: number };
      similarity: number;
    };
    const out = json<{
      documents: unknown[];
      domains: { a: unknown[]; b: unknown[]; c: unknown[]; counts: number[] }[];
      shared: S[];
      pairs: { docs: number[] }[];
    }>('compare', f.p.path, ...ids.map(String));
    expect(out.domains[0]).toHaveProperty('a');
    expect(out.domains[0]).toHaveProperty('c');
    expect(out.domains[0].counts).toHaveLength(3);
    expect(out.pairs).toHaveLength(3);
    expect(out.shared).toHaveLength(1);
    const s = out.shared[0];
    expect(s.docs).toEqual([ids[0], ids[1]]);
    const cps = (t: string) => [...t];
    expect(cps(a).slice(s.a.start, s.a.end).join('')).toBe(para.slice(0, -1));
    expect(cps(b).slice(s.b.start, s.b.end).join('')).toBe(para.slice(0, -1));
    expect(s.a.start).toBe(codePointLength('😀😀😀 Statement. '));
    expect(s.similarity).toBe(1);
    expect(dossier('compare', f.p.path, String(ids[0])).code).toBe(2);
  });
});
