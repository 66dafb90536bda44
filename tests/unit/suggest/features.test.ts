import { describe, expect, it } from 'vitest';
import { DIM, learnIdf, termCounts, vectorize, words } from '../../../electron/core/suggest/features';

describe('suggestion features (hashed TF-IDF)', () => {
  it('hashes word unigrams, bigrams and character n-grams into 2^18 dimensions', () => {
    expect(DIM).toBe(2 ** 18);
    expect(words('L’OTAN a dit: « Défense » 2024!')).toEqual(['l’otan', 'a', 'dit', 'défense', '2024']);
    const c = termCounts('troops troops');
    // two unigrams of one word, one bigram, and its character 3–5-grams (" troops " has 6 + 5 + 4)
    const total = [...c.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(2 + 1 + 2 * (6 + 5 + 4));
    for (const d of c.keys()) expect(d >= 0 && d < DIM).toBe(true);
    // word order matters through bigrams
    expect(termCounts('budget deficit')).not.toEqual(termCounts('deficit budget'));
  });

  it('weights by IDF and normalises to unit length, with dimensions ascending', () => {
    const docs = ['troops crossed', 'troops rested', 'budget passed'].map(termCounts);
    const idf = learnIdf(docs);
    const v = vectorize(docs[0], idf);
    const norm = Math.sqrt(v.val.reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(1, 5);
    for (let i = 1; i < v.idx.length; i++) expect(v.idx[i]).toBeGreaterThan(v.idx[i - 1]);
    // "troops" (in two of three) weighs less than "crossed" (in one)
    const unigram = (w: string) => [...termCounts(w).keys()];
    const weight = (w: string) => {
      const dims = unigram(w);
      return Math.max(...dims.map((d) => v.val[v.idx.indexOf(d)] ?? 0));
    };
    expect(weight('crossed')).toBeGreaterThan(weight('troops'));
    expect(vectorize(new Map(), idf).idx.length).toBe(0);
  });
});
