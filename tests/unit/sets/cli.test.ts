import { describe, expect, it } from 'vitest';
import { closeProject } from '../../../electron/core/project';
import { dossier } from '../helpers';
import { setProject } from './project';

function closed() {
  const f = setProject();
  closeProject(f.p);
  return { file: f.p.path, docIds: f.docIds };
}

function json<T>(...args: string[]): T {
  const r = dossier(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('dossier set, sets, grid --rows set', () => {
  it('adds and assigns sets by name, lists them and uses them as grid rows', () => {
    const { file, docIds } = closed();
    const [a, b, c] = docIds;
    expect(dossier('set', 'add', file, 'Think tanks')).toMatchObject({
      code: 0,
      stdout: /Added set 1 "Think tanks"/,
    });
    expect(
      dossier('set', 'assign', file, 'think tanks', '--doc', String(a), '--doc', String(b)).stdout,
    ).toMatch(/Added 2 documents to "Think tanks" \(2 in all\)/);
    json('set', 'add', file, 'Press', '--doc', `${b},${c}`);
    const list = json<{ id: number; name: string; docIds: number[]; docCount: number; claimCount: number }[]>(
      'sets',
      file,
    );
    expect(list.map((s) => [s.name, s.docIds, s.docCount, s.claimCount])).toEqual([
      ['Press', [b, c], 2, 2],
      ['Think tanks', [a, b], 2, 3],
    ]);
    const text = dossier('sets', file).stdout;
    expect(text).toMatch(/id\s+documents\s+claims\s+name/);
    expect(text).toMatch(/1\s+2\s+3\s+Think tanks/);

    const grid = json<{
      dimension: string;
      rows: { label: string; docCount: number }[];
      rowTotals: number[];
      total: number;
    }>('grid', file, '--rows', 'set');
    expect(grid.dimension).toBe('set');
    expect(grid.rows.map((r) => [r.label, r.docCount])).toEqual([
      ['Press', 2],
      ['Think tanks', 2],
      ['(in no set)', 1],
    ]);
    expect(grid.rowTotals).toEqual([2, 3, 0]);
    expect(grid.total).toBe(4);
    expect(dossier('grid', file, '--rows', 'set').stdout).toMatch(/^Set\s/);

    expect(dossier('set', 'unassign', file, 'Press', '--doc', String(c)).stdout).toMatch(/Removed 1/);
    expect(dossier('set', 'rename', file, 'Press', 'News').stdout).toMatch(/Renamed set 2 to "News"/);
    expect(dossier('set', 'delete', file, 'News').stdout).toMatch(
      /Deleted set 2 "News" \(its documents stay\)/,
    );
    expect(json<unknown[]>('sets', file)).toHaveLength(1);
  });

  it('refuses a bad command line or a missing set with a message and exit code, changing nothing', () => {
    const { file } = closed();
    dossier('set', 'add', file, 'Kept');
    const cases: [string[], number, RegExp][] = [
      [['set', 'frobnicate', file, 'x'], 2, /unknown set action "frobnicate"/],
      [['set', 'assign', file, 'Kept'], 2, /--doc/],
      [['set', 'assign', file, 'Kept', '--doc', 'abc'], 2, /--doc/],
      [['set', 'assign', file, 'Nope', '--doc', '1'], 1, /no document set named "Nope" \(there are: Kept\)/],
      [['set', 'assign', file, 'Kept', '--doc', '999'], 1, /no document with id 999/],
      [['set', 'add', file, 'kept'], 1, /already exists/],
      [['set', 'delete', file, 'Gone'], 1, /no document set named "Gone"/],
      [['grid', file, '--rows', 'set:42'], 1, /no document set with id 42/],
    ];
    for (const [args, code, message] of cases) {
      const r = dossier(...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(json<{ docIds: number[] }[]>('sets', file).map((s) => s.docIds)).toEqual([[]]);
  });
});
