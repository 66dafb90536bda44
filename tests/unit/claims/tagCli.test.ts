import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import type { PublicClaim } from '../../../electron/cli/views';
import { closeProject, createProject, type Project, setMeta } from '../../../electron/core/project';
import { runCli } from '../../support/cliInProcess';
import { tempDir } from '../export/fixture';

// `dossier tag` makes what the Reader's tag popover makes: domains, note, actor, stance and grading.

const TEXT = 'The alliance agreed to train 5,000 officers. Critics doubt the plan. The ministry is silent.';
let p: Project;
let file: string;
let docId: number;
beforeAll(() => {
  file = path.join(tempDir('dossier-tag-'), 'Tag.dossier');
  p = createProject(file, 'empty');
  setMeta(p.db, 'analyst', 'Ana Lyst');
  createDomain(p.db, { name: 'Training', color: '#44AA99' });
  docId = addDocument(p.db, { title: 'Memo', text: TEXT, format: 'txt' }).id;
});
afterAll(() => closeProject(p));

const claimCount = (): number => (p.db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;

type TagJson = PublicClaim;

const tag = (quote: string, ...extra: string[]): Promise<{ code: number; out: string; err: string }> =>
  runCli('tag', file, '--doc', String(docId), '--quote', quote, '--domain', 'Training', ...extra);

describe('dossier tag --actor --stance --grading', () => {
  it('tags with actor, stance and grading, and --json shows them beside the fields it always had', async () => {
    const r = await tag(
      'agreed to train',
      '--actor',
      'NATO',
      '--stance',
      'supports',
      '--grading',
      'B2',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as TagJson;
    expect(out).toMatchObject({
      docId,
      start: 13,
      end: 28,
      quote: 'agreed to train',
      domains: ['Training'],
      note: '',
      actor: 'NATO',
      stance: 'supports',
      reliability: 'B',
      credibility: 2,
      analyst: 'Ana Lyst',
    });
    const row = p.db
      .prepare('SELECT actor, stance, reliability, credibility FROM claims WHERE id = ?')
      .get(out.id);
    expect(row).toEqual({ actor: 'NATO', stance: 'supports', reliability: 'B', credibility: 2 });
  });

  it('takes either part of a grading alone, a stance in any case, and says so in the text output', async () => {
    const a = JSON.parse(
      (await tag('Critics doubt', '--grading', 'c', '--stance', 'OPPOSES', '--json')).out,
    ) as TagJson;
    expect([a.reliability, a.credibility, a.stance]).toEqual(['C', null, 'opposes']);
    const b = JSON.parse((await tag('the plan', '--grading', ' 5 ', '--json')).out) as TagJson;
    expect([b.reliability, b.credibility, b.stance, b.actor]).toEqual([null, 5, null, '']);
    const text = await tag(
      'ministry is silent',
      '--actor',
      'Ministry',
      '--stance',
      'neutral',
      '--grading',
      'F6',
    );
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /^Tagged claim \d+ in document \d+ \(\d+–\d+\): Training · actor Ministry · neutral · graded F6\n$/,
    );
  });

  it('refuses bad values with a usage error (exit 2) naming what is allowed, and tags nothing', async () => {
    const before = claimCount();
    const cases: [string[], RegExp][] = [
      [['--stance', 'maybe'], /--stance must be supports, opposes, neutral \(got "maybe"\)/],
      [
        ['--grading', 'G2'],
        /--grading must be a reliability A–F and\/or credibility 1–6, such as B2, B or 2 \(got "G2"\)/,
      ],
      [['--grading', 'B7'], /--grading must be/],
      [['--grading', '2B'], /--grading must be/],
      [['--grading', ''], /--grading must be/],
      [['--grading', 'B2', '--grading', 'C3'], /give --grading once/],
      [['--actor', '  '], /--actor needs a name/],
      [['--actor', 'x'.repeat(1_001)], /--actor is longer than 1000 characters/],
    ];
    for (const [extra, message] of cases) {
      const r = await tag('The alliance', ...extra, '--json');
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
    expect(claimCount()).toBe(before);
  });
});
