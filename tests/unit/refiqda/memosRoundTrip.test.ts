import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportQdpx } from '../../../electron/core/export/qdpx';
import { closeProject, openProject } from '../../../electron/core/project';
import { importQdpxFile } from '../../../electron/core/refiqda/importQdpx';
import { attr, child, children, parseXml, type XmlNode } from '../../../electron/core/refiqda/xml';
import { tempDir } from '../helpers';
import { caller, memoProject } from '../memos/project';
import { canValidate, qdeOf, xsdErrors, zip } from './helpers';

// Memos travel as REFI-QDA Notes (issue 13): the project's through Project/NoteRef, a document's through its
// TextSource's NoteRef, a claim's through its PlainTextSelection's; a claim's own note stays the claim's note.

const MEMOS = `SELECT m.title, m.text, m.analyst, m.created_at, m.updated_at, d.title AS doc, c.quote AS claim
  FROM memos m LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN claims c ON c.id = m.claim_id
  ORDER BY m.title`;

async function studyWithMemos() {
  const { p, docId, claimId, call } = memoProject();
  await call('updateSettings', { analyst: 'Ana Lyst' });
  await call('updateClaim', { id: claimId, note: 'the claim’s own note' });
  await call('addMemo', {
    title: 'Journal',
    text: '# Week 1\n\n- read *everything*\n- <b>not HTML</b> & more',
  });
  await call('addMemo', { title: 'On the report', text: 'Its sources are thin.', docId });
  await call('addMemo', { title: 'Officers', text: 'Why officers?', claimId });
  await call('addMemo', { title: 'Both', text: 'linked twice', docId, claimId });
  return { p, docId, claimId };
}

describe('memos through .qdpx', () => {
  it('writes project, document and claim memos as Notes with NoteRefs, valid against the schema', async () => {
    const { p } = await studyWithMemos();
    const { xml } = qdeOf(exportQdpx(p.db, 'Study').bytes);
    const project = child(parseXml(xml, 'project.qde'), 'Project') as XmlNode;
    const notes = children(child(project, 'Notes'), 'Note');
    const byName = new Map(notes.map((n) => [attr(n, 'name'), attr(n, 'guid')]));
    expect([...byName.keys()]).toEqual([
      'Note on “exchange of officers”',
      'Journal',
      'On the report',
      'Officers',
      'Both',
    ]);
    const refs = (node: XmlNode | undefined) => children(node, 'NoteRef').map((r) => attr(r, 'targetGUID'));
    expect(refs(project)).toEqual([byName.get('Journal')]);
    const source = children(child(project, 'Sources'), 'TextSource').find(
      (s) => attr(s, 'name') === 'Exchange report',
    );
    expect(refs(source)).toEqual([byName.get('On the report'), byName.get('Both')]);
    const sel = child(source, 'PlainTextSelection');
    expect(refs(sel)).toEqual([
      byName.get('Note on “exchange of officers”'),
      byName.get('Officers'),
      byName.get('Both'),
    ]);
    const users = children(child(project, 'Users'), 'User');
    const journal = notes.find((n) => attr(n, 'name') === 'Journal') as XmlNode;
    expect(users.find((u) => attr(u, 'guid') === attr(journal, 'creatingUser'))?.['@_name']).toBe('Ana Lyst');
    if (canValidate) expect(xsdErrors(xml, tempDir())).toBe('');
    closeProject(p);
  });

  it('comes back through the importer as the same memos, links, authors, dates and GUIDs; claim notes stay notes', async () => {
    const { p } = await studyWithMemos();
    const bytes = exportQdpx(p.db, 'Study').bytes;
    const target = path.join(tempDir(), 'Copy.dossier');
    const report = importQdpxFile(bytes, target, 'Study.qdpx');
    expect(report).toMatchObject({ memos: 4, claims: 1, problems: [], skipped: [] });
    const copy = openProject(target);
    try {
      expect(copy.db.prepare(MEMOS).all()).toEqual(p.db.prepare(MEMOS).all());
      expect(copy.db.prepare('SELECT note FROM claims').pluck().all()).toEqual(['the claim’s own note']);
      // Out again: the same Notes with the same GUIDs.
      const notesOf = (b: Uint8Array) =>
        children(child(child(parseXml(qdeOf(b).xml, 'x'), 'Project'), 'Notes'), 'Note').map((n) => [
          attr(n, 'guid'),
          attr(n, 'name'),
        ]);
      expect(notesOf(exportQdpx(copy.db, 'Study').bytes)).toEqual(notesOf(bytes));
      // Memos that came in are memos like any other: searchable, listed per document.
      const call = caller(copy);
      expect((await call('searchMemos', { query: 'thin' })).map((h) => h.memo.title)).toEqual([
        'On the report',
      ]);
    } finally {
      closeProject(copy);
    }
    closeProject(p);
  });

  it('leaves out memos of documents the export leaves out, and keeps the project’s', async () => {
    const { p } = await studyWithMemos();
    const other = p.db.prepare("SELECT id FROM documents WHERE title = 'Other'").pluck().get() as number;
    const { xml } = qdeOf(exportQdpx(p.db, 'Study', { docIds: [other] }).bytes);
    const names = children(child(child(parseXml(xml, 'x'), 'Project'), 'Notes'), 'Note').map((n) =>
      attr(n, 'name'),
    );
    expect(names).toEqual(['Journal']);
    closeProject(p);
  });

  it('imports another tool’s project notes as memos: Project/NoteRef and notes nothing points to', () => {
    const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Other tool" origin="MAXQDA 2024">
 <Users><User guid="${G(1)}" name="Kim"/></Users>
 <CodeBook><Codes><Code guid="${G(10)}" name="Trade" isCodable="true"/></Codes></CodeBook>
 <Sources><TextSource guid="${G(20)}" name="Doc"><PlainTextContent>Trade grew fast.</PlainTextContent>
  <PlainTextSelection guid="${G(30)}" startPosition="0" endPosition="5"><Coding guid="${G(40)}"><CodeRef targetGUID="${G(10)}"/></Coding><NoteRef targetGUID="${G(52)}"/></PlainTextSelection>
 </TextSource></Sources>
 <Notes>
  <Note guid="${G(50)}" name="Research diary" creatingUser="${G(1)}" creationDateTime="2024-05-01T10:00:00Z"><PlainTextContent>Day one.</PlainTextContent></Note>
  <Note guid="${G(51)}" name="Loose idea"><PlainTextContent>Check the tariffs.</PlainTextContent></Note>
  <Note guid="${G(52)}" name="Coding note"><PlainTextContent>on the passage</PlainTextContent></Note>
 </Notes>
 <NoteRef targetGUID="${G(50)}"/>
</Project>`;
    const target = path.join(tempDir(), 'Other.dossier');
    const report = importQdpxFile(zip({ 'project.qde': qde }), target, 'other.qdpx');
    expect(report).toMatchObject({ memos: 2, notes: 1, skipped: [], problems: [] });
    const copy = openProject(target);
    try {
      expect(copy.db.prepare(MEMOS).raw().all()).toEqual([
        ['Loose idea', 'Check the tariffs.', '', expect.any(String), expect.any(String), null, null],
        ['Research diary', 'Day one.', 'Kim', '2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z', null, null],
      ]);
      expect(copy.db.prepare('SELECT note FROM claims').pluck().all()).toEqual(['on the passage']);
    } finally {
      closeProject(copy);
    }
  });
});
