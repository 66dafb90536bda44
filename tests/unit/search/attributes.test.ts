import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import {
  attributeTable,
  defineAttribute,
  filterDocuments,
  getDocumentAttributes,
  inferType,
  normaliseValue,
} from '../../../electron/core/attributes';
import { addDocument } from '../../../electron/core/documents';
import { createProject } from '../../../electron/core/project';

function project() {
  const p = createProject(
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-attrs-')), 'a.dossier'),
    'empty',
  );
  const a = addDocument(p.db, { title: 'A', text: 'first text', format: 'txt' }).id;
  const b = addDocument(p.db, { title: 'B', text: 'second text', format: 'txt' }).id;
  return { p, a, b };
}

describe('typed attributes', () => {
  it('normalises and validates values by type', () => {
    expect(normaliseValue('number', ' 1,200.50 ')).toBe('1200.5');
    expect(() => normaliseValue('number', 'twelve', 'year')).toThrow('year: "twelve" is not a number');
    expect(normaliseValue('date', '2024-02-29')).toBe('2024-02-29');
    expect(normaliseValue('date', '2024-05-01T10:00:00Z')).toBe('2024-05-01');
    expect(() => normaliseValue('date', '2023-02-29', 'signed')).toThrow(
      'signed: "2023-02-29" is not a date',
    );
    expect(inferType(['2015', '2016'])).toBe('number');
    expect(inferType(['2024-01-02', '2024-03'])).toBe('date');
    expect(inferType(['USA', '12'])).toBe('text');
  });

  it('sets, gets, clears and filters values through the API, all or none', async () => {
    const { p, a, b } = project();
    const year = await callMethod(p, 'defineAttribute', { name: 'year', type: 'number' });
    expect(year).toMatchObject({ ok: true, value: { name: 'year', type: 'number', documents: 0 } });
    await callMethod(p, 'defineAttribute', { name: 'region', type: 'text' });
    const conflict = await callMethod(p, 'defineAttribute', { name: 'YEAR', type: 'date' });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const set = await callMethod(p, 'setDocumentAttributes', {
      docId: a,
      values: { year: '2015', region: 'Europe' },
    });
    expect(set).toEqual({
      ok: true,
      value: { docId: a, values: { region: 'Europe', year: 2015 } },
      changes: expect.objectContaining({ type: 'changes' }),
    });
    await callMethod(p, 'setDocumentAttributes', { docId: b, values: { year: 2022 } });
    const bad = await callMethod(p, 'setDocumentAttributes', {
      docId: b,
      values: { region: 'Asia', year: 'soon' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'year: "soon" is not a number' },
    });
    expect(getDocumentAttributes(p.db, b)).toEqual({ year: 2022 });

    expect(filterDocuments(p.db, [{ name: 'year', op: 'gt', value: 2016 }])).toEqual([b]);
    expect(filterDocuments(p.db, [{ name: 'region', op: 'contains', value: 'eur' }])).toEqual([a]);
    expect(filterDocuments(p.db, [{ name: 'region', op: 'empty' }])).toEqual([b]);

    const table = attributeTable(p.db);
    expect(table.attributes.map((x) => [x.name, x.documents])).toEqual([
      ['region', 1],
      ['year', 2],
    ]);
    expect(table.rows).toEqual([
      { docId: a, values: { region: 'Europe', year: 2015 } },
      { docId: b, values: { year: 2022 } },
    ]);

    await callMethod(p, 'setDocumentAttributes', { docId: a, values: { region: null } });
    expect(getDocumentAttributes(p.db, a)).toEqual({ year: 2015 });
    const regionId = table.attributes[0].id;
    expect(await callMethod(p, 'renameAttribute', { id: regionId, name: 'area' })).toMatchObject({
      ok: true,
      value: { name: 'area' },
    });
    expect(await callMethod(p, 'deleteAttribute', { id: regionId })).toEqual({
      ok: true,
      value: { id: regionId },
      changes: expect.objectContaining({ type: 'changes' }),
    });
    expect(defineAttribute(p.db, 'year', 'number').documents).toBe(2);
  });
});
