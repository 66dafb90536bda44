import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSharedPassages } from '../../../electron/core/compare/sharedPassages';
import { SHARED_DIR } from '../helpers';
import { rng } from './fixture';

const WORDS =
  'the of and to in a is that for on with as by at from be this which or an are it not have has was were will its their more than other these been also security nations council peace development climate people world international country states must support rights women children human global economic'.split(
    ' ',
  );

/** Prose-like filler with its own random stream, so that two fillers share no long run of words. */
function filler(seed: number, words: number): string {
  const random = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(WORDS[Math.floor(random() * WORDS.length)] + (random() < 0.08 ? '.' : ''));
    if (random() < 0.02) out.push('\n\n');
  }
  return out.join(' ');
}

const PLANTED =
  'Our delegation reaffirms its unwavering commitment to the peaceful settlement of disputes, to the protection of civilians in armed conflict and to the full implementation of the Sustainable Development Goals by the year 2030.';

describe('shared passages', () => {
  it('finds a planted paragraph with its exact offsets in both texts', () => {
    const before = filler(1, 400);
    const a = `${before}\n\n${PLANTED}\n\n${filler(2, 300)}`;
    const b = `${filler(3, 150)}\n\n${PLANTED}\n\n${filler(4, 500)}`;
    const r = findSharedPassages(a, b);
    expect(r.passages).toHaveLength(1);
    const [p] = r.passages;
    expect(a.slice(p.a.start, p.a.end)).toBe(PLANTED.slice(0, -1));
    expect(b.slice(p.b.start, p.b.end)).toBe(PLANTED.slice(0, -1));
    expect(p.similarity).toBe(1);
    expect(p.words).toBe(PLANTED.match(/[\p{L}\p{N}]+/gu)!.length);
    expect(r.coverageA).toBeCloseTo((PLANTED.length - 1) / a.length, 9);
    expect(r.similarity).toBeGreaterThan(0);
    expect(r.similarity).toBeLessThan(0.2);
  });

  it('finds a near-identical passage (words changed, one dropped) as one passage with similarity below 1', () => {
    const edited = PLANTED.replace('unwavering', 'steadfast')
      .replace('full ', '')
      .replace('year 2030', 'year twenty thirty');
    const a = `${filler(5, 300)} ${PLANTED} ${filler(6, 200)}`;
    const b = `${filler(7, 200)} ${edited} ${filler(8, 200)}`;
    const r = findSharedPassages(a, b);
    expect(r.passages).toHaveLength(1);
    const [p] = r.passages;
    expect(a.slice(p.a.start, p.a.end)).toMatch(/^Our delegation reaffirms .* by the year$/);
    expect(b.slice(p.b.start, p.b.end)).toMatch(/^Our delegation reaffirms its steadfast .* by the year$/);
    expect(p.similarity).toBeGreaterThan(0.6);
    expect(p.similarity).toBeLessThan(1);
  });

  it('finds nothing between unrelated texts, and is case- and punctuation-insensitive', () => {
    expect(findSharedPassages(filler(9, 3000), filler(10, 3000)).passages).toEqual([]);
    const r = findSharedPassages(`x ${PLANTED.toUpperCase()}`, `y — ${PLANTED.replace(/,/g, ' ;')}`);
    expect(r.passages).toHaveLength(1);
  });

  it('reports UTF-16 offsets around astral characters', () => {
    const a = `😀😀 ${PLANTED}`;
    const b = `𝐁𝐁𝐁 and ${PLANTED}`;
    const [p] = findSharedPassages(a, b).passages;
    expect(a.slice(p.a.start, p.a.end)).toBe(PLANTED.slice(0, -1));
    expect(b.slice(p.b.start, p.b.end)).toBe(PLANTED.slice(0, -1));
  });

  it('refuses nonsense options', () => {
    expect(() => findSharedPassages('a', 'b', { shingle: 0 })).toThrow(RangeError);
  });

  const corpus = path.join(SHARED_DIR, 'corpora', 'un-general-debate-2015-2024');
  if (!fs.existsSync(corpus)) console.log(`skipping UN corpus shared-passage test: ${corpus} is absent`);
  describe.skipIf(!fs.existsSync(corpus))('on UN General Debate speeches', () => {
    it('finds a planted paragraph between two speeches and nothing between two others', () => {
      const dir = path.join(corpus, 'Session 73 - 2018');
      const [x, y, z, w] = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .slice(0, 4)
        .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
      const paragraph = z.split('\n').find((l) => l.split(' ').length > 60)!;
      const a = `${x}\n${paragraph}\n`;
      const b = `${paragraph}\n${y}`;
      const r = findSharedPassages(a, b);
      const hit = r.passages.filter((p) => p.words >= paragraph.split(' ').length * 0.9);
      expect(hit).toHaveLength(1);
      expect(a.slice(hit[0].a.start, hit[0].a.end)).toBe(b.slice(hit[0].b.start, hit[0].b.end));
      expect(findSharedPassages(x, w).passages.filter((p) => p.words >= 30)).toEqual([]);
    });
  });

  it('compares a text of one word repeated thousands of times in a few passages, not one per diagonal', () => {
    // Each position of the repeated shingle met each of its positions in the other text: a chain per diagonal, each
    // extended to the end (quadratic: 14 s for 8,000 words). Now a shingle counts at 16 positions per text at most.
    const text = 'word '.repeat(3_000).trim();
    const r = findSharedPassages(text, text);
    expect(r.passages.length).toBeGreaterThan(0);
    expect(r.passages.length).toBeLessThanOrEqual(2 * 16);
    expect(r.passages[0]).toMatchObject({
      a: { start: 0, end: text.length },
      b: { start: 0, end: text.length },
    });
    expect(r.coverageA).toBe(1);
    expect(r.similarity).toBe(1);
  });
});
