import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportQdpx } from '../../../electron/core/export/qdpx';
import { importQdpxFile } from '../../../electron/core/refiqda/importQdpx';
import { closeProject, openProject } from '../../../electron/core/project';
import { attr, child, children, parseXml } from '../../../electron/core/refiqda/xml';
import { canValidate, qdeOf, xsdErrors, zip } from '../refiqda/helpers';
import { tempDir } from '../helpers';
import { setProject } from './project';

const membersByName = (file: string): Record<string, string[]> => {
  const p = openProject(file);
  try {
    const rows = p.db
      .prepare(
        `SELECT s.name, d.title FROM document_sets s LEFT JOIN document_set_members m ON m.set_id = s.id
         LEFT JOIN documents d ON d.id = m.document_id ORDER BY s.name, d.title`,
      )
      .raw()
      .all() as [string, string | null][];
    const out: Record<string, string[]> = {};
    for (const [name, title] of rows) (out[name] ??= []).push(...(title ? [title] : []));
    return out;
  } finally {
    closeProject(p);
  }
};

describe('document sets in REFI-QDA', () => {
  it('go out as Sets with MemberSource, validate, and come back with the same members and GUIDs', async () => {
    const { p, docIds, call } = setProject();
    const [a, b, c] = docIds;
    await call('createSet', { name: 'Think tanks', description: 'Policy institutes', docIds: [a, b] });
    await call('createSet', { name: 'Mixed', docIds: [b, c] });
    await call('createSet', { name: 'Empty' });
    const first = exportQdpx(p.db, 'Study');
    const { xml } = qdeOf(first.bytes);
    if (canValidate) expect(xsdErrors(xml, tempDir())).toBe('');
    const project = child(parseXml(xml, 'project.qde'), 'Project')!;
    const sourceName = new Map(
      children(child(project, 'Sources'), 'TextSource').map((s) => [attr(s, 'guid'), attr(s, 'name')]),
    );
    const sets = children(child(project, 'Sets'), 'Set');
    // An empty set points at nothing in the file: it is left out.
    expect(
      sets.map((s) => [
        attr(s, 'name'),
        children(s, 'MemberSource').map((m) => sourceName.get(attr(m, 'targetGUID'))),
      ]),
    ).toEqual([
      ['Mixed', ['Beta report', 'Gamma news']],
      ['Think tanks', ['Alpha paper', 'Beta report']],
    ]);
    p.db.close();

    const file = path.join(tempDir(), 'back.dossier');
    const report = importQdpxFile(first.bytes, file, 'study.qdpx');
    expect(report.sets).toBe(2);
    expect(membersByName(file)).toEqual({
      Mixed: ['Beta report', 'Gamma news'],
      'Think tanks': ['Alpha paper', 'Beta report'],
    });
    // The round trip hands the same Set GUIDs back, and the description with them.
    const again = openProject(file);
    const second = qdeOf(exportQdpx(again.db, 'Study').bytes).xml;
    closeProject(again);
    const guids = (x: string) =>
      children(child(child(parseXml(x, 'q'), 'Project'), 'Sets'), 'Set').map((s) => [
        attr(s, 'name'),
        attr(s, 'guid'),
      ]);
    expect(guids(second)).toEqual(guids(xml));
    expect(second).toContain('Policy institutes');
  });

  it('take another tool’s sets of documents, naming what they hold that Dossier does not', () => {
    // As MAXQDA writes document sets and ATLAS.ti document groups: braced upper-case GUIDs, a code among the
    // members, a member that is a PDF (not imported) and one that names nothing; a second set of the same name.
    const g = (n: number) => `{0000000${n}-AAAA-4BBB-8CCC-DDDDDDDDDDDD}`;
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Field" origin="MAXQDA 2022">
  <CodeBook><Codes><Code guid="${g(1)}" name="Trade" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${g(2)}" name="Interview 1"><PlainTextContent>We talked about trade.</PlainTextContent></TextSource>
    <TextSource guid="${g(3)}" name="Interview 2"><PlainTextContent>Nothing on trade here.</PlainTextContent></TextSource>
    <PDFSource guid="${g(4)}" name="Report.pdf" path="internal://x.pdf"/>
  </Sources>
  <Sets>
    <Set guid="${g(5)}" name="  Wave   1 "><Description>First wave</Description>
      <MemberCode targetGUID="${g(1)}"/><MemberSource targetGUID="${g(2)}"/><MemberSource targetGUID="${g(4)}"/>
      <MemberSource targetGUID="${g(9)}"/></Set>
    <Set guid="${g(6)}" name="wave 1"><MemberSource targetGUID="${g(3)}"/></Set>
    <Set guid="${g(7)}" name="Codes only"><MemberCode targetGUID="${g(1)}"/></Set>
  </Sets>
</Project>`;
    const file = path.join(tempDir(), 'maxqda.dossier');
    const report = importQdpxFile(zip({ 'project.qde': qde }), file, 'field.qdpx');
    expect(report.sets).toBe(2);
    expect(membersByName(file)).toEqual({ 'Wave 1': ['Interview 1'], 'wave 1 (2)': ['Interview 2'] });
    const lines = [...report.skipped, ...report.problems].map((i) => `${i.kind}: ${i.name}: ${i.reason}`);
    expect(lines).toContain("set: Wave 1: 1 code in it is not imported (Dossier's sets group documents)");
    expect(lines).toContain('set: Wave 1: 2 members are not an imported text source');
    expect(lines).toContain("set: Codes only: 1 code in it is not imported (Dossier's sets group documents)");
    expect(fs.existsSync(file)).toBe(true);
  });
});
