import { describe, expect, it } from 'vitest';
import {
  countMatrix,
  DIM,
  FEATURE_SEEDS,
  featurize,
  featurizeScratch,
  hashString,
  idfFromDf,
  learnIdf,
  matrixRow,
  termCounts,
  vectorize,
  weightMatrix,
  words,
} from '../../../electron/core/suggest/features';
import { rng, sentence } from './synthetic';

// The featurizer hashes n-grams incrementally over UTF-16 units; this is the straightforward version it must
// equal: every n-gram sliced out as a string and hashed whole, counted in a Map.
function reference(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (h: number): void => {
    const d = h & (DIM - 1);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  };
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    add(hashString(ws[i], FEATURE_SEEDS.word));
    if (i > 0) add(hashString(`${ws[i - 1]} ${ws[i]}`, FEATURE_SEEDS.bigram));
    const b = ` ${ws[i]} `;
    for (let n = 3; n <= 5; n++)
      for (let j = 0; j + n <= b.length; j++) add(hashString(b.slice(j, j + n), FEATURE_SEEDS.char(n)));
  }
  return counts;
}

const TEXTS = [
  'Troops crossed the border at dawn; the ministry said nothing.',
  'L’OTAN a dit: « Défense » 2024! Über-große Straßen, Ärger.',
  'Emoji 😀 and astral 𝒳𝒴 letters, CJK 防衛協力 and Українська мова.',
  'a I x',
  '',
  'well-known co-operation isn’t don’t ’90s',
];

describe('incremental featurizer', () => {
  it('counts exactly what slicing and hashing each n-gram would', () => {
    const random = rng(11);
    const texts = [...TEXTS, ...Array.from({ length: 30 }, (_, i) => sentence((i % 2) as 0 | 1, random))];
    for (const t of texts) {
      const fast = termCounts(t);
      const ref = reference(t);
      expect(new Map([...fast].sort((a, b) => a[0] - b[0]))).toEqual(
        new Map([...ref].sort((a, b) => a[0] - b[0])),
      );
      // and the dimensions come out ascending
      const dims = [...fast.keys()];
      for (let i = 1; i < dims.length; i++) expect(dims[i]).toBeGreaterThan(dims[i - 1]);
    }
  });

  it('featurize equals vectorize(termCounts) and leaves no counts behind between calls', () => {
    const idf = learnIdf(TEXTS.map(termCounts));
    for (const t of [...TEXTS, ...TEXTS]) {
      const a = featurize(t, idf);
      const b = vectorize(reference(t), idf);
      expect([...a.idx]).toEqual([...b.idx]);
      expect([...a.val]).toEqual([...b.val]);
      // the scoring path's unsorted scratch holds the same pairs
      const { n, idx, val } = featurizeScratch(t, idf);
      const pairs = Array.from({ length: n }, (_, i) => [idx[i], val[i]]).sort((x, y) => x[0] - y[0]);
      expect(pairs.map((x) => x[0])).toEqual([...b.idx]);
      // (its norm is summed in another order: equal to float precision)
      pairs.forEach((x, i) => expect(x[1]).toBeCloseTo(b.val[i], 6));
    }
  });

  it('builds one CSR matrix whose rows are the passages’ vectors, trimmed to its entries', () => {
    const random = rng(4);
    const texts = Array.from({ length: 3000 }, (_, i) => sentence((i % 2) as 0 | 1, random));
    const m = countMatrix(texts);
    expect(m.rows).toBe(texts.length);
    expect(m.rowPtr[m.rows]).toBe(m.idx.length);
    expect(m.val.length).toBe(m.idx.length);
    // little spare room kept: the entries (each ~8 bytes), not a Map or an array per passage
    const entries = texts.reduce((n, t) => n + termCounts(t).size, 0);
    expect(m.idx.length).toBe(entries);
    expect(m.idx.buffer.byteLength).toBeLessThanOrEqual(entries * 4 * 1.25);
    const idf = idfFromDf(m.df, m.rows);
    expect(idf).toEqual(learnIdf(texts.map(termCounts)));
    weightMatrix(m, idf);
    for (const r of [0, 1, 1234, 2999]) {
      const row = matrixRow(m, r);
      const v = vectorize(termCounts(texts[r]), idf);
      expect([...row.idx]).toEqual([...v.idx]);
      expect([...row.val]).toEqual([...v.val]);
    }
  });
});
