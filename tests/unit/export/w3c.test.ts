import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { closeProject } from '../../../electron/core/project';
import { buildFixture, docText, type Fixture, sliceCodePoints } from './fixture';

const schemaDir = path.join(__dirname, '..', '..', 'schemas');
const load = (name: string): object =>
  JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(load('w3c-annotation.schema.json'));
const validateCollection = ajv.compile(load('w3c-annotation-collection.schema.json'));
const validateAnnotation = ajv.getSchema('https://dossier.invalid/schemas/w3c-annotation.schema.json')!;

interface Anno {
  id: string;
  type: string;
  body: { type: string; purpose: string; value: string }[];
  target: {
    source: { id: string; label: string };
    selector: {
      type: string;
      exact?: string;
      prefix?: string;
      suffix?: string;
      start?: number;
      end?: number;
    }[];
  };
  creator?: { name: string };
  created: string;
  modified: string;
}
interface Collection {
  '@context': string;
  id: string;
  total: number;
  first: { items: Anno[] };
}

let f: Fixture;
let doc: Collection;
beforeAll(async () => {
  f = buildFixture();
  const r = await exportExcerpts(f.project.db, 'Fixture', 'w3c');
  doc = JSON.parse(Buffer.from(r.bytes).toString('utf8')) as Collection;
});
afterAll(() => closeProject(f.project));

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection that satisfies the model’s requirements', () => {
    const ok = validateCollection(doc);
    expect(validateCollection.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const claims = (f.project.db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;
    expect(doc.total).toBe(claims);
    expect(doc.first.items.length).toBe(claims);
    for (const a of doc.first.items) {
      expect(validateAnnotation({ '@context': doc['@context'], ...a })).toBe(true);
    }
  });

  it('the schemas reject what the model forbids', () => {
    const a = doc.first.items[0];
    const bad = (patch: object): boolean =>
      validateAnnotation({ '@context': doc['@context'], ...a, ...patch }) as boolean;
    expect(bad({})).toBe(true);
    expect(bad({ '@context': 'http://example.org/other.jsonld' })).toBe(false);
    expect(bad({ id: undefined })).toBe(false);
    expect(bad({ target: { ...a.target, selector: [{ type: 'TextQuoteSelector', prefix: 'x' }] } })).toBe(
      false,
    );
    expect(bad({ target: { ...a.target, selector: [{ type: 'TextPositionSelector', start: 1 }] } })).toBe(
      false,
    );
    expect(bad({ body: [{ type: 'TextualBody', purpose: 'tagging' }] })).toBe(false);
    expect(bad({ body: [{ type: 'TextualBody', purpose: 'liking', value: 'x' }] })).toBe(false);
    expect(bad({ created: '22/11/2026' })).toBe(false);
    expect(validateCollection({ ...doc, first: { ...doc.first, type: 'Page' } })).toBe(false);
  });

  it('anchors each annotation on the exact text: quote, context and code-point positions', () => {
    const urns = new Map<number, string>();
    for (const id of Object.values(f.docs)) {
      const hash = (
        f.project.db.prepare('SELECT content_hash AS h FROM documents WHERE id = ?').get(id) as { h: string }
      ).h;
      urns.set(id, hash);
    }
    for (const a of doc.first.items) {
      const docId = [...urns].find(([, h]) => a.target.source.id.endsWith(`:doc:${h}`))?.[0];
      expect(docId).toBeDefined();
      expect(a.target.source.id).toMatch(/^urn:dossier:[0-9a-f-]{36}:doc:[0-9a-f]{64}$/);
      const text = docText(f, docId as number);
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      expect(sliceCodePoints(text, pos?.start as number, pos?.end as number)).toBe(quote?.exact);
      const before = sliceCodePoints(text, 0, pos?.start as number);
      expect(before.endsWith(quote?.prefix as string)).toBe(true);
      expect(
        sliceCodePoints(text, pos?.end as number, [...text].length).startsWith(quote?.suffix as string),
      ).toBe(true);
    }
  });

  it('tags each domain, comments the note, and names creator and dates', () => {
    const a = doc.first.items.find((x) => x.target.selector[0].exact?.startsWith('The alliance')) as Anno;
    expect(a.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual([
      'High-level dialogue',
      'Training',
    ]);
    expect(a.body.filter((b) => b.purpose === 'commenting').map((b) => b.value)).toEqual([
      'Note with <script>alert(1)</script> & *stars*\nsecond line',
    ]);
    expect(a.creator?.name).toBe('Ana Lyst');
    expect(a.target.source.label).toBe('Speech with emoji 🛡️');
    expect(Date.parse(a.created)).not.toBeNaN();
    expect(Date.parse(a.modified)).toBeGreaterThanOrEqual(Date.parse(a.created));
  });

  it('keeps document and annotation ids stable from one export to the next', async () => {
    const again = JSON.parse(
      Buffer.from((await exportExcerpts(f.project.db, 'Fixture', 'w3c')).bytes).toString('utf8'),
    ) as Collection;
    expect(again.first.items.map((a) => [a.id, a.target.source.id])).toEqual(
      doc.first.items.map((a) => [a.id, a.target.source.id]),
    );
  });

  it('applies the domain filter to the tagging bodies', async () => {
    const r = await exportExcerpts(f.project.db, 'Fixture', 'w3c', { domainIds: [f.domains.training] });
    const c = JSON.parse(Buffer.from(r.bytes).toString('utf8')) as Collection;
    expect(c.first.items.length).toBe(2);
    for (const a of c.first.items)
      expect(a.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(['Training']);
  });
});
