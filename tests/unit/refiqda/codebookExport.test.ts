import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExcerpts } from '../../../electron/core/export';
import { closeProject, openProject } from '../../../electron/core/project';
import { createDomain } from '../../../electron/core/domains';
import { exportQdc, exportQdpx } from '../../../electron/core/export/qdpx';
import { importQdpxFile } from '../../../electron/core/refiqda/importQdpx';
import { attr, child, children, parseXml, type XmlNode } from '../../../electron/core/refiqda/xml';
import { buildFixture, type Fixture } from '../export/fixture';
import { canValidate, qdeOf, xsdErrors } from './helpers';

// A codebook that came from another tool goes back as it came: a grouping code (isCodable="false": NVivo and
// MAXQDA folders, QualCoder categories) stays one, and a code that had no colour gets none from us, although
// Dossier shows it in a palette colour.

let f: Fixture;
let region: number;
beforeAll(() => {
  f = buildFixture();
  region = createDomain(f.project.db, {
    name: 'Regions',
    codable: false,
    color: '#777777',
    colorChosen: false,
  });
  createDomain(f.project.db, { name: 'Baltic', parentId: region, color: '#AA3377', colorChosen: false });
  createDomain(f.project.db, { name: 'Nordic', parentId: region, color: '#BBBBBB' });
});
afterAll(() => closeProject(f.project));

/** Every Code of a codebook element, flat, as [name, isCodable, color]. */
function codes(codebook: XmlNode | undefined): [string, string, string | undefined][] {
  const out: [string, string, string | undefined][] = [];
  const walk = (n: XmlNode | undefined): void => {
    for (const c of children(n, 'Code')) {
      out.push([attr(c, 'name') ?? '', attr(c, 'isCodable') ?? '', attr(c, 'color')]);
      walk(c);
    }
  };
  walk(child(codebook, 'Codes'));
  return out;
}

const EXPECTED: [string, string, string | undefined][] = [
  ['Cooperation', 'true', '#332288'],
  ['High-level dialogue', 'true', '#117733'],
  ['Training', 'true', '#44AA99'],
  ['Exercises', 'true', '#88CCEE'],
  ['Intelligence [shared]', 'true', '#DDCC77'],
  ['Regions', 'false', undefined],
  ['Baltic', 'true', undefined],
  ['Nordic', 'true', '#BBBBBB'],
];

describe('codebook export: grouping codes and colours nobody chose', () => {
  it('writes isCodable="false" for a grouping domain and no colour where none was chosen (.qdpx and .qdc)', () => {
    const { xml } = qdeOf(exportQdpx(f.project.db, 'Fixture').bytes);
    const project = child(parseXml(xml, 'project.qde'), 'Project');
    expect(codes(child(project, 'CodeBook'))).toEqual(EXPECTED);
    if (canValidate) expect(xsdErrors(xml, f.dir)).toBe('');
    const qdc = exportQdc(f.project.db).xml;
    expect(codes(child(parseXml(qdc, 'codebook.qdc'), 'CodeBook'))).toEqual(EXPECTED);
  });

  it('comes back through the importer as it was: grouping, no colour chosen, parents', async () => {
    const target = path.join(f.dir, 'Codebook round trip.dossier');
    importQdpxFile((await exportExcerpts(f.project.db, 'Fixture', 'qdpx')).bytes, target, 'Fixture.qdpx');
    const copy = openProject(target);
    const q = `SELECT d.name, d.codable, d.color_chosen AS colorChosen, p.name AS parent,
        CASE WHEN d.color_chosen = 1 THEN d.color END AS color
      FROM domains d LEFT JOIN domains p ON p.id = d.parent_id ORDER BY d.name`;
    try {
      expect(copy.db.prepare(q).all()).toEqual(f.project.db.prepare(q).all());
    } finally {
      closeProject(copy);
    }
  });
});
