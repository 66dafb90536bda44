import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { closeProject, createProject, type Project } from '../../../electron/core/project';
import { EXPORT_FORMATS } from '../../../shared/api/exports';
import { canValidate, qdeOf, xsdErrors } from '../refiqda/helpers';
import { tempDir } from './fixture';

let p: Project;
let dir: string;
beforeAll(() => {
  dir = tempDir();
  p = createProject(path.join(dir, 'Empty.dossier'), 'empty');
});
afterAll(() => closeProject(p));

describe('exports of a project with nothing tagged', () => {
  it('writes every format without failing, with zero counts', async () => {
    for (const format of EXPORT_FORMATS) {
      const r = await exportExcerpts(p.db, 'Empty', format);
      expect(r.count).toBe(0);
      expect(r.bytes.length).toBeGreaterThan(0);
    }
    const csv = Buffer.from((await exportExcerpts(p.db, 'Empty', 'csv')).bytes).toString('utf8');
    expect(parse(csv, { columns: true })).toEqual([]);
  });

  it.skipIf(!canValidate)('writes a valid project.qde even with no codes or sources', async () => {
    const { xml } = qdeOf((await exportExcerpts(p.db, 'Empty', 'qdpx')).bytes);
    expect(xsdErrors(xml, dir)).toBe('');
  });
});
