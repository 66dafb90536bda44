import { normalizeGuid } from './guids';
import { CLAIM_META_KEYS, readMetaLines } from './meta';
import type { NoteBook } from './notes';
import type { ImportIssue, PlanCode, PlanSelection } from './plan';
import { describeReading, type Reading, type SourceText } from './positions';
import type { Probe } from './readingChoice';
import { attr, child, children, textOf, type XmlNode } from './xml';

// A PlainTextSelection becomes one claim per analyst who coded it (Coding@creatingUser, else the selection's
// creator): Dossier's claim has one analyst, and merging two people's codings would lose who coded what.

export interface SelectionContext {
  codes: Map<string, PlanCode>;
  /** The name of a user GUID ('' when none is given). */
  userName: (guid: string | null) => string;
  notes: NoteBook;
}

/** The positions and names of a source's selections, for choosing how to read them. */
export function probesOf(source: XmlNode): Probe[] {
  return children(source, 'PlainTextSelection')
    .map((sel) => ({
      start: Number(attr(sel, 'startPosition')),
      end: Number(attr(sel, 'endPosition')),
      name: attr(sel, 'name') ?? '',
    }))
    .filter((p) => Number.isInteger(p.start) && Number.isInteger(p.end));
}

const short = (s: string): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
};

export function readSelections(
  source: XmlNode,
  name: string,
  text: SourceText,
  reading: Reading,
  ctx: SelectionContext,
  problems: ImportIssue[],
): PlanSelection[] {
  const out: PlanSelection[] = [];
  const length = text.length(reading);
  for (const sel of children(source, 'PlainTextSelection')) {
    const startAttr = attr(sel, 'startPosition');
    const endAttr = attr(sel, 'endPosition');
    let label = `${name}: selection ${startAttr}–${endAttr}`;
    const guid = normalizeGuid(attr(sel, 'guid'));
    if (!guid) {
      problems.push({ kind: 'selection', name: label, reason: 'no valid guid: not imported' });
      continue;
    }
    const start = text.map(Number(startAttr), reading, 'start');
    const end = text.map(Number(endAttr), reading, 'end');
    if (start === null || end === null || end <= start) {
      problems.push({
        kind: 'selection',
        name: label,
        reason: `positions ${startAttr}–${endAttr} do not fall inside the source (0–${length} ${describeReading(reading, text)}): not imported`,
      });
      continue;
    }
    const quote = text.canonical.slice(start, end);
    label = `${name}: “${short(quote)}”`;
    if (quote.trim() === '') {
      problems.push({
        kind: 'selection',
        name: label,
        reason: 'the selection holds only white space: not imported',
      });
      continue;
    }
    const selectionUser = normalizeGuid(attr(sel, 'creatingUser'));
    const byAnalyst = new Map<string, PlanSelection['codings']>();
    const refs = [...children(sel, 'NoteRef')];
    for (const c of children(sel, 'Coding')) {
      refs.push(...children(c, 'NoteRef'));
      const codeGuid = normalizeGuid(attr(child(c, 'CodeRef'), 'targetGUID'));
      const code = codeGuid ? ctx.codes.get(codeGuid) : undefined;
      const codingGuid = normalizeGuid(attr(c, 'guid'));
      if (!code)
        problems.push({
          kind: 'selection',
          name: label,
          reason: 'a coding names a code that is not in the codebook: that coding is not imported',
        });
      else if (!code.codable)
        problems.push({
          kind: 'selection',
          name: label,
          reason: `coded with "${code.name}", which the file marks as not codable (a grouping code): that coding is not imported`,
        });
      else if (!codingGuid)
        problems.push({
          kind: 'selection',
          name: label,
          reason: `its coding with "${code.name}" has no valid guid: that coding is not imported`,
        });
      else {
        const analyst = ctx.userName(normalizeGuid(attr(c, 'creatingUser')) ?? selectionUser);
        const list = byAnalyst.get(analyst) ?? [];
        if (!list.some((x) => x.codeGuid === code.guid)) list.push({ guid: codingGuid, codeGuid: code.guid });
        byAnalyst.set(analyst, list);
      }
    }
    const meta = readMetaLines(textOf(sel, 'Description'), CLAIM_META_KEYS);
    if (byAnalyst.size === 0) {
      ctx.notes.seen(guid, refs, `an uncoded passage in ${name} (“${short(quote)}”)`);
      problems.push({
        kind: 'selection',
        name: label,
        reason: `the selection has no code, and a Dossier claim needs at least one domain: not imported${meta.rest ? ` (its memo: "${short(meta.rest)}")` : ''}`,
      });
      continue;
    }
    const notes = ctx.notes.take(guid, refs);
    // A memo written both as the Description and as a note (Dossier's own files do, for QualCoder) is kept once.
    const memos = [...new Set([meta.rest, ...notes.texts].map((t) => t.trim()).filter(Boolean))];
    const credibility = Number(meta.fields.credibility);
    let first = true;
    for (const [analyst, codings] of byAnalyst) {
      out.push({
        guid,
        keepsGuid: first,
        start,
        end,
        codings,
        note: memos.join('\n\n'),
        noteGuid: first ? (notes.guids[0] ?? null) : null,
        analyst,
        created: attr(sel, 'creationDateTime') ?? null,
        modified: attr(sel, 'modifiedDateTime') ?? null,
        actor: meta.fields.actor ?? '',
        stance: ['supports', 'opposes', 'neutral'].includes(meta.fields.stance) ? meta.fields.stance : null,
        reliability: /^[A-F]$/.test(meta.fields.reliability ?? '') ? meta.fields.reliability : null,
        credibility:
          Number.isInteger(credibility) && credibility >= 1 && credibility <= 6 ? credibility : null,
      });
      first = false;
    }
  }
  return out;
}
