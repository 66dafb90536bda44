import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../../electron/cli/command';
import { attrs, search } from '../../../electron/cli/commands/corpus';
import { addDocument } from '../../../electron/core/documents';
import { createProject } from '../../../electron/core/project';

async function run(cmd: typeof search, argv: string[]): Promise<unknown> {
  const { positionals, values } = parseCli(argv);
  return ((await cmd.run(positionals, values)) as { json: unknown }).json;
}

describe('dossier search / attrs', () => {
  it('prints [{docId,title,snippet,score,hits}] with hits in code points', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-')), 'c.dossier');
    const p = createProject(file, 'empty');
    const text = '𝔄 astral letter first, then the summit. Another summit later.';
    const id = addDocument(p.db, { title: 'Summit notes', text, format: 'txt' }).id;
    addDocument(p.db, { title: 'Other', text: 'nothing relevant here', format: 'txt' });
    p.db.close();
    const rows = (await run(search, [file, 'summit', '--limit', '5'])) as {
      docId: number;
      title: string;
      snippet: string;
      score: number;
      hits: { start: number; end: number }[];
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ docId: id, title: 'Summit notes' });
    expect(rows[0].snippet).toContain('**summit**');
    expect(typeof rows[0].score).toBe('number');
    const cps = [...text];
    expect(rows[0].hits.map((h) => cps.slice(h.start, h.end).join(''))).toEqual(['summit', 'summit']);
    expect(rows[0].hits[0].start).toBe(text.indexOf('summit') - 1);

    expect(await run(attrs, [file, '--doc', String(id), 'year=2015', 'region=Europe'])).toEqual({
      docId: id,
      values: { region: 'Europe', year: 2015 },
    });
    expect(await run(attrs, [file])).toEqual([
      { id: expect.any(Number), name: 'region', type: 'text', documents: 1 },
      { id: expect.any(Number), name: 'year', type: 'number', documents: 1 },
    ]);
    await expect(run(search, [file, '"open'])).rejects.toThrow(/not closed/);
  });
});
