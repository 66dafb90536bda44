import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { closeProject, createProject, type Project } from '../../../electron/core/project';
import { exportQdc } from '../../../electron/core/export/qdpx';
import { importQdc } from '../../../electron/core/refiqda/qdc';
import { buildFixture, type Fixture, tempDir } from '../export/fixture';
import { canValidate, xsdErrors } from './helpers';

let f: Fixture;
let other: Project;
beforeAll(() => {
  f = buildFixture();
  other = createProject(path.join(tempDir(), 'Other.dossier'), 'empty');
});
afterAll(() => {
  closeProject(f.project);
  closeProject(other);
});

const domains = (p: Project): unknown[] =>
  p.db
    .prepare(
      'SELECT d.name, d.color, d.description, p.name AS parent FROM domains d LEFT JOIN domains p ON p.id = d.parent_id ORDER BY d.sort_order, d.id',
    )
    .all();

describe('.qdc codebook exchange', () => {
  it('exports the CodeBook element alone, with hierarchy, colours and descriptions', async () => {
    const { xml, codes } = exportQdc(f.project.db);
    expect(codes).toBe(5);
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0"/,
    );
    expect(xml).toContain('<Description>Meetings &amp; &lt;summits&gt;</Description>');
    const r = await exportExcerpts(f.project.db, 'Fixture', 'qdc');
    expect(r.fileName).toBe('Fixture codebook.qdc');
    expect(r.count).toBe(5);
  });

  it.skipIf(!canValidate)('holds Codes that validate as a REFI-QDA CodeBook', () => {
    // Project.xsd defines CodeBookType; wrapping the codes in a Project checks them against it.
    const codes = exportQdc(f.project.db)
      .xml.replace(/^[\s\S]*?<CodeBook[^>]*>/, '')
      .replace(/<\/CodeBook>\s*$/, '');
    const wrapped = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook>${codes}</CodeBook></Project>`;
    expect(xsdErrors(wrapped, f.dir)).toBe('');
  });

  it('imports into another project with the same codebook, and a second import adds nothing', () => {
    const bytes = new TextEncoder().encode(exportQdc(f.project.db).xml);
    expect(importQdc(other.db, bytes)).toEqual({ codes: 5, created: 5, existing: 0, problems: [] });
    expect(domains(other)).toEqual(domains(f.project));
    expect(importQdc(other.db, bytes)).toEqual({ codes: 5, created: 0, existing: 5, problems: [] });
    expect(domains(other)).toEqual(domains(f.project));
  });

  it('keeps the code GUIDs on the next export', () => {
    const guids = (xml: string): string[] => [...xml.matchAll(/guid="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(guids(exportQdc(other.db).xml)).toEqual(guids(exportQdc(f.project.db).xml));
  });

  it('rejects a file without a codebook and changes nothing', () => {
    const before = domains(other);
    expect(() => importQdc(other.db, new TextEncoder().encode('<Something/>'))).toThrow(
      /no <CodeBook> element/,
    );
    expect(() => importQdc(other.db, new TextEncoder().encode('<CodeBook><Codes>'))).toThrow(
      /not well-formed/,
    );
    expect(() => importQdc(other.db, new TextEncoder().encode('<CodeBook><Codes/></CodeBook>'))).toThrow(
      /holds no codes/,
    );
    expect(domains(other)).toEqual(before);
  });
});
