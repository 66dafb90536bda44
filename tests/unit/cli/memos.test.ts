import { describe, expect, it } from 'vitest';
import { closeProject } from '../../../electron/core/project';
import { dossier } from '../helpers';
import { memoProject } from '../memos/project';

interface Listed {
  id: number;
  title: string;
  text: string;
  analyst: string;
  docId: number | null;
  claimId: number | null;
  createdAt: string;
  updatedAt: string;
}

function json<T>(...args: string[]): T {
  const r = dossier(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** A closed project file with two documents and a claim (the CLI opens it itself). */
function projectFile() {
  const { p, docId, claimId } = memoProject();
  closeProject(p);
  return { file: p.path, docId, claimId };
}

describe('dossier memo add, memos', () => {
  it('adds project, document and claim memos and lists them, newest first, as text and JSON', () => {
    const { file, docId, claimId } = projectFile();
    expect(dossier('memos', file).stdout).toMatch(/^No memos yet/);
    expect(dossier('analyst', file, 'R. Analyst').code).toBe(0);
    const journal = json<Listed>('memo', 'add', file, '--title', 'Journal', '--text', '# Day 1\n*Started*');
    expect(journal).toMatchObject({
      title: 'Journal',
      text: '# Day 1\n*Started*',
      analyst: 'R. Analyst',
      docId: null,
    });
    const onClaim = json<Listed>(
      'memo',
      'add',
      file,
      '--title',
      'On officers',
      '--text',
      'why?',
      '--doc',
      String(docId),
      '--claim',
      String(claimId),
    );
    expect(onClaim).toMatchObject({ docId, claimId });
    const added = dossier('memo', 'add', file, '--title', 'Plain', '--text', '');
    expect(added.stdout).toMatch(/^Added memo \d+ "Plain" \(project\)/);

    const listed = json<Listed[]>('memos', file);
    expect(listed.map((m) => m.title)).toEqual(['Plain', 'On officers', 'Journal']);
    expect(Object.keys(listed[1])).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'text',
        'analyst',
        'docId',
        'claimId',
        'createdAt',
        'updatedAt',
      ]),
    );
    expect(json<Listed[]>('memos', file, '--claim', String(claimId)).map((m) => m.id)).toEqual([onClaim.id]);
    const text = dossier('memos', file).stdout;
    expect(text.split('\n')[0]).toMatch(/id\s+updated\s+analyst\s+linked to\s+title/);
    expect(text).toContain(`document ${docId}, claim ${claimId}`);
  });

  it('refuses a bad command line (exit 2) or what the project refuses (exit 1), changing nothing', () => {
    const { file } = projectFile();
    const cases: [string[], number, RegExp][] = [
      [['memo', 'add', file, '--text', 'x'], 2, /--title is required/],
      [['memo', 'add', file, '--title', 'x'], 2, /--text is required/],
      [
        ['memo', 'add', file, '--title', 'x', '--text', 'y', '--doc', 'two'],
        2,
        /--doc must be a positive whole number/,
      ],
      [['memo', 'remove', file], 2, /unknown memo action "remove"/],
      [['memo', 'add', file, '--title', 'x', '--text', 'y', '--claim', '999'], 1, /no claim with id 999/],
      [['memo', 'add', file, '--title', '  ', '--text', 'y'], 1, /a memo needs a title/],
    ];
    for (const [args, code, message] of cases) {
      const r = dossier(...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).toMatch(message);
    }
    expect(json<Listed[]>('memos', file)).toEqual([]);
  });
});
