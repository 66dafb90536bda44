import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { autocodeSearch, compilePattern } from '../../../electron/core/autocode';
import { addDocument } from '../../../electron/core/documents';
import { DossierError } from '../../../electron/core/errors';
import { tempProject } from '../helpers';

// The analyst's regular expression runs in a worker thread with a time budget (electron/core/regexScan.ts): a
// catastrophic pattern ends with a clear error while the core keeps answering, and every pattern means what it
// meant when it ran on the calling thread.

const REDOS = '(a+)+$';

function setup() {
  const p = tempProject('empty');
  const run = addDocument(p.db, { title: 'Run of a', text: `${'a'.repeat(64)}!`, format: 'txt' }).id;
  addDocument(p.db, { title: 'Plain', text: 'The alliance met in Brussels.', format: 'txt' });
  return { p, db: p.db, run };
}

describe('autocode with a catastrophic regular expression', () => {
  it('ends with a clear error within the budget while the core keeps answering', async () => {
    const { p, db } = setup();
    const events: string[] = [];
    const search = autocodeSearch(db, { pattern: REDOS, regex: true }, { budgetMs: 1_000 }).then(
      () => events.push('search answered'),
      (error: unknown) => {
        events.push('search refused');
        return error;
      },
    );
    // The search cannot give up before its budget: these calls are answered while the pattern runs.
    for (const method of ['getSettings', 'listDocuments', 'getCodebook'] as const) {
      const r = await callMethod(p, method, {});
      expect(r.ok, method).toBe(true);
      events.push(method);
    }
    const error = await search;
    expect(events).toEqual(['getSettings', 'listDocuments', 'getCodebook', 'search refused']);
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).code).toBe('invalid_input');
    expect((error as Error).message).toMatch(
      /^the pattern "\(a\+\)\+\$" took too long \(over 1 s on "Run of a"\); simplify it/,
    );
    // The project is untouched and the next search works.
    expect((await autocodeSearch(db, { pattern: 'alliance' })).total).toBe(1);
  });

  it('reaches the API door as invalid_input, with the default budget', { timeout: 60_000 }, async () => {
    const { p } = setup();
    const r = await callMethod(p, 'autocodeSearch', { pattern: REDOS, regex: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/took too long .*simplify it/) },
    });
  });

  it('gives the right answer when the same pattern finishes within the budget', async () => {
    const p = tempProject('empty');
    addDocument(p.db, { title: 'Short run', text: `${'a'.repeat(16)}!`, format: 'txt' });
    addDocument(p.db, { title: 'Ends in a', text: 'Say aaaa', format: 'txt' });
    const r = await autocodeSearch(p.db, { pattern: REDOS, regex: true });
    expect(r).toMatchObject({ total: 1, documents: 1, truncated: false });
    expect(r.hits.map((h) => [h.docTitle, h.match, h.start])).toEqual([['Ends in a', 'aaaa', 4]]);
  });
});

describe('autocode regular expressions in the search thread', () => {
  const TEXT =
    'Straße STRASSE straße. The NATO-led drills; nato, Nato! 😀 Émile met ÉMILE. ' +
    'Bonn Bonn again, x1 y22 z333. Kraków and KRAKÓW. ǅemal ǆemal.';

  /** Every match the same RegExp finds on this thread, skipping empty and blank ones as autocode does. */
  function reference(q: Parameters<typeof compilePattern>[0]): string[] {
    const re = compilePattern(q);
    return [...TEXT.matchAll(re)].filter((m) => m[0].trim() !== '').map((m) => `${m.index}:${m[0]}`);
  }

  it('means what the pattern meant on the calling thread: flags, Unicode, lookaround, backreferences', async () => {
    const p = tempProject('empty');
    addDocument(p.db, { title: 'Mixed', text: TEXT, format: 'txt' });
    const queries = [
      { pattern: 'straße' },
      { pattern: 'straße', caseSensitive: true },
      { pattern: 'nato', wholeWord: true },
      { pattern: 'émile' },
      { pattern: '(?<=NATO-)\\w+', regex: true },
      { pattern: '\\b(\\w+) \\1\\b', regex: true },
      { pattern: '(?<letters>\\p{Lu}\\p{Ll}+)', regex: true, caseSensitive: true },
      { pattern: '\\p{Emoji_Presentation}', regex: true },
      { pattern: 'kraków', wholeWord: true },
      { pattern: 'ǆemal', regex: true },
      { pattern: '[xyz]\\d{2,}', regex: true },
      { pattern: 'z*', regex: true },
      { pattern: '\\s', regex: true },
    ];
    for (const q of queries) {
      const r = await autocodeSearch(p.db, q);
      const expected = reference(q);
      expect(
        r.hits.map((h) => `${h.start}:${h.match}`),
        q.pattern,
      ).toEqual(expected);
      expect(r.total, q.pattern).toBe(expected.length);
    }
  });

  it('counts every match across many documents and keeps the first hits up to the limit', async () => {
    const p = tempProject('empty');
    for (let i = 0; i < 600; i++)
      addDocument(p.db, { title: `Note ${i}`, text: `Item ${i}: NATO and nato.`, format: 'txt' });
    const r = await autocodeSearch(p.db, { pattern: 'n\\w+o', regex: true, limit: 700 });
    expect(r).toMatchObject({ total: 1_200, documents: 600, truncated: true });
    expect(r.hits).toHaveLength(700);
    expect(r.hits[699]).toMatchObject({ docTitle: 'Note 349', match: 'nato' });
    expect(
      r.hits.every((h, i) => i === 0 || h.docId > r.hits[i - 1].docId || h.start > r.hits[i - 1].start),
    ).toBe(true);
  });

  it('answers searches made at the same time, each with its own result', async () => {
    const p = tempProject('empty');
    addDocument(p.db, { title: 'Mixed', text: TEXT, format: 'txt' });
    const patterns = ['straße', 'nato', 'bonn', 'x1', 'émile'];
    const together = await Promise.all(patterns.map((pattern) => autocodeSearch(p.db, { pattern })));
    for (const [i, pattern] of patterns.entries())
      expect(
        together[i].hits.map((h) => h.start),
        pattern,
      ).toEqual(reference({ pattern }).map((r) => Number(r.split(':')[0])));
  });
});
