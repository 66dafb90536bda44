import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers';

// The lint rules that keep statements and per-connection state on the Store (eslint.store.js).

const eslint = new ESLint({ cwd: REPO_ROOT });

async function messages(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const PREPARE = `import type { Db } from './db';
export const count = (db: Db): unknown => db.prepare('SELECT count(*) FROM claims').get();
`;
const WEAKMAP = `import type { Db } from './db';
const seen = new WeakMap<Db, number>();
export const once = (db: Db): number => seen.get(db) ?? 0;
`;
const CACHED = `import type { Db } from './db';
export const count = (db: Db): unknown => db.cached('SELECT count(*) FROM claims').get();
`;

describe('the Store lint rules', () => {
  it('refuse db.prepare and module WeakMaps in the core, outside the store', async () => {
    expect(await messages('electron/core/grids/example.ts', PREPARE)).toEqual([
      expect.stringMatching(/db\.cached\(sql\) for static SQL/),
    ]);
    expect(await messages('electron/core/example.ts', WEAKMAP)).toEqual([
      expect.stringMatching(/field of the Store/),
    ]);
  });

  it('allow the store itself, cached statements, and code outside the core', async () => {
    expect(await messages('electron/core/store.ts', PREPARE)).toEqual([]);
    expect(await messages('electron/core/example.ts', CACHED)).toEqual([]);
    expect(await messages('tests/unit/example.test.ts', PREPARE)).toEqual([]);
  });
});
