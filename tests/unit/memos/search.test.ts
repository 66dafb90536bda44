import { describe, expect, it } from 'vitest';
import { memoProject, raw } from './project';

describe('searchMemos', () => {
  it('finds memos by title and text with FTS5 (diacritics folded, prefixes, phrases), title first, with snippets', async () => {
    const { p, claimId, call } = memoProject();
    const inText = await call('addMemo', {
      title: 'Reading notes',
      text: 'The liaison officers talk about **sovereignty** a lot; see the Résumé.',
    });
    const inTitle = await call('addMemo', { title: 'Sovereignty', text: 'short', claimId });
    await call('addMemo', { title: 'Unrelated', text: 'nothing here' });

    const hits = await call('searchMemos', { query: 'sovereignty' });
    expect(hits.map((h) => h.memo.id)).toEqual([inTitle.id, inText.id]);
    expect(hits[0].memo.claimQuote).toBe('exchange of officers');
    const h = hits[1];
    expect(h.snippet).toContain('sovereignty');
    const [mark] = h.snippetMarks;
    expect(h.snippet.slice(mark.start, mark.end)).toBe('sovereignty');
    expect((await call('searchMemos', { query: 'resume' })).map((x) => x.memo.id)).toEqual([inText.id]);
    expect((await call('searchMemos', { query: 'liais*' })).map((x) => x.memo.id)).toEqual([inText.id]);
    expect((await call('searchMemos', { query: '"officers talk"' })).map((x) => x.memo.id)).toEqual([
      inText.id,
    ]);
    expect(await call('searchMemos', { query: 'zebra' })).toEqual([]);

    // Edits and deletions reach the index.
    await call('updateMemo', { id: inText.id, text: 'rewritten' });
    expect((await call('searchMemos', { query: 'sovereignty' })).map((x) => x.memo.id)).toEqual([inTitle.id]);
    await call('deleteMemo', { id: inTitle.id });
    expect(await call('searchMemos', { query: 'sovereignty' })).toEqual([]);
    p.db.close();
  });

  it('answers a query it cannot read with a clear error', async () => {
    const { p } = memoProject();
    for (const query of ['"open', 'a AND', '   ']) {
      const r = await raw(p, 'searchMemos', { query });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(/search query not understood|type something/);
      }
    }
    p.db.close();
  });
});
