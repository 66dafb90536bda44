import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { addDocument } from '../../../electron/core/documents';
import { tempProject } from '../helpers';

// Under test, callMethod checks every answer against the method's output schema, so that a handler and the
// contract cannot drift apart unnoticed (the renderer and the CLI's --json trust that schema).
describe('output validation under test', () => {
  it('fails loudly, naming the method and the field, when an answer leaves its output schema', async () => {
    expect(process.env.VITEST).toBeTruthy();
    const p = tempProject();
    const doc = addDocument(p.db, { title: 'T', text: 'one two three', format: 'txt' });
    const ok = await callMethod(p, 'listClaims', { docId: doc.id });
    expect(ok).toMatchObject({ ok: true, value: [] });
    // A row another tool wrote: SQLite takes id 0, the contract's ids are positive.
    p.db
      .prepare(
        `INSERT INTO claims (id, document_id, start, end, quote, created_at, updated_at)
         VALUES (0, ?, 0, 3, 'one', 'now', 'now')`,
      )
      .run(doc.id);
    const r = await callMethod(p, 'listClaims', { docId: doc.id });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^listClaims answered outside its output schema: 0\.id: /),
      },
    });
  });
});
