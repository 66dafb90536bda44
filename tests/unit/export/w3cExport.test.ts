import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { closeProject } from '../../../electron/core/project';
import { buildFixture, type Fixture } from './fixture';

// What other annotation tools need of ours: each annotation readable on its own, and the claim's actor, stance
// and grading (not only its domains and note) with the analyst as creator.

const schemaDir = path.join(__dirname, '..', '..', 'schemas');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(
  JSON.parse(fs.readFileSync(path.join(schemaDir, 'w3c-annotation.schema.json'), 'utf8')) as object,
);

interface Body {
  type: string;
  purpose: string;
  value: string;
  'dossier:field'?: string;
}
interface Anno {
  '@context': unknown;
  id: string;
  body: Body[];
  target: { selector: { type: string; exact?: string }[] };
  creator?: { type: string; name: string };
}

let f: Fixture;
let items: Anno[];
beforeAll(async () => {
  f = buildFixture();
  const r = await exportExcerpts(f.project.db, 'Fixture', 'w3c');
  items = (JSON.parse(Buffer.from(r.bytes).toString('utf8')) as { first: { items: Anno[] } }).first.items;
});
afterAll(() => closeProject(f.project));

const quoteOf = (a: Anno): string =>
  a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
const field = (a: Anno, name: string): Body | undefined => a.body.find((b) => b['dossier:field'] === name);

describe('W3C export: annotations that stand alone and carry the whole claim', () => {
  it('gives every annotation its own @context (the model’s, then Dossier’s terms) so it validates alone', () => {
    expect(items.length).toBe(f.claims.length);
    for (const a of items) {
      expect(a['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { dossier: 'urn:dossier:terms#' }]);
      const ok = validate(a);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('writes actor, stance and grading as textual bodies with a purpose and dossier:field, the analyst as creator', () => {
    const a = items.find((x) => quoteOf(x).startsWith('The alliance')) as Anno;
    expect(a.body.filter((b) => b['dossier:field'])).toEqual([
      {
        type: 'TextualBody',
        purpose: 'describing',
        value: 'NATO',
        format: 'text/plain',
        'dossier:field': 'actor',
      },
      {
        type: 'TextualBody',
        purpose: 'classifying',
        value: 'supports',
        format: 'text/plain',
        'dossier:field': 'stance',
      },
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: 'B2',
        format: 'text/plain',
        'dossier:field': 'grading',
      },
    ]);
    expect(a.creator).toEqual({ type: 'Person', name: 'Ana Lyst' });
    // Domains and note keep their bodies, without the mark.
    expect(a.body.filter((b) => !b['dossier:field']).map((b) => b.purpose)).toEqual([
      'tagging',
      'tagging',
      'commenting',
    ]);
  });

  it('lets a reader recover every claim’s actor, stance, grading and analyst from the file alone', () => {
    const rows = f.project.db
      .prepare('SELECT quote, actor, stance, reliability, credibility, analyst FROM claims')
      .all() as {
      quote: string;
      actor: string;
      stance: string | null;
      reliability: string | null;
      credibility: number | null;
      analyst: string;
    }[];
    for (const r of rows) {
      const a = items.find((x) => quoteOf(x) === r.quote) as Anno;
      expect(field(a, 'actor')?.value ?? '').toBe(r.actor);
      expect(field(a, 'stance')?.value ?? null).toBe(r.stance);
      expect(field(a, 'grading')?.value ?? '').toBe(`${r.reliability ?? ''}${r.credibility ?? ''}`);
      expect(a.creator?.name ?? '').toBe(r.analyst);
    }
    // The fixture has a grading alone ("C3" without actor or stance): only that body is written.
    const partial = items.find((x) => quoteOf(x) === 'train* 5,000 officers') as Anno;
    expect(partial.body.filter((b) => b['dossier:field']).map((b) => [b['dossier:field'], b.value])).toEqual([
      ['grading', 'C3'],
    ]);
  });
});
