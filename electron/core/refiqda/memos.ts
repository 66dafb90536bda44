import { normalizeGuid } from './guids';
import { readMetaLines } from './meta';
import type { TextFile } from './notes';
import type { ImportIssue, PlanMemo } from './plan';
import { attr, child, children, textOf, type XmlNode } from './xml';

// Which of a file's <Note>s are memos (issue 13), and what each is linked to. A note is a memo when Dossier wrote
// it as one (its Description says "kind: memo"), when the project points to it (Project/NoteRef: a note on the
// project as a whole), or when nothing points to it at all (another tool's research journal). Every other note
// stays what it was before memos existed: a claim's or a document's note (notes.ts).

/** The Description line that marks a note as a memo in the files Dossier writes. */
export const MEMO_KIND = 'memo';

/** Every NoteRef target below `node`, except the Project's own (`skipOwn`). */
function collectRefs(node: XmlNode, into: Set<string>, skipOwn: boolean): void {
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || typeof value !== 'object' || value === null) continue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      if (key === 'NoteRef') {
        if (!skipOwn) {
          const g = normalizeGuid(attr(item, 'targetGUID'));
          if (g) into.add(g);
        }
      } else collectRefs(item, into, false);
    }
  }
}

/** The GUIDs of the notes that are memos. */
export function memoNoteGuids(project: XmlNode | undefined): Set<string> {
  const out = new Set<string>();
  if (!project) return out;
  const referenced = new Set<string>();
  collectRefs(project, referenced, true);
  for (const l of children(child(project, 'Links'), 'Link'))
    for (const end of ['originGUID', 'targetGUID']) {
      const g = normalizeGuid(attr(l, end));
      if (g) referenced.add(g);
    }
  const ofProject = new Set(
    children(project, 'NoteRef').flatMap((r) => normalizeGuid(attr(r, 'targetGUID')) ?? []),
  );
  for (const n of children(child(project, 'Notes'), 'Note')) {
    const guid = normalizeGuid(attr(n, 'guid'));
    if (!guid) continue;
    const kind = readMetaLines(textOf(n, 'Description'), ['kind']).fields.kind;
    if (kind === MEMO_KIND || ofProject.has(guid) || !referenced.has(guid)) out.add(guid);
  }
  return out;
}

export interface MemoContext {
  fileText: TextFile;
  userName: (guid: string | null) => string;
  isSelection: (guid: string) => boolean;
  isSource: (guid: string) => boolean;
}

/** Where memos are pointed to from: the sources and selections whose NoteRefs (or Links) name them. */
function attachments(
  project: XmlNode,
  memos: Set<string>,
  ctx: MemoContext,
): Map<string, { sources: string[]; selections: string[] }> {
  const out = new Map<string, { sources: string[]; selections: string[] }>();
  const add = (memo: string, owner: string, kind: 'sources' | 'selections') => {
    const a = out.get(memo) ?? { sources: [], selections: [] };
    if (!a[kind].includes(owner)) a[kind].push(owner);
    out.set(memo, a);
  };
  const refsOf = (node: XmlNode): string[] =>
    [
      ...children(node, 'NoteRef'),
      ...children(node, 'Coding').flatMap((c) => children(c, 'NoteRef')),
    ].flatMap((r) => normalizeGuid(attr(r, 'targetGUID')) ?? []);
  for (const s of children(child(project, 'Sources'), 'TextSource')) {
    const sg = normalizeGuid(attr(s, 'guid'));
    if (!sg) continue;
    for (const g of children(s, 'NoteRef').flatMap((r) => normalizeGuid(attr(r, 'targetGUID')) ?? []))
      if (memos.has(g)) add(g, sg, 'sources');
    for (const sel of children(s, 'PlainTextSelection')) {
      const selGuid = normalizeGuid(attr(sel, 'guid'));
      if (selGuid) for (const g of refsOf(sel)) if (memos.has(g)) add(g, selGuid, 'selections');
    }
  }
  for (const l of children(child(project, 'Links'), 'Link')) {
    const a = normalizeGuid(attr(l, 'originGUID'));
    const b = normalizeGuid(attr(l, 'targetGUID'));
    const memo = a && memos.has(a) ? a : b && memos.has(b) ? b : null;
    const other = memo === a ? b : a;
    if (!memo || !other) continue;
    if (ctx.isSelection(other)) add(memo, other, 'selections');
    else if (ctx.isSource(other)) add(memo, other, 'sources');
  }
  return out;
}

/** The memos of a file, with their text, author, dates and links, in the file's order. */
export function readMemos(
  project: XmlNode | undefined,
  memos: Set<string>,
  ctx: MemoContext,
  problems: ImportIssue[],
): PlanMemo[] {
  if (!project || memos.size === 0) return [];
  const linked = attachments(project, memos, ctx);
  const out: PlanMemo[] = [];
  for (const n of children(child(project, 'Notes'), 'Note')) {
    const guid = normalizeGuid(attr(n, 'guid'));
    if (!guid || !memos.has(guid)) continue;
    const title = (attr(n, 'name') ?? '').replace(/\s+/g, ' ').trim() || 'Untitled memo';
    let text = textOf(n, 'PlainTextContent');
    if (!text && attr(n, 'plainTextPath')) {
      const t = ctx.fileText(attr(n, 'plainTextPath'), `memo ${title}`);
      if (typeof t === 'string') text = t;
      else problems.push({ kind: 'memo', name: title, reason: `${t.missing}: imported without its text` });
    }
    const { rest } = readMetaLines(textOf(n, 'Description'), ['kind']);
    // Another tool's description of its note is kept under the text rather than lost.
    const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const a = linked.get(guid) ?? { sources: [], selections: [] };
    if (a.sources.length > 1 || a.selections.length > 1)
      problems.push({
        kind: 'memo',
        name: title,
        reason: `linked to ${a.sources.length} sources and ${a.selections.length} passages: a Dossier memo links to one document and one claim, so only the first of each is kept`,
      });
    out.push({
      guid,
      title,
      text: rest ? (body ? `${body}\n\n${rest}` : rest) : body,
      analyst: ctx.userName(normalizeGuid(attr(n, 'creatingUser'))),
      created: attr(n, 'creationDateTime') ?? null,
      modified: attr(n, 'modifiedDateTime') ?? attr(n, 'creationDateTime') ?? null,
      sourceGuid: a.sources[0] ?? null,
      selectionGuid: a.selections[0] ?? null,
    });
  }
  return out;
}
