import { normalizeGuid } from './guids';
import type { ImportIssue } from './plan';
import { attr, child, children, textOf, type XmlNode } from './xml';

// Notes (memos) reach a passage three ways: a <NoteRef> in the selection, a <NoteRef> in one of its codings, or
// a <Link> between the note and the selection (NVivo's way, in either direction). A note on a source becomes a
// note of the document. A note nothing in Dossier can hold is reported with what it was attached to.

export interface NoteText {
  name: string;
  text: string;
}

export interface NoteBook {
  /** The notes a passage carries, from its (and its codings') NoteRefs and its Links; marks them used. */
  take(selectionGuid: string, refs: XmlNode[]): { guids: string[]; texts: string[] };
  /** The notes a source carries (NoteRefs and Links); marks them used. */
  takeForSource(sourceGuid: string, refs: XmlNode[]): string[];
  /** Remembers where a passage's notes were that Dossier could not keep them ("an uncoded passage in X"). */
  seen(selectionGuid: string, refs: XmlNode[], where: string): void;
  /** Notes attached to passages. */
  used(): number;
  /** Reports every note not kept, and every link that is not between a note and a passage or source. */
  report(skipped: ImportIssue[]): void;
}

export type TextFile = (path: string | undefined, what: string) => string | { missing: string };

/** What a GUID in the file stands for, in the analyst's words ("code Economy"); null when unknown. */
export type Describe = (guid: string) => string | null;

export function readNotes(
  project: XmlNode | undefined,
  fileText: TextFile,
  isSelection: (guid: string) => boolean,
  isSource: (guid: string) => boolean,
  describe: Describe,
  problems: ImportIssue[],
  /** Notes that are memos (memos.ts): they come in as memos, not as any passage's or document's note. */
  memos: ReadonlySet<string> = new Set(),
): NoteBook {
  const notes = new Map<string, NoteText>();
  for (const n of children(child(project, 'Notes'), 'Note')) {
    const guid = normalizeGuid(attr(n, 'guid'));
    const name = attr(n, 'name') ?? 'note';
    if (!guid) {
      problems.push({ kind: 'note', name, reason: 'no valid guid: not imported' });
      continue;
    }
    if (memos.has(guid)) continue;
    let text = textOf(n, 'PlainTextContent');
    if (!text && attr(n, 'plainTextPath')) {
      const t = fileText(attr(n, 'plainTextPath'), `note ${name}`);
      if (typeof t === 'string') text = t;
      else problems.push({ kind: 'note', name, reason: `${t.missing}: its text is not imported` });
    } else if (!text && attr(n, 'richTextPath'))
      problems.push({
        kind: 'note',
        name,
        reason: 'only a rich-text (DOCX) version is given: its text is not imported',
      });
    notes.set(guid, { name, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') });
  }

  const used = new Set<string>();
  const where = new Map<string, Set<string>>();
  const linked = new Map<string, string[]>();
  const otherLinks: ImportIssue[] = [];
  children(child(project, 'Links'), 'Link').forEach((l, i) => {
    const a = normalizeGuid(attr(l, 'originGUID'));
    const b = normalizeGuid(attr(l, 'targetGUID'));
    const note = a && notes.has(a) ? a : b && notes.has(b) ? b : null;
    const other = note === a ? b : a;
    if ((a && memos.has(a)) || (b && memos.has(b))) return;
    if (note && other && (isSelection(other) || isSource(other))) {
      linked.set(other, [...(linked.get(other) ?? []), note]);
      return;
    }
    const ends = [a, b].map((g) => (g ? (describe(g) ?? `an unknown object ${g}`) : 'nothing'));
    otherLinks.push({
      kind: 'link',
      name: attr(l, 'name') ?? `link ${i + 1}`,
      reason: `links ${ends[0]} to ${ends[1]}: Dossier has no links between objects`,
    });
    for (const ref of children(l, 'NoteRef')) {
      const g = normalizeGuid(attr(ref, 'targetGUID'));
      if (g && notes.has(g)) where.set(g, (where.get(g) ?? new Set()).add('a link'));
    }
  });

  const collect = (owner: string, refs: XmlNode[]): string[] => {
    const guids = refs.map((r) => normalizeGuid(attr(r, 'targetGUID')));
    return [...new Set([...guids, ...(linked.get(owner) ?? [])])].filter(
      (g): g is string => g !== null && notes.has(g),
    );
  };
  return {
    take(selectionGuid, refs) {
      const guids = collect(selectionGuid, refs);
      for (const g of guids) used.add(g);
      const texts = guids.map((g) => (notes.get(g) as NoteText).text).filter((t) => t.trim() !== '');
      return { guids, texts };
    },
    takeForSource(sourceGuid, refs) {
      const guids = collect(sourceGuid, refs);
      for (const g of guids) used.add(g);
      return guids.map((g) => (notes.get(g) as NoteText).text).filter((t) => t.trim() !== '');
    },
    seen(selectionGuid, refs, place) {
      for (const g of collect(selectionGuid, refs)) where.set(g, (where.get(g) ?? new Set()).add(place));
    },
    used: () => used.size,
    report(skipped) {
      for (const [guid, n] of notes) {
        if (used.has(guid)) continue;
        const places = [...(where.get(guid) ?? [])];
        const text = n.text.trim();
        const quoted = text ? ` ("${text.length > 120 ? `${text.slice(0, 120)}…` : text}")` : '';
        skipped.push({
          kind: 'note',
          name: n.name,
          reason: `${places.length ? `attached to ${places.join(', ')}` : 'not attached to a coded passage or a document'}${quoted}: not imported (Dossier keeps notes on claims and documents)`,
        });
      }
      skipped.push(...otherLinks);
    },
  };
}
