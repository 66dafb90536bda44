import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject } from '../../../electron/core/project';
import { exportQdpx } from '../../../electron/core/export/qdpx';
import { attr, child, children, parseXml, textOf, type XmlNode } from '../../../electron/core/refiqda/xml';
import type { QdpxPositions } from '../../../shared/api/exports';
import { buildFixture, type Fixture, sliceCodePoints } from '../export/fixture';
import { canValidate, qdeOf, summary, xsdErrors } from './helpers';

// The .qdpx as other tools read it: positions in the unit the analyst chose, claim notes where QualCoder looks
// for a coding's memo, the project's analyst (qdpxRoundTripExport.test.ts reads it back through our importer).

let f: Fixture;
beforeAll(() => {
  f = buildFixture();
});
afterAll(() => closeProject(f.project));

const UNITS: QdpxPositions[] = ['codepoints', 'utf16'];

function projectOf(positions: QdpxPositions): {
  project: XmlNode;
  files: Record<string, string>;
  xml: string;
} {
  const { xml, files } = qdeOf(exportQdpx(f.project.db, 'Fixture', {}, { positions }).bytes);
  return { project: child(parseXml(xml, 'project.qde'), 'Project') as XmlNode, files, xml };
}

const selectionsOf = (project: XmlNode, files: Record<string, string>) =>
  children(child(project, 'Sources'), 'TextSource').flatMap((s) =>
    children(s, 'PlainTextSelection').map((sel) => ({
      sel,
      text: files[`sources/${attr(s, 'guid')}.txt`],
      start: Number(attr(sel, 'startPosition')),
      end: Number(attr(sel, 'endPosition')),
    })),
  );

const claimRows = (): { quote: string; note: string }[] =>
  f.project.db.prepare('SELECT quote, note FROM claims ORDER BY id').all() as {
    quote: string;
    note: string;
  }[];

describe('.qdpx export: what other tools read of ours', () => {
  it.skipIf(!canValidate)('validates against the REFI-QDA schema in either position unit', () => {
    for (const unit of UNITS) expect(xsdErrors(projectOf(unit).xml, f.dir), unit).toBe('');
  });

  it('counts positions in code points for QualCoder (the default) or UTF-16 code units for NVivo', () => {
    const cp = projectOf('codepoints');
    const u16 = projectOf('utf16');
    expect(attr(cp.project, 'origin')).toBe('Dossier');
    expect(attr(u16.project, 'origin')).toBe('Dossier (positions in UTF-16 code units)');
    const quotes = claimRows().map((c) => c.quote);
    const byCp = selectionsOf(cp.project, cp.files).map((s) => sliceCodePoints(s.text, s.start, s.end));
    const by16 = selectionsOf(u16.project, u16.files).map((s) => s.text.slice(s.start, s.end));
    expect(byCp.sort()).toEqual([...quotes].sort());
    expect(by16.sort()).toEqual([...quotes].sort());
    // After the emoji the two units differ: the choice is not a no-op.
    const starts = (p: typeof cp): number[] => selectionsOf(p.project, p.files).map((s) => s.start);
    expect(starts(u16)).not.toEqual(starts(cp));
    // The default is code points.
    const plain = qdeOf(exportQdpx(f.project.db, 'Fixture').bytes);
    expect(summary(plain.xml, plain.files)).toEqual(summary(cp.xml, cp.files));
    expect(attr(child(parseXml(plain.xml, 'default'), 'Project'), 'origin')).toBe('Dossier');
  });

  it('writes each claim’s note in the selection’s Description (QualCoder’s coding memo) and as a linked Note', () => {
    const { project, files } = projectOf('codepoints');
    const notes = new Map(
      children(child(project, 'Notes'), 'Note').map((n) => [attr(n, 'guid'), textOf(n, 'PlainTextContent')]),
    );
    for (const { sel, text, start, end } of selectionsOf(project, files)) {
      const claim = claimRows().find((c) => c.quote === sliceCodePoints(text, start, end));
      const description = textOf(sel, 'Description');
      const refs = children(sel, 'NoteRef').map((r) => notes.get(attr(r, 'targetGUID')));
      if (claim?.note) {
        expect(description.startsWith(claim.note)).toBe(true);
        expect(refs).toEqual([claim.note]);
      } else {
        expect(refs).toEqual([]);
      }
    }
    const first = selectionsOf(project, files).find((s) => attr(s.sel, 'name')?.startsWith('The alliance'));
    expect(textOf(first?.sel, 'Description')).toBe(
      'Note with <script>alert(1)</script> & *stars*\nsecond line\n\nactor: NATO\nstance: supports\nreliability: B\ncredibility: 2',
    );
  });

  it('names the project’s analyst as Project@creatingUserGUID, one of its Users', () => {
    const { project } = projectOf('codepoints');
    const users = children(child(project, 'Users'), 'User').map((u) => [attr(u, 'guid'), attr(u, 'name')]);
    expect(users.find(([guid]) => guid === attr(project, 'creatingUserGUID'))?.[1]).toBe('Ana Lyst');
  });
});
