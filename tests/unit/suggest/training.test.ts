import { describe, expect, it } from 'vitest';
import { deserialize, scores, serialize } from '../../../electron/core/suggest/model';
import { termCounts, vectorize } from '../../../electron/core/suggest/features';
import {
  crossValidate,
  fitModel,
  foldsByDocument,
  MIN_EXAMPLES,
  type Passage,
  trainAndMeasure,
} from '../../../electron/core/suggest/train';
import { rng, sentence } from './synthetic';

function corpus(docs: number, perDoc: number, seed = 3): Passage[] {
  const random = rng(seed);
  const out: Passage[] = [];
  for (let d = 1; d <= docs; d++)
    for (let i = 0; i < perDoc; i++) {
      const topic = (d + i) % 2 === 0 ? 0 : 1;
      out.push({ text: sentence(topic, random), doc: d, pos: [topic === 0 ? 10 : 20], neg: 'all' });
    }
  return out;
}

describe('suggestion model (one-vs-rest logistic regression by SGD)', () => {
  it('learns a small synthetic labelled set and scores unseen sentences correctly', () => {
    const model = fitModel(corpus(8, 10), [10, 20]);
    const random = rng(99);
    let right = 0;
    for (let i = 0; i < 100; i++) {
      const topic = i % 2 === 0 ? 0 : 1;
      const s = scores(model, vectorize(termCounts(sentence(topic, random)), model.idf));
      if ((s[0] > s[1] ? 0 : 1) === topic) right++;
    }
    expect(right).toBeGreaterThanOrEqual(90);
  });

  it('round-trips through its blob with the same scores', () => {
    const model = fitModel(corpus(4, 6), [10, 20]);
    const again = deserialize(serialize(model));
    expect(again.domains).toEqual([10, 20]);
    const v = vectorize(termCounts('Troops and artillery drills.'), model.idf);
    expect(scores(again, v)).toEqual(scores(model, v));
    expect(() => deserialize(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('cross-validates by document: no document is ever in both the training and the test fold', () => {
    const passages = corpus(7, 5);
    let folds = 0;
    const { figures } = crossValidate(passages, [10, 20], (train, test) => {
      folds++;
      const trainDocs = new Set(train.map((p) => p.doc));
      for (const p of test) expect(trainDocs.has(p.doc)).toBe(false);
      expect(train.length + test.length).toBe(passages.length);
    });
    expect(folds).toBe(5);
    expect(figures.get(10)!.precision).toBeGreaterThan(0.8);
    expect(figures.get(10)!.recall).toBeGreaterThan(0.8);
    const f = foldsByDocument([3, 1, 2, 3, 1], 2);
    expect([...f.keys()].sort()).toEqual([1, 2, 3]);
  });

  it('hides a domain with too few examples, and says how many it has', () => {
    const passages = corpus(6, 6);
    const few = passages.filter((p) => p.pos[0] === 20).slice(0, MIN_EXAMPLES - 1);
    for (const p of few) p.pos = [20, 30];
    const r = trainAndMeasure(passages, [10, 20, 30]);
    const d30 = r.domains.find((d) => d.domainId === 30)!;
    expect(d30).toMatchObject({ examples: MIN_EXAMPLES - 1, hidden: true, precision: null, recall: null });
    expect(r.domains.find((d) => d.domainId === 10)!.hidden).toBe(false);
    expect(deserialize(r.blob).domains).toEqual([10, 20]);
  });
});
