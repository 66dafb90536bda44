import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDomain, getCodebook, mergeTemplate, updateDomain } from '../../../electron/core/codebook';
import {
  BUILT_IN_TEMPLATES,
  exportTemplate,
  listTemplates,
  loadTemplate,
  saveTemplate,
  setTemplatesDir,
} from '../../../electron/core/domains';
import { callMethod } from '../../../electron/core/api/dispatch';
import { tempDir, tempProject } from '../helpers';

afterEach(() => setTemplatesDir(null));

function codebookOf(p: ReturnType<typeof tempProject>) {
  const cb = getCodebook(p.db);
  const byId = new Map(cb.map((d) => [d.id, d.name]));
  return cb.map((d) => ({
    name: d.name,
    color: d.color,
    description: d.description,
    inclusion: d.inclusion,
    exclusion: d.exclusion,
    parent: d.parentId ? byId.get(d.parentId) : undefined,
  }));
}

describe('codebook templates', () => {
  it('creates projects from both built-in templates', () => {
    expect(getCodebook(tempProject('empty').db)).toEqual([]);
    const dd = tempProject('defence-diplomacy');
    expect(getCodebook(dd.db).map((d) => d.name)).toEqual(
      BUILT_IN_TEMPLATES['defence-diplomacy'].domains.map((d) => d.name),
    );
  });

  it('saves a codebook as a template and applies it to another project, merging by name', () => {
    const dir = tempDir();
    const src = tempProject('empty');
    const top = addDomain(src.db, {
      name: 'Arms',
      color: '#aa0000',
      description: 'def',
      inclusion: 'inc',
      exclusion: 'exc',
    });
    addDomain(src.db, { name: 'Small arms', parentId: top.id, color: '#bb0000' });
    addDomain(src.db, { name: 'Cyber', color: '#00aa00' });
    const saved = saveTemplate(src.db, dir, { name: 'My codebook', description: 'mine' });
    expect(saved).toEqual({ name: 'My codebook', path: path.join(dir, 'my-codebook.json'), domains: 3 });
    expect(JSON.parse(fs.readFileSync(saved.path, 'utf8'))).toEqual(
      exportTemplate(src.db, 'My codebook', 'mine'),
    );
    expect(() => saveTemplate(src.db, dir, { name: 'My codebook' })).toThrow(/already exists/);
    expect(saveTemplate(src.db, dir, { name: 'My codebook', overwrite: true }).domains).toBe(3);
    expect(() => saveTemplate(src.db, dir, { name: 'empty' })).toThrow(/built-in/);
    expect(() => saveTemplate(src.db, dir, { name: '  ' })).toThrow(/needs a name/);
    expect(() => saveTemplate(src.db, null, { name: 'x' })).toThrow(/no templates folder/);
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    expect(listTemplates(dir).map((t) => [t.name, t.builtIn, t.domains])).toEqual([
      ['defence-diplomacy', true, BUILT_IN_TEMPLATES['defence-diplomacy'].domains.length],
      ['empty', true, 0],
      ['My codebook', false, 3],
    ]);

    const dst = tempProject('empty');
    const cyber = addDomain(dst.db, { name: 'CYBER', color: '#123456', description: 'kept' });
    const r = mergeTemplate(dst.db, loadTemplate('My codebook', dir));
    expect(r).toEqual({ created: ['Arms', 'Small arms'], existing: ['CYBER'] });
    expect(codebookOf(dst)).toEqual([
      {
        name: 'CYBER',
        color: '#123456',
        description: 'kept',
        inclusion: '',
        exclusion: '',
        parent: undefined,
      },
      {
        name: 'Arms',
        color: '#aa0000',
        description: 'def',
        inclusion: 'inc',
        exclusion: 'exc',
        parent: undefined,
      },
      { name: 'Small arms', color: '#bb0000', description: '', inclusion: '', exclusion: '', parent: 'Arms' },
    ]);
    expect(cyber.id).toBe(getCodebook(dst.db)[0].id);
    // Applying again adds nothing.
    expect(mergeTemplate(dst.db, loadTemplate('My codebook', dir)).created).toEqual([]);
    expect(() => loadTemplate('nope', dir)).toThrow(
      /no codebook template named "nope" \(available: defence-diplomacy, empty, My codebook\)/,
    );
    expect(() => loadTemplate('broken', dir)).toThrow(/not a JSON file/);
  });

  it('rejects templates that name a domain twice or carry bad colours, and survives parent loops', () => {
    const p = tempProject('empty');
    const t = (domains: { name: string; color: string; description: string; parent?: string }[]) => ({
      name: 't',
      description: '',
      domains,
    });
    expect(() =>
      mergeTemplate(
        p.db,
        t([
          { name: 'A', color: '#000000', description: '' },
          { name: 'a', color: '#000000', description: '' },
        ]),
      ),
    ).toThrow(/twice/);
    expect(() => mergeTemplate(p.db, t([{ name: 'A', color: 'blue', description: '' }]))).toThrow(/colour/);
    expect(getCodebook(p.db)).toEqual([]);
    mergeTemplate(
      p.db,
      t([
        { name: 'A', color: '#000000', description: '', parent: 'B' },
        { name: 'B', color: '#000000', description: '', parent: 'A' },
      ]),
    );
    const cb = getCodebook(p.db);
    expect(cb).toHaveLength(2);
    expect(cb.filter((d) => d.parentId === null)).toHaveLength(1);
  });

  it('exports, saves, lists and applies templates through the API', async () => {
    const dir = tempDir();
    setTemplatesDir(dir);
    const src = tempProject('empty');
    const a = addDomain(src.db, { name: 'Alpha', color: '#010203' });
    updateDomain(src.db, { id: a.id, exclusion: 'not beta' });
    const ex = await callMethod(src, 'exportCodebook', { name: 'Exported' });
    if (!ex.ok) throw new Error(ex.error.message);
    const value = ex.value as { template: unknown; file: { fileName: string; base64: string } };
    expect(value.file.fileName).toBe('Exported codebook.json');
    expect(JSON.parse(Buffer.from(value.file.base64, 'base64').toString('utf8'))).toEqual(value.template);
    expect(await callMethod(src, 'saveCodebookTemplate', { name: 'Saved' })).toMatchObject({
      ok: true,
      value: { domains: 1 },
    });
    const list = await callMethod(src, 'listTemplates', {});
    expect(list).toMatchObject({
      ok: true,
      value: [{ name: 'defence-diplomacy' }, { name: 'empty' }, { name: 'Saved', builtIn: false }],
    });

    const dst = tempProject('empty');
    expect(await callMethod(dst, 'applyCodebookTemplate', { template: value.template })).toEqual({
      ok: true,
      value: { created: ['Alpha'], existing: [] },
      changes: expect.objectContaining({ type: 'changes' }),
    });
    expect(getCodebook(dst.db)[0]).toMatchObject({ name: 'Alpha', exclusion: 'not beta', color: '#010203' });
    expect(await callMethod(dst, 'applyCodebookTemplate', { name: 'Saved' })).toMatchObject({
      ok: true,
      value: { existing: ['Alpha'] },
    });
    expect(await callMethod(dst, 'applyCodebookTemplate', { name: 'defence-diplomacy' })).toMatchObject({
      ok: true,
    });
    expect(getCodebook(dst.db)).toHaveLength(1 + BUILT_IN_TEMPLATES['defence-diplomacy'].domains.length);
    expect(await callMethod(dst, 'applyCodebookTemplate', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await callMethod(dst, 'applyCodebookTemplate', { name: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
