import { describe, expect, it } from 'vitest';
import { createClaim } from '../../../electron/core/claims';
import { trainingSet } from '../../../electron/core/suggest/examples';
import { featurize } from '../../../electron/core/suggest/features';
import { scores } from '../../../electron/core/suggest/model';
import { fitModel } from '../../../electron/core/suggest/train';
import { sentenceSpans } from '../../../electron/core/suggest/units';
import { sampleProject } from '../helpers';

// The e2e's situation (tests/e2e/suggest.spec.ts): two long sentences of each of three sample documents tagged
// with one domain. The untagged sentences of the corpus must not all be pushed to nothing (an earlier blend with
// naive Bayes put every one below 10 %: the review drawer had nothing to offer), nor all look like the domain.
describe('scores on the sample project after a few claims', () => {
  it('leaves some untagged sentences above 10 % and most below 50 %', () => {
    const p = sampleProject();
    const domain = p.db
      .prepare("SELECT id FROM domains WHERE name = 'Military aid and support'")
      .pluck()
      .get() as number;
    p.db.exec('DELETE FROM claim_domains; DELETE FROM claims');
    const docs = p.db.prepare('SELECT id, text FROM documents ORDER BY id').all() as {
      id: number;
      text: string;
    }[];
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    for (const d of docs.slice(0, 3)) {
      const long = [...segmenter.segment(d.text)].filter((s) => s.segment.trim().length > 40).slice(1, 3);
      for (const s of long)
        createClaim(p.db, {
          docId: d.id,
          start: s.index,
          end: s.index + s.segment.trimEnd().length,
          domainIds: [domain],
        });
    }
    const { passages } = trainingSet(p.db);
    const model = fitModel(passages, [domain], { idfTexts: docs.map((d) => d.text) });
    const tagged = new Set(passages.filter((x) => x.pos.length).map((x) => x.text));
    const untagged = docs.flatMap((d) =>
      sentenceSpans(d.text)
        .map((s) => d.text.slice(s.start, s.end))
        .filter((t) => !tagged.has(t)),
    );
    const s = untagged.map((t) => scores(model, featurize(t, model.idf))[0]);
    expect(s.filter((x) => x >= 0.1).length).toBeGreaterThan(0);
    expect(s.filter((x) => x >= 0.5).length).toBeLessThan(s.length / 2);
    // the claims themselves score high
    const own = passages
      .filter((x) => x.pos.length)
      .map((x) => scores(model, featurize(x.text, model.idf))[0]);
    expect(Math.min(...own)).toBeGreaterThan(0.5);
  });
});
