import { describe, expect, it } from 'vitest';
import { featurize } from '../../../electron/core/suggest/features';
import { scores } from '../../../electron/core/suggest/model';
import { scoreUnits, type ScoreUnit } from '../../../electron/core/suggest/scoreUnits';
import { fitModel, type Passage } from '../../../electron/core/suggest/train';
import { rng, sentence } from './synthetic';

function corpus(): Passage[] {
  const random = rng(3);
  return Array.from({ length: 60 }, (_, i) => ({
    text: sentence((i % 2) as 0 | 1, random),
    doc: 1 + (i % 6),
    pos: [i % 2 === 0 ? 10 : 20],
    neg: 'all' as const,
  }));
}

describe('scoreUnits (corpus-wide scoring in one pass)', () => {
  const model = fitModel(corpus(), [10, 20]);
  const random = rng(42);
  const units: ScoreUnit[] = Array.from({ length: 200 }, (_, i) => {
    const text = sentence((i % 3 === 0 ? 0 : 1) as 0 | 1, random);
    return { docId: 1 + (i % 7), start: i * 100, end: i * 100 + text.length, text };
  });
  // What scoring each unit one by one and sorting every hit would give.
  const all = units
    .flatMap((u) => {
      const s = scores(model, featurize(u.text, model.idf));
      return model.domains.map((domainId, j) => ({
        docId: u.docId,
        start: u.start,
        end: u.end,
        domainId,
        score: s[j],
      }));
    })
    .sort((a, b) => b.score - a.score || a.docId - b.docId || a.start - b.start);

  it('returns the best hits above the minimum, as scoring one by one would, in order', () => {
    const hits = scoreUnits(model, units, { minScore: 0.3, limit: 25 });
    const want = all.filter((h) => h.score >= 0.3).slice(0, 25);
    expect(hits.length).toBe(25);
    expect(hits.map((h) => [h.docId, h.start, h.domainId])).toEqual(
      want.map((h) => [h.docId, h.start, h.domainId]),
    );
    for (let i = 0; i < hits.length; i++) expect(hits[i].score).toBeCloseTo(want[i].score, 5);
    const every = scoreUnits(model, units, { minScore: 0, limit: 10_000 });
    expect(every.length).toBe(all.length);
  });

  it('keeps to the wanted domains and leaves out excluded hits without losing a place', () => {
    const only20 = scoreUnits(model, units, { domainIds: [20], minScore: 0, limit: 1000 });
    expect(only20.every((h) => h.domainId === 20)).toBe(true);
    expect(only20.length).toBe(units.length);
    const top = scoreUnits(model, units, { domainIds: [10], minScore: 0, limit: 5 });
    const skipped = scoreUnits(model, units, {
      domainIds: [10],
      minScore: 0,
      limit: 5,
      exclude: (u) => u.start === top[0].start,
    });
    expect(skipped.length).toBe(5);
    expect(skipped.map((h) => h.start)).toEqual([...top.slice(1).map((h) => h.start), expect.any(Number)]);
    expect(scoreUnits(model, units, { domainIds: [99] })).toEqual([]);
    expect(scoreUnits(model, [], {})).toEqual([]);
  });
});
