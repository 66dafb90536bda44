import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { closeProject, openProject } from '../../../electron/core/project';
import { EXPORT_FORMATS } from '../../../shared/api/exports';
import { runCli } from '../../support/cliInProcess';
import { buildFixture, type Fixture } from './fixture';

let f: Fixture;
let file: string;
beforeAll(() => {
  f = buildFixture('Doors');
  file = f.project.path;
});
afterAll(() => closeProject(f.project));

const cli = runCli;

describe('API: exportExcerpts and the export methods', () => {
  it('exports every format through the dispatcher, with filters', async () => {
    for (const format of EXPORT_FORMATS) {
      const r = await callMethod(f.project, 'exportExcerpts', { format, domainIds: [f.domains.exercises] });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const v = r.value as { fileName: string; mimeType: string; base64: string; count: number };
      expect(v.fileName.endsWith(`.${format === 'w3c' ? 'jsonld' : format}`)).toBe(true);
      expect(Buffer.from(v.base64, 'base64').length).toBeGreaterThan(0);
      expect(v.count).toBe(format === 'qdc' ? 5 : 3);
    }
  });

  it('keeps the first release’s CSV call and file name working', async () => {
    const r = await callMethod(f.project, 'exportExcerpts', {
      format: 'csv',
      docIds: [f.docs.pdf],
      bom: true,
    });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value as { fileName: string; mimeType: string; base64: string };
    expect(v).toMatchObject({ fileName: 'Doors excerpts.csv', mimeType: 'text/csv;charset=utf-8' });
    const rows = parse(Buffer.from(v.base64, 'base64').toString('utf8'), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((x) => x.quote)).toEqual([
      'intelligence sharing expanded',
      'missions ended',
      'missions ended',
    ]);
  });

  it('rejects an unknown format or a bad filter with invalid_input', async () => {
    expect(await callMethod(f.project, 'exportExcerpts', { format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await callMethod(f.project, 'exportExcerpts', { format: 'csv', reliability: ['Z'] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('counts what an export would hold and lists what the filters can choose from', async () => {
    const count = await callMethod(f.project, 'countExcerpts', { analysts: ['Bo'] });
    expect(count).toEqual({ ok: true, value: { claims: 3, rows: 3, documents: 2 } });
    const all = await callMethod(f.project, 'countExcerpts', {});
    expect(all).toEqual({ ok: true, value: { claims: 7, rows: 9, documents: 3 } });
    const options = await callMethod(f.project, 'getExportFilterOptions', {});
    expect(options).toMatchObject({
      ok: true,
      value: {
        analysts: ['Ana Lyst', 'Bo'],
        reliability: ['B', 'C'],
        credibility: [2, 3],
        attributes: [
          { name: 'Country', type: 'text', values: ['France', 'Ukraine'] },
          { name: 'Year', type: 'number', values: ['2024'] },
        ],
      },
    });
    const formats = await callMethod(f.project, 'listExportFormats', {});
    expect(formats.ok && (formats.value as { format: string }[]).map((x) => x.format)).toEqual([
      ...EXPORT_FORMATS,
    ]);
  });

  it('imports a .qdpx into a new project beside the open one, and a .qdc into the open one', async () => {
    const qdpx = await callMethod(f.project, 'exportExcerpts', { format: 'qdpx' });
    if (!qdpx.ok) throw new Error(qdpx.error.message);
    const base64 = (qdpx.value as { base64: string }).base64;
    const r = await callMethod(f.project, 'importQdpx', { fileName: 'From API.qdpx', base64 });
    expect(r).toMatchObject({
      ok: true,
      value: { claims: 7, sources: 3, path: path.join(f.dir, 'From API.dossier') },
    });
    const again = await callMethod(f.project, 'importQdpx', { fileName: 'From API.qdpx', base64 });
    expect(again).toMatchObject({ ok: true, value: { path: path.join(f.dir, 'From API (2).dossier') } });
    expect(
      await callMethod(f.project, 'importQdpx', { fileName: 'x.qdpx', base64, projectName: '../escape' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const bad = await callMethod(f.project, 'importQdpx', {
      fileName: 'bad.qdpx',
      base64: Buffer.from('nope').toString('base64'),
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/zip/) },
    });
    const qdc = await callMethod(f.project, 'exportExcerpts', { format: 'qdc' });
    if (!qdc.ok) throw new Error(qdc.error.message);
    const merged = await callMethod(f.project, 'importQdc', {
      fileName: 'c.qdc',
      base64: (qdc.value as { base64: string }).base64,
    });
    expect(merged).toEqual({ ok: true, value: { codes: 5, created: 0, existing: 5, problems: [] } });
  });
});

describe('CLI: export, import-qdpx, import-qdc', () => {
  it('keeps `export --format csv --json` output fields {out, format, rows}', async () => {
    const out = path.join(f.dir, 'cli.csv');
    const r = await cli('export', file, '--format', 'csv', '--out', out, '--domain', 'Exercises', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { out: string; format: string; rows: number };
    expect(json).toMatchObject({ out, format: 'csv', rows: 3 });
    expect(parse(fs.readFileSync(out, 'utf8'), { columns: true })).toHaveLength(3);
  });

  it('writes every format with filters by attribute, analyst and grading', async () => {
    for (const format of EXPORT_FORMATS) {
      const out = path.join(f.dir, `cli-all.${format}`);
      const r = await cli(
        'export',
        file,
        '--format',
        format,
        '--out',
        out,
        '--attr',
        'Country=Ukraine',
        '--analyst',
        'Ana Lyst',
        '--grading',
        'B',
        '--json',
      );
      expect(r.code, r.err).toBe(0);
      const json = JSON.parse(r.out) as { rows: number; bytes: number };
      expect(fs.statSync(out).size).toBe(json.bytes);
      expect(json.rows).toBe(
        format === 'qdc'
          ? 5
          : format === 'csv' || format === 'xlsx' || format === 'md' || format === 'html' || format === 'docx'
            ? 2
            : 1,
      );
    }
    expect(Object.keys(unzipSync(fs.readFileSync(path.join(f.dir, 'cli-all.qdpx'))))).toContain(
      'project.qde',
    );
  });

  it('explains mistakes: unknown format (exit 2), unknown domain (exit 1)', async () => {
    const bad = await cli('export', file, '--format', 'pdf', '--out', path.join(f.dir, 'x'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /unsupported export format "pdf" \(choose: csv, xlsx, w3c, md, html, docx, qdpx, qdc\)/,
    );
    const nodomain = await cli(
      'export',
      file,
      '--format',
      'csv',
      '--out',
      path.join(f.dir, 'x'),
      '--domain',
      'Nope',
    );
    expect(nodomain.code).toBe(1);
    expect(nodomain.err).toMatch(/no domain named "Nope"/);
  });

  it('import-qdpx creates a new project and reports in JSON; import-qdc merges a codebook', async () => {
    const qdpx = path.join(f.dir, 'cli-all.qdpx');
    await cli('export', file, '--format', 'qdpx', '--out', qdpx);
    const target = path.join(f.dir, 'cli-imported.dossier');
    const r = await cli('import-qdpx', qdpx, target, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      path: target,
      sources: 3,
      claims: 7,
      codes: 5,
      skipped: [],
      problems: [],
    });
    const p = openProject(target);
    expect((p.db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n).toBe(7);
    closeProject(p);
    const exists = await cli('import-qdpx', qdpx, target);
    expect(exists.code).toBe(1);
    expect(exists.err).toMatch(/already exists/);

    const qdc = path.join(f.dir, 'cli.qdc');
    await cli('export', file, '--format', 'qdc', '--out', qdc);
    const fresh = path.join(f.dir, 'fresh.dossier');
    expect((await cli('init', fresh, '--codebook', 'empty')).code).toBe(0);
    const merged = await cli('import-qdc', fresh, qdc, '--json');
    expect(merged.code, merged.err).toBe(0);
    expect(JSON.parse(merged.out)).toEqual({ codes: 5, created: 5, existing: 0, problems: [] });
    const missing = await cli('import-qdc', fresh, path.join(f.dir, 'nope.qdc'));
    expect(missing.code).toBe(2);
  });
});
