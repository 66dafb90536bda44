import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareWithAccepted,
  electronVersionOf,
  readAccepted,
  scan,
  type Finding,
} from '../../../scripts/electronegativity';
import { tempDir } from '../helpers';

const finding = (file: string, check: string, line = 1): Finding => ({
  file,
  check,
  line,
  column: 0,
  severity: 'MEDIUM',
  confidence: 'FIRM',
  description: '',
});

describe('the Electronegativity gate', () => {
  it('reads the Electron version from package.json', () => {
    expect(electronVersionOf({ devDependencies: { electron: '^45.4.1' } })).toBe('45.4.1');
    expect(electronVersionOf({ devDependencies: { electron: '45.4.1' } })).toBe('45.4.1');
    expect(() => electronVersionOf({ devDependencies: { electron: 'latest' } })).toThrow(/plain version/);
    expect(() => electronVersionOf({})).toThrow(/plain version/);
  });

  it('fails on a finding not accepted for its file and check, and on one more than accepted', () => {
    const accepted = [{ file: 'electron/main/index.ts', check: 'PRELOAD_JS_CHECK', why: 'reviewed' }];
    const ok = [finding('electron/main/index.ts', 'PRELOAD_JS_CHECK')];
    expect(compareWithAccepted(ok, accepted)).toEqual({ unexpected: [], stale: [] });
    const moved = [finding('electron/main/other.ts', 'PRELOAD_JS_CHECK')];
    expect(compareWithAccepted(moved, accepted)).toEqual({ unexpected: moved, stale: accepted });
    const twice = [...ok, finding('electron/main/index.ts', 'PRELOAD_JS_CHECK', 9)];
    expect(compareWithAccepted(twice, accepted).unexpected).toEqual([twice[1]]);
    expect(compareWithAccepted(twice, [{ ...accepted[0], count: 2 }])).toEqual({ unexpected: [], stale: [] });
  });

  it('refuses an accepted list whose entry says not why', () => {
    const file = path.join(tempDir(), 'accepted.json');
    fs.writeFileSync(file, JSON.stringify([{ file: 'a.ts', check: 'X', why: ' ' }]));
    expect(() => readAccepted(file)).toThrow(/"why"/);
  });

  it('finds an unsafe window in a scanned app, offline', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'electron'));
    fs.writeFileSync(
      path.join(root, 'electron', 'main.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export const win = new BrowserWindow({',
        '  webPreferences: { sandbox: true, contextIsolation: false, nodeIntegration: false },',
        '});',
        '',
      ].join('\n'),
    );
    const { findings, unparsed } = await scan({ root, paths: ['electron'], electronVersion: '45.4.1' });
    expect(unparsed).toEqual([]);
    const { unexpected } = compareWithAccepted(findings, []);
    expect(unexpected.map((f) => `${f.file} ${f.check}`)).toContain(
      'electron/main.ts CONTEXT_ISOLATION_JS_CHECK',
    );
    // Nothing guards navigation or permissions in that app: the global checks say so.
    expect(unexpected.map((f) => f.check)).toEqual(
      expect.arrayContaining(['LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']),
    );
  });
});
