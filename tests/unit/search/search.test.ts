import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { defineAttribute, setDocumentAttribute } from '../../../electron/core/attributes';
import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { listDomains } from '../../../electron/core/domains';
import { createProject, type Project } from '../../../electron/core/project';
import { documentHits, searchClaims, searchDocuments, toFtsQuery } from '../../../electron/core/search';

let p: Project;
const ids: Record<string, number> = {};

const DOCS = {
  summit: {
    title: 'Brussels summit on training',
    text: 'Ministers met in Brussels. The military education programme will grow.\nMilitary training continues in Poland.',
  },
  industry: {
    title: 'Ammunition industry',
    text: 'Europe expands ammunition production. Militias are not part of this. Production lines in São Paulo and Kraków.',
  },
  naval: {
    title: 'Naval exercises',
    text: 'Sea Breeze exercises took place. Training at sea, not education. Ukraine 🇺🇦 joined the naval drill in Odesa.',
  },
};

beforeAll(() => {
  p = createProject(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-search-')), 's.dossier'));
  for (const [k, d] of Object.entries(DOCS)) ids[k] = addDocument(p.db, { ...d, format: 'txt' }).id;
  defineAttribute(p.db, 'year', 'number');
  defineAttribute(p.db, 'country', 'text');
  setDocumentAttribute(p.db, ids.summit, 'year', 2015);
  setDocumentAttribute(p.db, ids.industry, 'year', 2022);
  setDocumentAttribute(p.db, ids.naval, 'year', 2024);
  setDocumentAttribute(p.db, ids.naval, 'country', 'Ukraine');
  const [first] = listDomains(p.db);
  const text = DOCS.industry.text;
  const start = text.indexOf('Europe expands ammunition production.');
  createClaim(p.db, {
    docId: ids.industry,
    start,
    end: start + 'Europe expands ammunition production.'.length,
    domainIds: [first.id],
    note: 'Industrial capacity in Kraków',
    analyst: 'T',
  });
});

const titles = (q: string, o = {}): string[] => searchDocuments(p.db, q, o).results.map((r) => r.title);
const textAt = (docId: number, s: { start: number; end: number }): string =>
  (p.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }).text.slice(
    s.start,
    s.end,
  );

describe('searchDocuments', () => {
  it('ranks with BM25 (a word in the title counts for more) and returns hit offsets in the canonical text', () => {
    const { total, results } = searchDocuments(p.db, 'training');
    expect(total).toBe(2);
    expect(results[0].title).toBe('Brussels summit on training');
    expect(results[0].score).toBeGreaterThan(results[1].score);
    for (const r of results) {
      expect(r.hits.length).toBeGreaterThan(0);
      for (const h of r.hits) expect(textAt(r.docId, h).toLowerCase()).toBe('training');
    }
  });

  it('finds phrases, prefixes and boolean combinations', () => {
    expect(titles('"military training"')).toEqual(['Brussels summit on training']);
    expect(titles('"training military"')).toEqual([]);
    expect(titles('milit*').sort()).toEqual(['Ammunition industry', 'Brussels summit on training']);
    expect(titles('training AND education').sort()).toEqual([
      'Brussels summit on training',
      'Naval exercises',
    ]);
    expect(titles('ammunition OR naval').sort()).toEqual(['Ammunition industry', 'Naval exercises']);
    expect(titles('training NOT sea')).toEqual(['Brussels summit on training']);
    expect(titles('training AND NOT sea')).toEqual(['Brussels summit on training']);
    expect(titles('(ammunition OR sea) AND production')).toEqual(['Ammunition industry']);
    const hits = searchDocuments(p.db, 'milit*').results.find((r) => r.docId === ids.summit)!.hits;
    expect(hits.map((h) => textAt(ids.summit, h))).toEqual(['military', 'Military']);
  });

  it('ignores diacritics both ways and gives UTF-16 offsets past astral characters', () => {
    expect(titles('sao paulo')).toEqual(['Ammunition industry']);
    expect(titles('krakow')).toEqual(['Ammunition industry']);
    expect(titles('KRAKÓW')).toEqual(['Ammunition industry']);
    const [r] = searchDocuments(p.db, 'odesa').results;
    expect(textAt(r.docId, r.hits[0])).toBe('Odesa');
  });

  it('returns snippets with the matched terms marked', () => {
    const [r] = searchDocuments(p.db, 'poland').results;
    expect(r.snippet).toContain('Military training continues in Poland.');
    expect(r.snippetMarks.map((m) => r.snippet.slice(m.start, m.end))).toEqual(['Poland']);
    expect(r.snippet).not.toMatch(/[\uE000\uE001\n]/);
  });

  it('treats punctuated words as phrases instead of failing', () => {
    expect(toFtsQuery('co-operation U.S.')).toBe('"co-operation" "U.S."');
    expect(titles('sea-breeze')).toEqual(['Naval exercises']);
  });

  it('filters by attribute and by domain', () => {
    expect(titles('training', { filters: [{ name: 'year', op: 'gte', value: 2020 }] })).toEqual([
      'Naval exercises',
    ]);
    expect(titles('training', { filters: [{ name: 'country', op: 'eq', value: 'ukraine' }] })).toEqual([
      'Naval exercises',
    ]);
    expect(titles('training', { filters: [{ name: 'country', op: 'empty' }] })).toEqual([
      'Brussels summit on training',
    ]);
    const [first] = listDomains(p.db);
    expect(titles('production OR training', { domainIds: [first.id] })).toEqual(['Ammunition industry']);
    expect(() => titles('training', { filters: [{ name: 'nope', op: 'eq', value: 1 }] })).toThrow(
      'no attribute named "nope"',
    );
  });

  it('gives a clear error for a malformed query, never a crash', () => {
    expect(() => searchDocuments(p.db, 'training AND')).toThrow(/^search query not understood/);
    expect(() => searchDocuments(p.db, '"unclosed phrase')).toThrow(
      'search query not understood: a quote (") is not closed',
    );
    expect(() => searchDocuments(p.db, '(a OR b')).toThrow(/^search query not understood/);
    expect(() => searchDocuments(p.db, '   ')).toThrow('type something to search for');
  });

  it('answers through the API with typed errors', async () => {
    const ok = await callMethod(p, 'searchDocuments', { query: 'ammunition', limit: 5 });
    expect(ok).toMatchObject({ ok: true, value: { total: 1, results: [{ title: 'Ammunition industry' }] } });
    const bad = await callMethod(p, 'searchDocuments', { query: 'NOT' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const hits = await callMethod(p, 'documentHits', { docId: ids.naval, query: 'sea OR naval' });
    expect(hits.ok && (hits.value as { hits: unknown[] }).hits).toHaveLength(3);
  });
});

describe('documentHits and searchClaims', () => {
  it('lists every hit in a document in order', () => {
    const hits = documentHits(p.db, ids.naval, 'sea OR exercises');
    expect(hits.map((h) => textAt(ids.naval, h))).toEqual(['Sea', 'exercises', 'sea']);
    expect(hits.map((h) => h.start)).toEqual([...hits.map((h) => h.start)].sort((a, b) => a - b));
    expect(documentHits(p.db, ids.summit, 'ammunition')).toEqual([]);
    expect(() => documentHits(p.db, 9999, 'sea')).toThrow('no document with id 9999');
  });

  it('searches claims by quote and note', () => {
    const byQuote = searchClaims(p.db, 'ammunition');
    expect(byQuote.map((c) => c.quote)).toEqual(['Europe expands ammunition production.']);
    expect(byQuote[0].docId).toBe(ids.industry);
    const byNote = searchClaims(p.db, 'krakow');
    expect(byNote).toHaveLength(1);
    expect(byNote[0].snippetMarks.map((m) => byNote[0].snippet.slice(m.start, m.end))).toEqual(['Kraków']);
    expect(searchClaims(p.db, 'naval')).toEqual([]);
  });
});
