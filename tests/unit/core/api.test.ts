import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { handlers } from '../../../electron/core/api/handlers';
import { api, methodNames, type Claim, type DocumentSummary, type Domain } from '../../../shared/api';
import { sampleProject } from '../helpers';

describe('API contract', () => {
  it('has a handler for every method and a method for every handler', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) {
      expect(api[name].input).toBeDefined();
      expect(api[name].output).toBeDefined();
    }
  });

  it.each(methodNames)('%s answers invalid arguments with a typed error, never a crash', async (name) => {
    const p = sampleProject();
    for (const bad of [
      42,
      'text',
      [1, 2],
      { id: 'seven', docId: -1, docIds: 'x', files: 3, format: 7, query: 9 },
    ]) {
      const r = await callMethod(p, name, bad);
      if (r.ok) {
        // Only methods that take no arguments may accept an object with unknown keys.
        expect(typeof bad === 'object' && !Array.isArray(bad)).toBe(true);
        expect(api[name].input.safeParse({}).success).toBe(true);
      } else {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(new RegExp(`^${name}: `));
      }
    }
  });

  it('rejects unknown methods', async () => {
    const r = await callMethod(sampleProject(), 'dropAllTables', {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'unknown method "dropAllTables"' },
    });
  });

  it('serves the sample project: documents, codebook, claims, grid, comparison, CSV', async () => {
    const p = sampleProject();
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await callMethod(p, name, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    const docs = (await call<{ rows: DocumentSummary[] }>('listDocuments', {})).rows;
    expect(docs).toHaveLength(5);
    const domains = await call<Domain[]>('listDomains', {});
    const aid = domains.find((d) => d.name === 'Military aid and support');
    expect(aid).toBeDefined();
    const doc = docs[0];
    const full = await call<{ text: string }>('getDocument', { id: doc.id });
    const start = full.text.indexOf('Ukraine');
    const created = await call<Claim>('createClaim', {
      docId: doc.id,
      start,
      end: start + 7,
      domainIds: [aid!.id],
      note: 'n',
    });
    expect(created.quote).toBe('Ukraine');
    const grid = await call<{
      rows: { docId?: number }[];
      columns: { domainId: number }[];
      values: number[][];
    }>('getMatrix', { rows: 'documents', measure: 'count' });
    const r = grid.rows.findIndex((x) => x.docId === doc.id);
    const c = grid.columns.findIndex((x) => x.domainId === aid!.id);
    const listed = await call<Claim[]>('listClaims', { docId: doc.id, domainId: aid!.id });
    expect(grid.values[r][c]).toBe(listed.length);
    expect(listed.map((x) => x.id)).toContain(created.id);
    const cmp = await call<{ domains: { domainId: number; claims: Claim[][] }[] }>('compareDocuments', {
      docIds: [doc.id, docs[1].id],
    });
    expect(cmp.domains.find((d) => d.domainId === aid!.id)!.claims[0].map((x) => x.id)).toContain(created.id);
    const updated = await call<Claim>('updateClaim', { id: created.id, note: 'changed' });
    expect(updated.note).toBe('changed');
    expect(await call('deleteClaim', { id: created.id })).toEqual({ id: created.id });
    const gone = await callMethod(p, 'deleteClaim', { id: created.id });
    expect(gone.ok ? null : gone.error.code).toBe('not_found');
    const bad = await callMethod(p, 'createClaim', { docId: doc.id, start: 5, end: 2, domainIds: [aid!.id] });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });
});
