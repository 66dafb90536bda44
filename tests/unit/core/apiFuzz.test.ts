import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames, type MethodName } from '../../../shared/api';
import { API_ERROR_CODES } from '../../../shared/errors';
import { setTemplatesDir } from '../../../electron/core/domains';
import type { Project } from '../../../electron/core/project';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { arbitraryFor, NASTY_STRINGS } from '../../support/schemaArbitrary';
import { sampleProject, tempDir } from '../helpers';

// A bounded fuzz of the whole API over real HTTP: every method's zod input schema turned into fast-check
// arbitraries, plus garbage (wrong types, one field broken, deep nesting, huge strings), sent with the token to
// the real web server on a copy of the sample project in a temp folder. Every answer must be a typed success
// or a typed 4xx, never a 5xx; afterwards the server still answers and the project file is intact.

// Fixed, so that a run is repeatable; DOSSIER_FUZZ_SEED explores other cases (a developer's run, not CI's).
const SEED = Number(process.env.DOSSIER_FUZZ_SEED ?? 20_261_209);
const RUNS_PER_METHOD = 45;

let server: WebServer;
let project: Project;
let corpusDir: string;

beforeAll(async () => {
  project = sampleProject();
  // saveCodebookTemplate writes here, not into the user's data folder.
  setTemplatesDir(tempDir('dossier-fuzz-templates-'));
  corpusDir = tempDir('dossier-fuzz-corpus-');
  fs.mkdirSync(path.join(corpusDir, 'sub'));
  fs.writeFileSync(path.join(corpusDir, 'a.txt'), 'Allied ministers met in Brussels.\n');
  fs.writeFileSync(path.join(corpusDir, 'sub', 'b.md'), '# Note\n\nTraining continues.\n');
  fs.writeFileSync(path.join(corpusDir, 'c.html'), '<p>An <b>html</b> page</p>');
  const webRoot = tempDir('dossier-fuzz-web-');
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Dossier</title>');
  server = await startWebServer({ project, webRoot });
});

afterAll(async () => {
  await server?.close();
  setTemplatesDir(null);
});

const CORPUS_ENTRIES = ['', 'sub', 'a.txt', 'c.html', 'missing'];

/**
 * Where a method's generated input is bounded, and why. No method is left out: each of these still gets its
 * share of the broken and garbage inputs. (importQdpx writes its new project beside the open one, which is in
 * the temp folder; saveCodebookTemplate writes into the temp templates folder set above.)
 */
const BOUNDED: Partial<Record<MethodName, (input: Record<string, unknown>) => Record<string, unknown>>> = {
  // Server-side paths: only the temp corpus (a folder, a sub-folder, files, a missing name), never the rest of
  // the file system (a generated "../.." would reach it).
  startImport: (i) =>
    Array.isArray(i.paths)
      ? {
          ...i,
          paths: i.paths.map((_, n) => path.join(corpusDir, CORPUS_ENTRIES[n % CORPUS_ENTRIES.length])),
        }
      : i,
  // A regular expression is the analyst's own to write; a catastrophic one runs until the autocode worker's
  // time budget stops it (seconds per document), which would make this test long, not find a fault. Generated
  // patterns are searched as plain text; a few fixed regular expressions are sent too (fixedCases).
  autocodeSearch: (i) => ({ ...i, regex: false }),
  // Server-side paths again: a generated copy goes onto the open project's own file (refused: it exists; one real
  // copy is a fixed case), a merge reads only the corpus.
  copyForAnalyst: (i) => ({ ...i, path: project.path }),
  mergeProject: (i) => ({ ...i, path: path.join(corpusDir, CORPUS_ENTRIES[String(i.path).length % 5]) }),
};

function fixedCases(name: MethodName): unknown[] {
  if (name === 'autocodeSearch')
    return [
      { pattern: '(', regex: true },
      { pattern: '[z-a]', regex: true },
      { pattern: '\\p{Lu}\\w+', regex: true },
      { pattern: '(?<=Allied )\\w+', regex: true, wholeWord: true },
      { pattern: '^$', regex: true },
    ];
  if (name === 'startImport') return [{ paths: [corpusDir] }, { paths: [path.join(corpusDir, 'missing')] }];
  if (name === 'copyForAnalyst') return [{ path: path.join(corpusDir, 'copy.dossier'), analyst: 'Sample' }];
  // Names that once found Object's own members instead of a template.
  if (name === 'applyCodebookTemplate') return [{ name: '__proto__' }, { name: 'constructor' }];
  return [];
}

/** Stands for a deeply nested value in a generated input; bodyOf writes the value itself. */
const DEEP = '\u0001deep\u0001';

/** The request body for an input, with each DEEP string replaced by `depth` levels of arrays and objects. */
function bodyOf(input: unknown, depth: number): string {
  // Written as text: JSON.stringify (and fast-check's own printing of a value) would recurse.
  const nest = `${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}`;
  return JSON.stringify(input).replaceAll(JSON.stringify(DEEP), nest);
}

/** Inputs for one method: mostly schema-shaped, some with one field broken, some not even objects. */
function inputsFor(name: MethodName): fc.Arbitrary<unknown> {
  const valid = arbitraryFor(api[name].input);
  const broken = fc
    .tuple(valid, fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...NASTY_STRINGS)), fc.nat())
    .map(([v, bad, n]) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad;
      const keys = Object.keys(v);
      return keys.length ? { ...v, [keys[n % keys.length]]: bad } : { extra: bad };
    });
  // A valid input with one field (perhaps an unknown-typed one, such as a grid's state) nested deep.
  const deep = fc.tuple(valid, fc.nat()).map(([v, n]) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return DEEP;
    const keys = [...Object.keys(v), 'state'];
    return { ...v, [keys[n % keys.length]]: DEEP };
  });
  return fc.oneof(
    { weight: 12, arbitrary: valid },
    { weight: 4, arbitrary: broken },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.constant({ huge: 'x'.repeat(2_000_000) }) },
  );
}

interface Answer {
  status: number;
  body: unknown;
}

async function post(name: string, body: string): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
    body,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

const CLIENT_CODES = API_ERROR_CODES.filter((c) => c !== 'internal');

/** What a fault looks like for the report: the method, the input, the answer (long runs of a character cut). */
function describeFault(name: string, input: unknown, a: Answer): string {
  const short = (v: unknown): string =>
    (JSON.stringify(v) ?? String(v))
      .replace(/(.)\1{19,}/gsu, (run, c: string) => `${c}…×${run.length}`)
      .slice(0, 600);
  return `${name}(${short(input)}) → ${a.status} ${short(a.body)}`;
}

function check(name: MethodName, input: unknown, a: Answer): string | null {
  const body = a.body as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (a.status >= 200 && a.status < 300) {
    if (body?.ok !== true) return describeFault(name, input, a);
    const out = api[name].output.safeParse(body.value);
    return out.success ? null : `${describeFault(name, input, a)}: output ${out.error.message.slice(0, 300)}`;
  }
  const typed =
    a.status >= 400 &&
    a.status < 500 &&
    body?.ok === false &&
    (CLIENT_CODES as readonly unknown[]).includes(body.error?.code) &&
    typeof body.error?.message === 'string' &&
    body.error.message.length > 0;
  return typed ? null : describeFault(name, input, a);
}

describe('API fuzz over HTTP', () => {
  it('answers every generated input with a typed success or a typed 4xx, and the project stays intact', async () => {
    const faults: string[] = [];
    let cases = 0;
    for (const [index, name] of methodNames.entries()) {
      for (const input of fixedCases(name)) {
        cases++;
        const fault = check(name, input, await post(name, JSON.stringify(input)));
        if (fault) faults.push(fault);
      }
      await fc.assert(
        fc.asyncProperty(
          inputsFor(name),
          fc.oneof(
            { weight: 9, arbitrary: fc.integer({ min: 90, max: 5_000 }) },
            // Deep enough to overflow a recursive JSON.stringify or zod.
            { weight: 1, arbitrary: fc.constant(200_000) },
          ),
          async (raw, depth) => {
            const bound = BOUNDED[name];
            const input =
              bound && raw && typeof raw === 'object' && !Array.isArray(raw)
                ? bound(raw as Record<string, unknown>)
                : raw;
            cases++;
            const fault = check(name, input, await post(name, bodyOf(input, depth)));
            // Collected rather than thrown: one run lists every method's faults, and shrinking is not needed.
            if (fault && faults.length < 50) faults.push(fault);
          },
        ),
        { seed: SEED + index, numRuns: RUNS_PER_METHOD, endOnFailure: true },
      );
    }
    // Not JSON at all, and JSON of the wrong kind, for every method.
    for (const name of methodNames) {
      for (const body of ['', 'null', '[]', '"x"', '{', '\u0000', '{"a":1}{']) {
        cases++;
        const a = await post(name, body);
        const fault = check(name, body, a);
        if (fault) faults.push(fault);
      }
    }
    expect(faults).toEqual([]);
    expect(cases).toBeGreaterThan(2_500);

    // Still answering, and the file passes SQLite's own check.
    const health = await post('getProject', '{}');
    expect(health.status).toBe(200);
    expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(project.db.pragma('foreign_key_check')).toEqual([]);
  });
});
