import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { addDocument } from '../../../electron/core/documents';
import type { Project } from '../../../electron/core/project';
import { tempProject } from '../helpers';

// Renaming a document through the dispatcher, as every door calls it: validated, one undoable step, announced on
// the change stream, found by search under its new title; bad input changes nothing.

async function call(p: Project, name: string, input: unknown) {
  const r = await callMethod(p, name, input, 'w1');
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r;
}

function project() {
  const p = tempProject('empty');
  const text = 'Small Wars Journal\n\nMinisters agreed to widen the exchange of officers with Kyiv.';
  const id = addDocument(p.db, { title: 'Small Wars Journal', text, format: 'txt' }).id;
  return { p, id, text };
}

const titleOf = (p: Project, id: number): string =>
  (p.db.prepare('SELECT title FROM documents WHERE id = ?').get(id) as { title: string }).title;

describe('updateDocument', () => {
  it('renames a document, trims the title and reports the document on the change stream', async () => {
    const { p, id, text } = project();
    const r = await call(p, 'updateDocument', { id, title: '  The exchange of   officers ' });
    expect((r.value as { title: string }).title).toBe('The exchange of officers');
    expect(titleOf(p, id)).toBe('The exchange of officers');
    expect(r.changes?.tables.find((t) => t.table === 'documents')?.ids).toEqual([id]);
    expect(r.changes?.docIds).toEqual([id]);
    expect(r.changes?.history?.undoLabel).toBe('rename document');
    // Search weights titles: the new one is indexed.
    await call(p, 'updateDocument', { id, title: 'Liaison report' });
    const found = (await call(p, 'searchDocuments', { query: 'liaison' })).value as { total: number };
    expect(found.total).toBe(1);
    expect((p.db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string }).text).toBe(
      text,
    );
  });

  it('is undone and redone as one step', async () => {
    const { p, id } = project();
    await call(p, 'updateDocument', { id, title: 'The exchange of officers' });
    const undone = await call(p, 'undo', {});
    expect(titleOf(p, id)).toBe('Small Wars Journal');
    expect((undone.value as { docIds: number[] }).docIds).toEqual([id]);
    await call(p, 'redo', {});
    expect(titleOf(p, id)).toBe('The exchange of officers');
  });

  it('refuses an empty title, a huge one and an unknown document, changing nothing', async () => {
    const { p, id } = project();
    for (const [input, code] of [
      [{ id, title: '   ' }, 'invalid_input'],
      [{ id, title: 'x'.repeat(501) }, 'invalid_input'],
      [{ id: id + 100, title: 'Other' }, 'not_found'],
      [{ id, title: 42 }, 'invalid_input'],
    ] as const) {
      const r = await callMethod(p, 'updateDocument', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    }
    expect(titleOf(p, id)).toBe('Small Wars Journal');
    expect((await call(p, 'getProject', {})).value).toMatchObject({ documents: 1 });
  });
});
