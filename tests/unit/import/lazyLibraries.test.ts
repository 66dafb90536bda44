// Opening a project does not load the importers' parsing libraries (linkedom, marked, gray-matter, Readability):
// checked in a fresh Node process through a module hook that sees every module resolved, by import or require.
// The same process then extracts a Markdown file, which must load them: the hook really sees them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { closeProject, openDefaultProject } from '../../../electron/core/project';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const script = (file: string): string => `
import module from 'node:module';
const heavy = /node_modules\\/(linkedom|marked|gray-matter|@mozilla\\/readability)\\//;
const seen = new Set();
module.registerHooks({
  resolve(specifier, context, next) {
    const r = next(specifier, context);
    const m = heavy.exec(r.url);
    if (m) seen.add(m[1]);
    return r;
  },
});
const { openProject, closeProject } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'electron/core/project.ts')).href)});
const { callMethod } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'electron/core/api/dispatch.ts')).href)});
const p = openProject(${JSON.stringify(file)});
const docs = await callMethod(p, 'listDocuments', {});
closeProject(p);
const afterOpen = [...seen];
const { extractDocument } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'electron/core/import/extract.ts')).href)});
const md = extractDocument('note.md', new TextEncoder().encode('---\\ntitle: A note\\n---\\n# Heading\\n\\nSome *text*.'));
process.stdout.write(JSON.stringify({ docs: docs.ok ? JSON.stringify(docs.value).length : JSON.stringify(docs), afterOpen, afterExtract: [...seen], text: md.text }));
`;

test('opening a project and listing its documents loads none of the parsing libraries; extracting Markdown does', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-lazy-'));
  dirs.push(dir);
  const project = openDefaultProject(dir);
  const file = project.path;
  closeProject(project);
  const probe = path.join(dir, 'probe.mjs');
  fs.writeFileSync(probe, script(file));
  const r = spawnSync(process.execPath, ['--import', 'tsx', probe], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as {
    docs: number;
    afterOpen: string[];
    afterExtract: string[];
    text: string;
  };
  expect(out.docs).toBeGreaterThan(100);
  expect(out.afterOpen).toEqual([]);
  expect(out.afterExtract).toEqual(expect.arrayContaining(['marked', 'gray-matter', 'linkedom']));
  expect(out.text).toBe('Heading\n\nSome text.');
});
