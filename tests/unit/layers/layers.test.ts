import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer allow-lists (eslint.layers.js) and the per-layer tsconfigs, run on small sample files placed in each
// layer: each forbidden import or global must be reported, and the same layer's allowed imports must not be.
const root = path.resolve(__dirname, '../../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function lintAt(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages
    .filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-globals')
    .map((m) => `${m.line}:${m.ruleId}`);
}

describe('lint: layer allow-lists', () => {
  it('the renderer may not import Node, better-sqlite3 or the core, nor use process or Buffer', async () => {
    const messages = await lintAt(
      'renderer/src/views/layerSample.ts',
      [
        "import Database from 'better-sqlite3';",
        "import fs from 'node:fs';",
        "import { openProject } from '../../../electron/core/project';",
        'export const env = process.env.HOME;',
        "export const bytes = Buffer.from('x');",
        'export const all = [Database, fs, openProject];',
      ].join('\n'),
    );
    expect(messages).toEqual([
      '1:boundaries/dependencies',
      '2:boundaries/dependencies',
      '3:boundaries/dependencies',
      '4:no-restricted-globals',
      '5:no-restricted-globals',
    ]);
  });

  it('the renderer may import React, browser packages and shared/', async () => {
    const messages = await lintAt(
      'renderer/src/views/layerSample.tsx',
      [
        "import { useState } from 'react';",
        "import { useVirtualizer } from '@tanstack/react-virtual';",
        "import { toCodePointOffset } from '../../../shared/text';",
        'export const all = [useState, useVirtualizer, toCodePointOffset];',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });

  it('shared/ may import neither Node, the core nor the renderer, nor use Node globals', async () => {
    const messages = await lintAt(
      'shared/layerSample.ts',
      [
        "import path from 'node:path';",
        "import { callMethod } from '../electron/core/api/dispatch';",
        "import { App } from '../renderer/src/App';",
        "import { z } from 'zod';",
        "export const all = [path, callMethod, App, z, Buffer.from('x')];",
      ].join('\n'),
    );
    expect(messages).toEqual([
      '1:boundaries/dependencies',
      '2:boundaries/dependencies',
      '3:boundaries/dependencies',
      '5:no-restricted-globals',
    ]);
  });

  it('the core may import Node, npm libraries and shared/, but never electron, a door or the renderer', async () => {
    const messages = await lintAt(
      'electron/core/layerSample.ts',
      [
        "import fs from 'node:fs';",
        "import Database from 'better-sqlite3';",
        "import { toCodePointOffset } from '../../shared/text';",
        "import { app } from 'electron';",
        "import { startWebServer } from '../web/server';",
        "import { main } from '../cli/main';",
        "import { App } from '../../renderer/src/App';",
        'export const all = [fs, Database, toCodePointOffset, app, startWebServer, main, App];',
      ].join('\n'),
    );
    expect(messages).toEqual([
      '4:boundaries/dependencies',
      '5:boundaries/dependencies',
      '6:boundaries/dependencies',
      '7:boundaries/dependencies',
    ]);
  });

  it('REFI-QDA does not import the exporters (export/qdpx.ts imports REFI-QDA: no cycle)', async () => {
    const messages = await lintAt(
      'electron/core/refiqda/layerSample.ts',
      [
        "import { loadExcerpts } from '../export/excerpts';",
        "import { parseXml } from './xml';",
        "import { replaceControls } from '../xmlChars';",
        'export const all = [loadExcerpts, parseXml, replaceControls];',
      ].join('\n'),
    );
    expect(messages).toEqual(['1:boundaries/dependencies']);
  });

  it('a door reaches the core only through its public entry', async () => {
    const messages = await lintAt(
      'electron/web/layerSample.ts',
      [
        "import { callMethod } from '../core/api/dispatch';",
        "import { openProject } from '../core/project';",
        "import { listClaims } from '../core/claims';",
        "import { methodNames } from '../../shared/api';",
        "import { App } from '../../renderer/src/App';",
        "import Database from 'better-sqlite3';",
        "import { z } from 'zod';",
        "import type { Claim } from '../core/claims';",
        'export const all = [callMethod, openProject, listClaims, methodNames, App, Database, z];',
        'export type Named = Claim;',
      ].join('\n'),
    );
    expect(messages).toEqual([
      '3:boundaries/dependencies',
      '5:boundaries/dependencies',
      '6:boundaries/dependencies',
    ]);
  });
});

/** Type errors of one sample file compiled with a layer's tsconfig (its lib and types, nothing else). */
function typeErrors(config: string, code: string): string[] {
  const read = ts.readConfigFile(path.join(root, config), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, path.join(root, config));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-layers-'));
  try {
    const file = path.join(dir, 'sample.ts');
    fs.writeFileSync(file, code);
    const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const usesNode = 'export const home: string | undefined = process.env.HOME;\n';
const usesDom = 'export const body = document.body;\n';

describe('typecheck: per-layer tsconfigs', () => {
  it('the core has Node types and no DOM', () => {
    expect(typeErrors('tsconfig.core.json', usesNode)).toEqual([]);
    expect(typeErrors('tsconfig.core.json', usesDom).join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('the renderer has the DOM and no Node types', () => {
    expect(typeErrors('tsconfig.renderer.json', usesDom)).toEqual([]);
    expect(typeErrors('tsconfig.renderer.json', usesNode).join('\n')).toMatch(/Cannot find name 'process'/);
  });

  it('shared/ has neither', () => {
    expect(typeErrors('tsconfig.shared.json', usesNode).join('\n')).toMatch(/Cannot find name 'process'/);
    expect(typeErrors('tsconfig.shared.json', usesDom).join('\n')).toMatch(/Cannot find name 'document'/);
    expect(typeErrors('tsconfig.shared.json', 'export const n: number = Math.max(1, 2);\n')).toEqual([]);
  });
});
