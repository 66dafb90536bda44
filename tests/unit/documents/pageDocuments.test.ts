import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import { createClaim } from '../../../electron/core/claims';
import type { Project } from '../../../electron/core/project';
import { callFailure, callOk, dossier, tempProject } from '../helpers';

// pageDocuments (issue 16): a page of the documents, sorted and filtered in SQL, with the total; listDocuments
// unchanged; the CLI's `dossier docs` pages through it and still lists every document.

function project(n: number, codebook = 'empty'): Project {
  const p = tempProject(codebook);
  for (let i = 0; i < n; i++) {
    const title = i % 3 === 0 ? `Report ${String(i).padStart(3, '0')}` : `memo_${i}`;
    addDocument(p.db, {
      title,
      text: `text ${i} ${'x'.repeat(i)}`,
      format: i % 2 ? 'pdf' : 'txt',
      author: i === 7 ? '100% Sure' : '',
    });
  }
  return p;
}

describe('pageDocuments', () => {
  it('pages in title order by default with the total, pages never overlapping, and the last page short', async () => {
    const p = project(12);
    const all = (await callOk(p, 'listDocuments', {})).rows;
    const seen: number[] = [];
    for (let offset = 0; offset < 12; offset += 5) {
      const page = await callOk(p, 'pageDocuments', { offset, limit: 5 });
      expect(page.total).toBe(12);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(all.map((d) => d.id));
    expect((await callOk(p, 'pageDocuments', { offset: 10, limit: 5 })).rows).toHaveLength(2);
    expect((await callOk(p, 'pageDocuments', {})).rows).toHaveLength(12);
  });

  it('sorts by a numeric column both ways, ties broken by id', async () => {
    const p = project(6, 'defence-diplomacy');
    const domainId = (await callOk(p, 'listDomains', {}))[0].id;
    const byChars = await callOk(p, 'pageDocuments', { sort: 'chars', desc: true, limit: 3 });
    const chars = byChars.rows.map((r) => r.chars);
    expect(chars).toEqual([...chars].sort((a, b) => b - a));
    expect(byChars.rows[0].title).toBe('memo_5');
    const docs = (await callOk(p, 'listDocuments', {})).rows;
    createClaim(p.db, { docId: docs[0].id, start: 0, end: 4, domainIds: [domainId], analyst: 'a' });
    const byClaims = await callOk(p, 'pageDocuments', { sort: 'claims', desc: true, limit: 1 });
    expect(byClaims.rows[0].id).toBe(docs[0].id);
  });

  it('filters by text (literally: % and _ are not wildcards) and by format, the total counting the matches', async () => {
    const p = project(12);
    const reports = await callOk(p, 'pageDocuments', { text: 'report', limit: 2 });
    expect(reports.total).toBe(4);
    expect(reports.rows.map((r) => r.title)).toEqual(['Report 000', 'Report 003']);
    expect((await callOk(p, 'pageDocuments', { text: '100%' })).rows.map((r) => r.author)).toEqual([
      '100% Sure',
    ]);
    expect((await callOk(p, 'pageDocuments', { text: '%' })).total).toBe(1);
    expect((await callOk(p, 'pageDocuments', { text: 'memo_1' })).total).toBe(3); // memo_1, memo_10, memo_11
    expect((await callOk(p, 'pageDocuments', { text: 'memo_' })).total).toBe(8);
    const pdf = await callOk(p, 'pageDocuments', { format: 'pdf', text: 'memo' });
    expect(pdf.total).toBe(4); // odd and not a multiple of 3: 1, 5, 7, 11
    expect(pdf.rows.every((r) => r.format === 'pdf')).toBe(true);
  });

  it('refuses a bad page, sort or a page over the limit, clearly', async () => {
    const p = project(1);
    for (const input of [
      { limit: 0 },
      { limit: 5001 },
      { offset: -1 },
      { sort: 'text; DROP TABLE documents' },
      { text: 'x'.repeat(2000) },
    ]) {
      const e = await callFailure(p, 'pageDocuments', input);
      expect(e.code).toBe('invalid_input');
    }
    expect((await callOk(p, 'pageDocuments', {})).total).toBe(1);
  });

  it('dossier docs still lists every document when there are more than a page', { timeout: 60_000 }, () => {
    const p = project(0);
    const insert = p.db.prepare(
      `INSERT INTO documents (title, format, content_hash, text, char_count, word_count, imported_at)
       VALUES (?, 'txt', ?, ?, 1, 1, 'now')`,
    );
    p.db.transaction(() => {
      for (let i = 0; i < 1203; i++) insert.run(`d${String(i).padStart(4, '0')}`, `h${i}`, `t${i}`);
    })();
    const r = dossier('docs', p.path, '--json');
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: number; title: string }[];
    expect(rows).toHaveLength(1203);
    expect(new Set(rows.map((d) => d.id)).size).toBe(1203);
    expect(rows[0].title).toBe('d0000');
    expect(rows[1202].title).toBe('d1202');
    expect(Object.keys(rows[0])).toEqual([
      'id',
      'title',
      'chars',
      'claims',
      'words',
      'source',
      'author',
      'published',
      'format',
    ]);
  });
});
