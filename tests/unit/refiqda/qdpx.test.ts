import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { closeProject, openProject } from '../../../electron/core/project';
import { exportQdpx } from '../../../electron/core/export/qdpx';
import { importQdpxFile } from '../../../electron/core/refiqda/importQdpx';
import { buildFixture, docText, type Fixture, sliceCodePoints } from '../export/fixture';
import { canValidate, qdeOf, summary, xsdErrors } from './helpers';

let f: Fixture;
let exported: { xml: string; files: Record<string, string> };
beforeAll(() => {
  f = buildFixture();
  exported = qdeOf(exportQdpx(f.project.db, 'Fixture').bytes);
});
afterAll(() => closeProject(f.project));

describe('.qdpx export', () => {
  it.skipIf(!canValidate)('writes a project.qde that validates against the REFI-QDA schema', () => {
    expect(xsdErrors(exported.xml, f.dir)).toBe('');
  });

  it('stores each text as sources/<guid>.txt referenced by internal://', () => {
    const refs = [...exported.xml.matchAll(/plainTextPath="internal:\/\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBe(3);
    expect(Object.keys(exported.files).sort()).toEqual(refs.map((r) => `sources/${r}`).sort());
    const texts = Object.values(exported.files).sort();
    expect(texts).toEqual(
      Object.values(f.docs)
        .map((id) => docText(f, id))
        .sort(),
    );
  });

  it('writes every claim as a selection whose code-point positions give the quote, coded per domain', () => {
    const s = summary(exported.xml, exported.files) as {
      sources: {
        selections: { quote: string; codings: unknown[]; user: string; notes: [string, string][] }[];
      }[];
      codes: { name: string; parent: string | null; color: string; description: string; guid: string }[];
      variables: unknown[];
    };
    const claims = f.project.db
      .prepare(
        'SELECT quote, note, (SELECT count(*) FROM claim_domains WHERE claim_id = id) AS n FROM claims',
      )
      .all() as { quote: string; note: string; n: number }[];
    const selections = s.sources.flatMap((x) => x.selections);
    expect(selections.map((x) => x.quote).sort()).toEqual(claims.map((c) => c.quote).sort());
    for (const c of claims) {
      const sel = selections.find((x) => x.quote === c.quote);
      expect(sel?.codings.length).toBe(c.n);
      expect(sel?.notes.map(([, text]) => text)).toEqual(c.note ? [c.note] : []);
    }
    expect(new Set(selections.map((x) => x.user))).toEqual(new Set(['Ana Lyst', 'Bo']));
    const cooperation = s.codes.find((c) => c.name === 'Cooperation');
    expect(s.codes.filter((c) => c.parent === cooperation?.guid).map((c) => c.name)).toEqual([
      'High-level dialogue',
      'Training',
    ]);
    expect(s.codes.find((c) => c.name === 'High-level dialogue')).toMatchObject({
      color: '#117733',
      description: 'Meetings & <summits>',
    });
    expect(s.variables).toHaveLength(2);
  });

  it('keeps GUIDs stable from one export to the next', () => {
    const again = qdeOf(exportQdpx(f.project.db, 'Fixture').bytes);
    expect(summary(again.xml, again.files)).toEqual(summary(exported.xml, exported.files));
  });
});

describe('.qdpx round trip', () => {
  it('export → import → export gives the same claims, codebook, attributes and GUIDs', async () => {
    const target = path.join(f.dir, 'Round trip.dossier');
    const bytes = (await exportExcerpts(f.project.db, 'Fixture', 'qdpx')).bytes;
    const report = importQdpxFile(bytes, target, 'Fixture.qdpx');
    expect(report).toMatchObject({
      sources: 3,
      codes: 5,
      claims: 7,
      notes: 2,
      users: 2,
      variables: 2,
      problems: [],
      skipped: [],
    });
    const copy = openProject(target);
    try {
      const back = qdeOf(exportQdpx(copy.db, 'Fixture').bytes);
      expect(summary(back.xml, back.files)).toEqual(summary(exported.xml, exported.files));
      if (canValidate) expect(xsdErrors(back.xml, f.dir)).toBe('');
      // The claims themselves, field by field.
      const q = `SELECT d.title, c.quote, c.start, c.end, c.note, c.actor, c.stance, c.reliability, c.credibility, c.analyst, c.created_at,
          (SELECT group_concat(name, '|') FROM (SELECT m.name FROM claim_domains cd JOIN domains m ON m.id = cd.domain_id WHERE cd.claim_id = c.id ORDER BY m.name)) AS domains
        FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY d.title, c.start, c.end`;
      expect(copy.db.prepare(q).all()).toEqual(f.project.db.prepare(q).all());
      const attrs = `SELECT d.title, a.name, a.type, v.value FROM document_attributes v JOIN attributes a ON a.id = v.attribute_id
        JOIN documents d ON d.id = v.document_id ORDER BY 1, 2`;
      expect(copy.db.prepare(attrs).all()).toEqual(f.project.db.prepare(attrs).all());
      const meta = 'SELECT title, source, author, published, url, text FROM documents ORDER BY title';
      expect(copy.db.prepare(meta).all()).toEqual(f.project.db.prepare(meta).all());
      const domains = `SELECT d.name, d.color, d.description, p.name AS parent FROM domains d LEFT JOIN domains p ON p.id = d.parent_id ORDER BY d.name`;
      expect(copy.db.prepare(domains).all()).toEqual(f.project.db.prepare(domains).all());
      for (const r of copy.db
        .prepare(
          'SELECT c.quote, c.start, c.end, d.text FROM claims c JOIN documents d ON d.id = c.document_id',
        )
        .all() as { quote: string; start: number; end: number; text: string }[])
        expect(r.text.slice(r.start, r.end)).toBe(r.quote);
    } finally {
      closeProject(copy);
    }
    expect(sliceCodePoints(docText(f, f.docs.emoji), 0, 8)).toBe('Opening ');
  });

  it('refuses to overwrite an existing project file', () => {
    const target = path.join(f.dir, 'exists.dossier');
    fs.writeFileSync(target, 'keep me');
    expect(() => importQdpxFile(exportQdpx(f.project.db, 'Fixture').bytes, target)).toThrow(/already exists/);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
  });
});
