import { describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../../electron/core/project';
import { currentModel, trainModel } from '../../../electron/core/suggest/state';
import {
  acceptSuggestion,
  rankDomains,
  rejectSuggestion,
  suggestClaims,
} from '../../../electron/core/suggest/suggest';
import { trainingSet } from '../../../electron/core/suggest/examples';
import { undo } from '../../../electron/core/history';
import { tempProject } from '../helpers';
import { seeded } from './synthetic';

describe('suggestion model in the project file', () => {
  it('trains in a worker, is stored in the file and read back on reopening', async () => {
    const p = tempProject();
    const { a, b, docs } = seeded(p);
    const set = trainingSet(p.db);
    expect(set.passages.filter((x) => x.pos.length).length).toBe(36);
    expect(set.passages.filter((x) => !x.pos.length).length).toBe(12);
    const report = await trainModel(p.db);
    const fig = report.domains.find((d) => d.domainId === a)!;
    expect(fig).toMatchObject({ examples: 18, documents: 6, hidden: false });
    expect(fig.precision).not.toBeNull();
    const text = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(docs[0]) as string;
    const ranked = rankDomains(p.db, docs[0], 0, 10);
    const file = p.path;
    closeProject(p);
    const again = openProject(file);
    try {
      expect(currentModel(again.db).report?.trainedAt).toBe(report.trainedAt);
      expect(rankDomains(again.db, docs[0], 0, 10)).toEqual(ranked);
      expect(ranked.find((r) => r.domainId === b)).toBeDefined();
      expect(text.length).toBeGreaterThan(10);
    } finally {
      closeProject(again);
    }
  });

  it('suggests passages whose text is the quote, accepts one as a suggested claim and keeps a rejection', async () => {
    const p = tempProject();
    const { a, docs } = seeded(p);
    await trainModel(p.db);
    const { suggestions } = await suggestClaims(p.db, { docIds: docs, unit: 'sentence', minScore: 0 });
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) {
      const text = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(s.docId) as string;
      expect(text.slice(s.start, s.end)).toBe(s.quote);
    }
    // tagged passages are not suggested again for their own domain
    const claimed = p.db.prepare('SELECT count(*) FROM claims').pluck().get() as number;
    expect(suggestions.length).toBeLessThanOrEqual((48 - claimed / 6) * 2 + 48);
    const s = suggestions.find((x) => x.domainId === a)!;
    const claim = acceptSuggestion(p.db, s);
    expect(p.db.prepare('SELECT suggested FROM claims WHERE id = ?').pluck().get(claim.id)).toBe(1);
    const other = suggestions.find((x) => x !== s)!;
    rejectSuggestion(p.db, other);
    rejectSuggestion(p.db, other);
    expect(p.db.prepare('SELECT count(*) FROM suggest_rejections').pluck().get()).toBe(1);
    const after = (await suggestClaims(p.db, { docIds: docs, unit: 'sentence', minScore: 0 })).suggestions;
    const same = (x: typeof s, y: typeof s) =>
      x.docId === y.docId && x.start === y.start && x.domainId === y.domainId;
    expect(after.some((x) => same(x, s))).toBe(false);
    expect(after.some((x) => same(x, other))).toBe(false);
    expect(trainingSet(p.db).passages.some((x) => x.neg !== 'all' && x.neg[0] === other.domainId)).toBe(true);
    expect(() => rejectSuggestion(p.db, { ...other, end: 10_000_000 })).toThrow();
    // accepting is one undoable step: undo removes the claim it made
    undo(p.db);
    expect(p.db.prepare('SELECT count(*) FROM claims WHERE id = ?').pluck().get(claim.id)).toBe(0);
  });
});
