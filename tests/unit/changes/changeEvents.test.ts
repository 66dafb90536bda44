import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeEvent, StreamEvent, TableChange } from '../../../shared/api/changes';
import { MAX_CHANGED_IDS } from '../../../shared/api/changes';
import { callMethod } from '../../../electron/core/api/dispatch';
import { drainChanges, subscribe, trackChanges } from '../../../electron/core/changes';
import { THREAD_MIN_FILES } from '../../../electron/core/import/importFiles';
import { waitForImportJob } from '../../../electron/core/import/jobs';
import { closeProject, openProject, type Project } from '../../../electron/core/project';
import { sampleProject, tempProject } from '../helpers';

// Every kind of edit, through the one dispatcher every door uses, on a real project file: the answer names
// what changed, and the project's stream carries the same event to the other windows.

async function call(p: Project, name: string, input: unknown, origin?: string) {
  const r = await callMethod(p, name, input, origin);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r;
}

const tableOf = (e: ChangeEvent | undefined, table: string): TableChange | undefined =>
  e?.tables.find((t) => t.table === table);

async function firstDoc(p: Project): Promise<{ id: number; text: string }> {
  const docs = ((await call(p, 'listDocuments', {})).value as { rows: { id: number }[] }).rows;
  const d = (await call(p, 'getDocument', { id: docs[0].id })).value as { id: number; text: string };
  return d;
}

async function aDomain(p: Project): Promise<number> {
  const domains = (await call(p, 'listDomains', {})).value as { id: number; codable: boolean }[];
  return domains.filter((d) => d.codable)[0].id;
}

describe('change events from callMethod', () => {
  it('a read answers without changes and publishes nothing', async () => {
    const p = sampleProject();
    const seen: StreamEvent[] = [];
    subscribe(p.db, (e) => seen.push(e));
    const r = await call(p, 'listClaims', {});
    expect(r.changes).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('create, update and delete a claim name the claim, its document and the history', async () => {
    const p = sampleProject();
    const doc = await firstDoc(p);
    const domainId = await aDomain(p);
    const seen: StreamEvent[] = [];
    subscribe(p.db, (e) => seen.push(e));

    const created = await call(
      p,
      'createClaim',
      { docId: doc.id, start: 0, end: 5, domainIds: [domainId] },
      'w1',
    );
    const claimId = (created.value as { id: number }).id;
    expect(created.changes?.origin).toBe('w1');
    expect(tableOf(created.changes, 'claims')?.ids).toEqual([claimId]);
    expect(tableOf(created.changes, 'claim_domains')?.ids).toEqual([claimId]);
    expect(created.changes?.docIds).toEqual([doc.id]);
    expect(created.changes?.history).toMatchObject({ canUndo: true, undoLabel: expect.any(String) });
    expect(tableOf(created.changes, 'domains')).toBeUndefined();
    // The same event went to the stream, for the other windows.
    expect(seen).toEqual([created.changes]);

    const updated = await call(p, 'updateClaim', { id: claimId, note: 'why' });
    expect(updated.changes?.tables).toEqual([{ table: 'claims', ids: [claimId] }]);
    expect(updated.changes!.seq).toBeGreaterThan(created.changes!.seq);

    const deleted = await call(p, 'deleteClaim', { id: claimId });
    expect(tableOf(deleted.changes, 'claims')?.ids).toEqual([claimId]);
    expect(tableOf(deleted.changes, 'claim_domains')?.ids).toEqual([claimId]);
    expect(deleted.changes?.docIds).toEqual([doc.id]);
  });

  it('undo and redo report what the step changed', async () => {
    const p = sampleProject();
    const doc = await firstDoc(p);
    const domainId = await aDomain(p);
    const created = await call(p, 'createClaim', { docId: doc.id, start: 0, end: 5, domainIds: [domainId] });
    const claimId = (created.value as { id: number }).id;
    const undone = await call(p, 'undo', {});
    expect(tableOf(undone.changes, 'claims')?.ids).toEqual([claimId]);
    expect(undone.changes?.docIds).toEqual([doc.id]);
    expect(undone.changes?.history).toMatchObject({ canUndo: false, canRedo: true });
    const redone = await call(p, 'redo', {});
    expect(tableOf(redone.changes, 'claims')?.ids).toEqual([claimId]);
    expect(redone.changes?.history).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('undo of edits to a claim restores it: noting its rows again never fails the step', async () => {
    const p = sampleProject();
    const doc = await firstDoc(p);
    const domainId = await aDomain(p);
    const made = await call(p, 'createClaim', { docId: doc.id, start: 0, end: 5, domainIds: [domainId] });
    const id = (made.value as { id: number }).id;
    await call(p, 'updateClaim', { id, end: 8 });
    await call(p, 'updateClaim', { id, start: 1 });
    const first = await call(p, 'undo', {});
    expect(tableOf(first.changes, 'claims')?.ids).toEqual([id]);
    await call(p, 'undo', {});
    expect(p.db.prepare('SELECT start, end FROM claims WHERE id = ?').get(id)).toEqual({ start: 0, end: 5 });
    await call(p, 'redo', {});
    expect(p.db.prepare('SELECT start, end FROM claims WHERE id = ?').get(id)).toEqual({ start: 0, end: 8 });
  });

  it('domain edits name the domains (and the claims a merge moved)', async () => {
    const p = tempProject();
    const made = await call(p, 'createDomain', { name: 'Ports' });
    const a = (made.value as { id: number }).id;
    expect(made.changes?.tables).toEqual([{ table: 'domains', ids: [a] }]);
    expect(made.changes?.docIds).toEqual([]);

    const renamed = await call(p, 'updateDomain', { id: a, name: 'Harbours' });
    expect(tableOf(renamed.changes, 'domains')?.ids).toEqual([a]);

    const b = ((await call(p, 'createDomain', { name: 'Docks' })).value as { id: number }).id;
    const docs = await call(p, 'startImport', {
      files: [{ name: 'a.txt', base64: Buffer.from('one two three').toString('base64') }],
    });
    await waitForImportJob(p.db, (docs.value as { jobId: string }).jobId);
    const doc = await firstDoc(p);
    const claim = await call(p, 'createClaim', { docId: doc.id, start: 0, end: 3, domainIds: [b] });
    const claimId = (claim.value as { id: number }).id;
    const merged = await call(p, 'mergeDomains', { sourceId: b, targetId: a });
    expect(tableOf(merged.changes, 'domains')?.ids).toContain(b);
    expect(tableOf(merged.changes, 'claim_domains')?.ids).toEqual([claimId]);
    expect(merged.changes?.docIds).toEqual([doc.id]);
  });

  it('attribute edits name the attribute and the document', async () => {
    const p = sampleProject();
    const doc = await firstDoc(p);
    const defined = await call(p, 'defineAttribute', { name: 'Country', type: 'text' });
    const attrId = (defined.value as { id: number }).id;
    expect(defined.changes?.tables).toEqual([{ table: 'attributes', ids: [attrId] }]);
    const set = await call(p, 'setDocumentAttributes', { docId: doc.id, values: { Country: 'France' } });
    expect(tableOf(set.changes, 'document_attributes')?.ids).toEqual([doc.id]);
    expect(set.changes?.docIds).toEqual([doc.id]);
  });

  it('a background import streams its progress, its documents and its final status', async () => {
    const p = tempProject();
    const seen: StreamEvent[] = [];
    subscribe(p.db, (e) => seen.push(e));
    const files = ['a', 'b', 'c'].map((n) => ({
      name: `${n}.txt`,
      base64: Buffer.from(`text of ${n}`).toString('base64'),
    }));
    const started = await call(p, 'startImport', { files });
    const jobId = (started.value as { jobId: string }).jobId;
    await waitForImportJob(p.db, jobId);
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ type: 'import', jobId, state: 'done' });
    expect(last.type === 'import' && last.status?.report.imported.length).toBe(3);
    const docIds = ((await call(p, 'listDocuments', {})).value as { rows: { id: number }[] }).rows
      .map((d) => d.id)
      .sort();
    const changed = seen.filter((e): e is ChangeEvent => e.type === 'changes');
    const named = new Set(changed.flatMap((e) => tableOf(e, 'documents')?.ids ?? []));
    expect([...named].sort()).toEqual(docIds);
    // The documents were announced before the job said it was done.
    expect(seen.indexOf(changed[changed.length - 1])).toBeLessThan(seen.indexOf(last));
  });

  it('an import large enough for its worker thread (its own connection) still announces its documents', async () => {
    const p = tempProject();
    const seen: StreamEvent[] = [];
    subscribe(p.db, (e) => seen.push(e));
    const files = Array.from({ length: THREAD_MIN_FILES + 1 }, (_, i) => ({
      name: `f${i}.txt`,
      base64: Buffer.from(`text number ${i}`).toString('base64'),
    }));
    const started = await call(p, 'startImport', { files });
    const done = await waitForImportJob(p.db, (started.value as { jobId: string }).jobId);
    expect(done.report.imported).toHaveLength(files.length);
    const changed = seen.filter((e): e is ChangeEvent => e.type === 'changes');
    const named = new Set(changed.flatMap((e) => tableOf(e, 'documents')?.ids ?? []));
    expect([...named].sort((a, b) => a - b)).toEqual(
      done.report.imported.map((d) => d.id).sort((a, b) => a - b),
    );
  });

  it('a failed call reports nothing: its transaction took its notes with it', async () => {
    const p = sampleProject();
    const doc = await firstDoc(p);
    const seen: StreamEvent[] = [];
    subscribe(p.db, (e) => seen.push(e));
    const r = await callMethod(p, 'createClaim', { docId: doc.id, start: 0, end: 5, domainIds: [999_999] });
    expect(r.ok).toBe(false);
    expect(seen).toEqual([]);
  });

  it('above the limit a table is reported as a whole', () => {
    const p = sampleProject();
    trackChanges(p.db);
    const docId = (p.db.prepare('SELECT id FROM documents LIMIT 1').get() as { id: number }).id;
    const insert = p.db.prepare(
      "INSERT INTO claims (document_id, start, end, quote, created_at, updated_at) VALUES (?, 0, 1, 'x', 'now', 'now')",
    );
    p.db.transaction(() => {
      for (let i = 0; i <= MAX_CHANGED_IDS; i++) insert.run(docId);
    })();
    const drained = drainChanges(p.db);
    expect(drained?.tables).toEqual([{ table: 'claims', ids: null }]);
    expect(drained?.docIds).toEqual([docId]);
    expect(drainChanges(p.db)).toBeNull();
  });

  it('a read-only project answers its reads and publishes nothing', async () => {
    const writable = sampleProject();
    const file = writable.path;
    closeProject(writable);
    const fs = await import('node:fs');
    fs.chmodSync(file, 0o444);
    fs.chmodSync(path.dirname(file), 0o555);
    try {
      const p = openProject(file);
      try {
        expect(p.readOnly).toBeTruthy();
        const r = await call(p, 'listDocuments', {});
        expect(r.changes).toBeUndefined();
      } finally {
        closeProject(p);
      }
    } finally {
      fs.chmodSync(path.dirname(file), 0o755);
      fs.chmodSync(file, 0o644);
    }
  });
});
