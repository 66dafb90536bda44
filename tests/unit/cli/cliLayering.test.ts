import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, QDPX_POSITIONS } from '../../../shared/api/exports';
import { USAGE_EXPORT_FORMATS, USAGE_QDPX_POSITIONS } from '../../../electron/cli/usage';
import { commands } from '../../../electron/cli/commands';
import { dossier, REPO_ROOT, tempDir } from '../helpers';

// Issue 11 item 1: the CLI parses, calls the API through the dispatcher, and formats. The layer rules
// (eslint.layers.js) hold it to that: a command that reaches into the core fails lint, and the real CLI passes.

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

async function boundaryErrors(file: string, code?: string): Promise<string[]> {
  const results = code
    ? await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) })
    : await eslint.lintFiles([path.join(REPO_ROOT, file)]);
  return results.flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === 'boundaries/dependencies')
      .map((m) => `${path.relative(REPO_ROOT, r.filePath)}:${m.line}`),
  );
}

describe('the CLI goes through the contract', () => {
  it('a command may import the dispatcher and project opening, not core functions', async () => {
    const messages = await boundaryErrors(
      'electron/cli/commands/layerSample.ts',
      [
        "import { callMethod } from '../../core/api/dispatch';",
        "import { openProject } from '../../core/project';",
        "import { createClaim } from '../../core/claims';",
        "import { importPaths } from '../../core/import/importFiles';",
        "import type { Claim } from '../../core/claims';",
        'export const all = [callMethod, openProject, createClaim, importPaths];',
        'export type Named = Claim;',
      ].join('\n'),
    );
    expect(messages).toEqual([
      'electron/cli/commands/layerSample.ts:3',
      'electron/cli/commands/layerSample.ts:4',
    ]);
  });

  it('the Electron menu imports through the job API, not importPaths', async () => {
    const messages = await boundaryErrors(
      'electron/main/layerSample.ts',
      "import { importPaths } from '../core/import/importFiles';\nexport const f = importPaths;\n",
    );
    expect(messages).toEqual(['electron/main/layerSample.ts:1']);
  });

  it('every CLI module and the menu follow the rule', async () => {
    const files = fs
      .readdirSync(path.join(REPO_ROOT, 'electron', 'cli'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `electron/cli/${f}`);
    expect(files.length).toBeGreaterThan(8);
    const messages = (
      await Promise.all(
        [...files, 'electron/main/index.ts', 'electron/main/menuImport.ts'].map((f) => boundaryErrors(f)),
      )
    ).flat();
    expect(messages).toEqual([]);
  });
});

describe('the CLI starts at once', () => {
  it('--help lists every command from usage lines alone, with the formats the contract knows', () => {
    // Spelled out so that --help loads no zod; they must stay what the contract says.
    expect(USAGE_EXPORT_FORMATS).toBe(EXPORT_FORMATS.join('|'));
    expect(USAGE_QDPX_POSITIONS).toBe(QDPX_POSITIONS.join('|'));
    const help = dossier('--help');
    expect(help.code).toBe(0);
    for (const c of commands) expect(help.stdout).toContain(c.usage);
  });

  it('runs from the JavaScript build: a bin without it says what to run, and exits 4', () => {
    const r = dossier('--help');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(REPO_ROOT, 'out', 'cli', 'dossier.js'))).toBe(true);
    const bin = path.join(tempDir(), 'bin');
    fs.mkdirSync(bin);
    for (const f of ['dossier.mjs', 'nodeVersion.mjs'])
      fs.copyFileSync(path.join(REPO_ROOT, 'bin', f), path.join(bin, f));
    const missing = spawnSync(process.execPath, [path.join(bin, 'dossier.mjs'), '--help'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(4);
    expect(missing.stderr).toContain('npm run build:cli');
    expect(missing.stdout).toBe('');
  });
});
