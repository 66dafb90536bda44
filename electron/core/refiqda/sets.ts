import type { Db } from '../db';
import { insertSet } from '../sets/sets';
import { normalizeGuid, rememberGuid } from './guids';
import type { ImportIssue, PlanSet } from './plan';
import { attr, child, children, textOf, type XmlNode } from './xml';

// REFI-QDA Sets (MAXQDA's document sets, ATLAS.ti's document groups, NVivo's sets) come in as document sets: their
// MemberSource elements name the documents. Dossier's sets group documents only, so a set's codes and notes are
// reported, not imported; a member that is not an imported source (a PDF, a picture, a GUID of nothing) is said.

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

export function readSets(
  project: XmlNode,
  imported: ReadonlyMap<string, string>,
  skipped: ImportIssue[],
  problems: ImportIssue[],
): PlanSet[] {
  const out: PlanSet[] = [];
  for (const s of children(child(project, 'Sets'), 'Set')) {
    const name = (attr(s, 'name') ?? '').replace(/\s+/g, ' ').trim() || 'Set';
    const guid = normalizeGuid(attr(s, 'guid'));
    const refs = children(s, 'MemberSource').map((m) => normalizeGuid(attr(m, 'targetGUID')));
    const sourceGuids = [...new Set(refs.filter((g): g is string => g !== null && imported.has(g)))];
    const missing = refs.length - refs.filter((g) => g !== null && imported.has(g)).length;
    const codes = children(s, 'MemberCode').length;
    const notes = children(s, 'MemberNote').length;
    if (codes || notes)
      skipped.push({
        kind: 'set',
        name,
        reason: `${[codes ? plural(codes, 'code') : '', notes ? plural(notes, 'note') : ''].filter(Boolean).join(' and ')} in it ${codes + notes === 1 ? 'is' : 'are'} not imported (Dossier's sets group documents)`,
      });
    if (missing)
      problems.push({
        kind: 'set',
        name,
        reason: `${plural(missing, 'member')} ${missing === 1 ? 'is' : 'are'} not an imported text source`,
      });
    // A set of codes or notes only has no documents to group: nothing to make of it.
    if (!sourceGuids.length && !refs.length) continue;
    out.push({ guid, name, description: textOf(s, 'Description').trim(), sourceGuids });
  }
  return out;
}

/** The plan's sets as document sets (inside applyPlan's transaction); a name already taken gets " (2)", … */
export function applySets(db: Db, sets: PlanSet[], docBySource: ReadonlyMap<string, number>): number {
  const taken = db.cached('SELECT 1 FROM document_sets WHERE name = ? COLLATE NOCASE');
  const untracked = { createdSets() {} };
  for (const s of sets) {
    let name = s.name;
    for (let n = 2; taken.get(name); n++) name = `${s.name} (${n})`;
    const docIds = s.sourceGuids.flatMap((g) => docBySource.get(g) ?? []);
    const id = insertSet(db, untracked, name, s.description, docIds);
    if (s.guid) rememberGuid(db, 'set', id, s.guid);
  }
  return sets.length;
}
