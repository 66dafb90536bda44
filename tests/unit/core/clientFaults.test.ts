import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { nestedDeeperThan } from '../../../electron/core/api/inputDepth';
import { setTemplatesDir } from '../../../electron/core/domains';
import { createProject } from '../../../electron/core/project';
import { parseXml } from '../../../electron/core/refiqda/xml';
import { sampleProject, tempDir } from '../helpers';

// Client faults (hostile or broken input) answer a typed 4xx error, never `internal`.

afterEach(() => setTemplatesDir(null));

const b64 = (s: string | Uint8Array): string => Buffer.from(s).toString('base64');

const XXE = (root: string) =>
  `<?xml version="1.0"?>\n<!DOCTYPE ${root} [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n`;
const QDC = `${XXE('CodeBook')}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="9a3c1e52-0000-4000-8000-000000000001" name="&e;" isCodable="true"/></Codes></CodeBook>`;
const QDE = `${XXE('Project')}<Project xmlns="urn:QDA-XML:project:1.0" name="&e;"><CodeBook><Codes/></CodeBook></Project>`;

describe('XML with a DOCTYPE (XXE, entity expansion)', () => {
  it('refuses a .qdc that declares entities as unsupported, and changes nothing', async () => {
    const p = sampleProject();
    const before = p.db.prepare('SELECT count(*) AS n FROM domains').get();
    const r = await callMethod(p, 'importQdc', { fileName: 'evil.qdc', base64: b64(QDC) });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'unsupported',
        message:
          'the codebook file declares a DOCTYPE: Dossier does not read XML with document type or entity declarations (REFI-QDA files have none)',
      },
    });
    expect(p.db.prepare('SELECT count(*) AS n FROM domains').get()).toEqual(before);
  });

  it('refuses a .qdpx whose project.qde declares entities, and leaves no project file', async () => {
    const p = sampleProject();
    const qdpx = zipSync({ 'project.qde': strToU8(QDE) });
    const r = await callMethod(p, 'importQdpx', { fileName: 'evil.qdpx', base64: b64(qdpx) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('unsupported');
    expect(!r.ok && r.error.message).toMatch(/^project\.qde declares a DOCTYPE/);
    expect(fs.readdirSync(path.dirname(p.path)).filter((f) => f.startsWith('evil'))).toEqual([]);
  });

  it('finds a DOCTYPE after comments and processing instructions, not inside the content', () => {
    const hidden =
      '\uFEFF<?xml version="1.0"?><!-- a comment --><?pi x?>\n<!doctype x SYSTEM "http://x/">\n<x/>';
    expect(() => parseXml(hidden, 'the file')).toThrow(/declares a DOCTYPE/);
    const inContent = parseXml('<x><n><![CDATA[<!DOCTYPE is only text here>]]></n></x>', 'the file');
    expect(JSON.stringify(inContent)).toContain('DOCTYPE is only text here');
  });
});

describe('codebook template names that are Object members', () => {
  it('answers not_found for __proto__, constructor and the like', async () => {
    setTemplatesDir(tempDir());
    const p = sampleProject();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = await callMethod(p, 'applyCodebookTemplate', { name });
      expect(r.ok, name).toBe(false);
      expect(!r.ok && r.error.code, name).toBe('not_found');
    }
  });

  it('saves a template named "constructor" (it is not a built-in one)', async () => {
    setTemplatesDir(tempDir());
    const r = await callMethod(sampleProject(), 'saveCodebookTemplate', { name: 'constructor' });
    expect(r.ok).toBe(true);
  });

  it('refuses a new project with the codebook "__proto__" as an unknown template', () => {
    expect(() => createProject(path.join(tempDir(), 'x.dossier'), '__proto__')).toThrow(
      /unknown codebook template "__proto__"/,
    );
  });
});

describe('deeply nested input', () => {
  it('is measured without recursion, cycles included', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = { a: [deep] };
    expect(nestedDeeperThan(deep, 100)).toBe(true);
    expect(nestedDeeperThan({ a: [{ b: [1, { c: 2 }] }] }, 100)).toBe(false);
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(nestedDeeperThan(cycle, 100)).toBe(true);
  });

  it('is refused by the core for every door (the Electron bridge too), before validation', async () => {
    let deep: unknown = null;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const r = await callMethod(sampleProject(), 'setGridState', { grid: 'g', state: deep });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'setGridState: the input nests deeper than 100 levels' },
    });
  });
});

describe('faults the API fuzz found (tests/unit/core/apiFuzz.test.ts)', () => {
  it('a NUL in a search query separates words instead of breaking the FTS5 query', async () => {
    const p = sampleProject();
    const nul = await callMethod(p, 'documentHits', { docId: 5, query: '\u0000' });
    expect(nul).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'type something to search for' },
    });
    const between = await callMethod(p, 'searchDocuments', { query: 'Ukraine\u0000training' });
    expect(between.ok).toBe(true);
  });

  it('sorts the claims table by grading, descending, after another column', async () => {
    const r = await callMethod(sampleProject(), 'queryClaims', {
      sort: [
        { column: 'grading', dir: 'desc' },
        { column: 'credibility', dir: 'desc' },
      ],
    });
    expect(r.ok).toBe(true);
  });

  it('exports a grid as XLSX whatever its title (Excel forbids a sheet name ending in an apostrophe)', async () => {
    for (const title of ["Actors'", "'quoted'", 'a/b [c]: d?', "'"]) {
      const r = await callMethod(sampleProject(), 'exportGrid', {
        format: 'xlsx',
        title,
        columns: ['A'],
        rows: [],
      });
      expect(r.ok, title).toBe(true);
    }
  });

  it('answers a 10,000-character autocode pattern, case-insensitive, with a result or a typed error', async () => {
    const r = await callMethod(sampleProject(), 'autocodeSearch', {
      pattern: 'x'.repeat(10_000),
      caseSensitive: false,
      docId: 3,
    });
    if (!r.ok) expect(r.error.code).toBe('invalid_input');
  });
});
