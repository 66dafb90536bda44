import type { Memo } from '../../../shared/api/memos';
import type { Db } from '../db';
import { listMemos } from '../memos';
import { guidMap } from '../refiqda/guids';
import { MEMO_KIND } from '../refiqda/memos';
import { metaDescription } from '../refiqda/meta';
import { type XmlNode, xmlText } from '../refiqda/xml';

// Memos go out as REFI-QDA Notes (issue 13): a project memo is pointed to by the Project's own NoteRef, a document's
// by its TextSource, a claim's by its PlainTextSelection (both when a memo has both links). "kind: memo" in the
// Note's Description tells Dossier's importer a memo from a claim's note, which also travels as a Note.

export interface MemoNotes {
  /** The Note elements, in the order of the memos. */
  notes: XmlNode[];
  /** NoteRefs for the Project itself. */
  projectRefs: XmlNode[];
  bySource(docId: number): XmlNode[] | undefined;
  bySelection(claimId: number): XmlNode[] | undefined;
}

/**
 * The memos an export carries: every project memo, and each memo linked to an exported document or claim (a memo
 * whose document and claim are both left out by the filter stays out too). `userGuid` adds the analyst to Users.
 */
export function memoNotes(
  db: Db,
  exported: { docIds: ReadonlySet<number>; claimIds: ReadonlySet<number> },
  userGuid: (name: string) => string,
): MemoNotes {
  const memoGuid = guidMap(db, 'memo');
  const bySource = new Map<number, XmlNode[]>();
  const bySelection = new Map<number, XmlNode[]>();
  const notes: XmlNode[] = [];
  const projectRefs: XmlNode[] = [];
  const push = (map: Map<number, XmlNode[]>, key: number, ref: XmlNode) => {
    const list = map.get(key);
    if (list) list.push(ref);
    else map.set(key, [ref]);
  };
  // Oldest first: the order they were written in, as a journal reads.
  const memos: Memo[] = listMemos(db, {}).reverse();
  for (const m of memos) {
    const onDoc = m.docId !== null && exported.docIds.has(m.docId);
    const onClaim = m.claimId !== null && exported.claimIds.has(m.claimId);
    const isProject = m.docId === null && m.claimId === null;
    if (!isProject && !onDoc && !onClaim) continue;
    const guid = memoGuid(m.id);
    const ref = { '@_targetGUID': guid };
    if (isProject) projectRefs.push(ref);
    if (onDoc) push(bySource, m.docId as number, ref);
    if (onClaim) push(bySelection, m.claimId as number, ref);
    const user = m.analyst ? userGuid(m.analyst) : undefined;
    notes.push({
      '@_guid': guid,
      '@_name': xmlText(m.title),
      '@_creatingUser': user,
      '@_creationDateTime': m.createdAt,
      '@_modifyingUser': user,
      '@_modifiedDateTime': m.updatedAt,
      Description: metaDescription({ kind: MEMO_KIND }),
      PlainTextContent: xmlText(m.text),
    });
  }
  return {
    notes,
    projectRefs,
    bySource: (id) => bySource.get(id),
    bySelection: (id) => bySelection.get(id),
  };
}
