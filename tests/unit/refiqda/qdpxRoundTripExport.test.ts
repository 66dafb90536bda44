import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { closeProject, getMeta, openProject } from '../../../electron/core/project';
import { exportQdpx } from '../../../electron/core/export/qdpx';
import { importQdpxFile } from '../../../electron/core/refiqda/importQdpx';
import { attr, child, parseXml } from '../../../electron/core/refiqda/xml';
import { QDPX_POSITIONS } from '../../../shared/api/exports';
import { buildFixture, type Fixture } from '../export/fixture';
import { qdeOf, summary } from './helpers';

// What a .qdpx of ours must bring back through Dossier's own importer, in either position unit: every claim with
// its note, actor, stance and grading, the documents' attributes, the codebook with its colours, the analyst.

let f: Fixture;
beforeAll(() => {
  f = buildFixture();
});
afterAll(() => closeProject(f.project));

describe('.qdpx round trip through Dossier’s importer', () => {
  const CLAIMS = `SELECT d.title, c.quote, c.start, c.end, c.note, c.actor, c.stance, c.reliability, c.credibility,
      c.analyst, c.created_at, c.updated_at,
      (SELECT group_concat(name, '|') FROM (SELECT m.name FROM claim_domains cd JOIN domains m ON m.id = cd.domain_id
         WHERE cd.claim_id = c.id ORDER BY m.name)) AS domains
    FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY d.title, c.start, c.end`;
  const ATTRIBUTES = `SELECT d.title, a.name, a.type, v.value FROM document_attributes v
    JOIN attributes a ON a.id = v.attribute_id JOIN documents d ON d.id = v.document_id ORDER BY 1, 2`;
  const DOMAINS = `SELECT d.name, d.color, d.description, p.name AS parent FROM domains d
    LEFT JOIN domains p ON p.id = d.parent_id ORDER BY d.name`;

  for (const unit of QDPX_POSITIONS) {
    it(`brings back claims, notes, actor/stance/grading, attributes, colours and the analyst (${unit})`, async () => {
      const target = path.join(f.dir, `Round trip ${unit}.dossier`);
      const bytes = (await exportExcerpts(f.project.db, 'Fixture', 'qdpx', {}, { positions: unit })).bytes;
      const report = importQdpxFile(bytes, target, `Fixture ${unit}.qdpx`);
      expect(report).toMatchObject({ sources: 3, codes: 5, claims: 7, users: 2, variables: 2 });
      expect(report.problems).toEqual([]);
      expect(report.skipped).toEqual([]);
      const copy = openProject(target);
      try {
        expect(copy.db.prepare(CLAIMS).all()).toEqual(f.project.db.prepare(CLAIMS).all());
        expect(copy.db.prepare(ATTRIBUTES).all()).toEqual(f.project.db.prepare(ATTRIBUTES).all());
        expect(copy.db.prepare(DOMAINS).all()).toEqual(f.project.db.prepare(DOMAINS).all());
        expect(getMeta(copy.db, 'analyst')).toBe('Ana Lyst');
        // And out again: the same file, GUIDs included.
        const again = qdeOf(exportQdpx(copy.db, 'Fixture', {}, { positions: unit }).bytes);
        const first = qdeOf(bytes);
        expect(summary(again.xml, again.files)).toEqual(summary(first.xml, first.files));
        expect(attr(child(parseXml(again.xml, 'again'), 'Project'), 'creatingUserGUID')).toBe(
          attr(child(parseXml(first.xml, 'first'), 'Project'), 'creatingUserGUID'),
        );
      } finally {
        closeProject(copy);
      }
    });
  }
});
