import type { z } from 'zod';
import type { Agreement, AgreementInput } from '../../../shared/api/teamwork';
import { documentText } from '../claims';
import type { Db } from '../db';
import { DossierError } from '../errors';
import {
  type AgreementDoc,
  checkAnalysts,
  chosenDocuments,
  chosenDomains,
  chosenTags,
  type Tag,
} from './agreementData';
import { characterMeasures, type CharacterMeasures } from './characterMeasures';
import { codePointOffsets } from './codePoints';
import { undefinedBecause } from './measure';
import { type SegmentInput, type SegmentRow, segmentRows } from './segments';
import { type MaskTally, type Span, sweep } from './sweep';

// Agreement between analysts over the whole text of the chosen documents (issue 15). Per domain, every character
// (code point) of the chosen documents is a unit that each analyst coded with the domain or not; "overall" pools
// the (domain, character) units of the domains at least one analyst used, i.e. it sums their tallies, so a domain
// nobody used neither inflates nor deflates it. Work is one sweep per document and domain over claim boundaries.

type Output = z.infer<typeof Agreement>;
type Input = z.output<typeof AgreementInput>;

interface Group {
  spans: Span[];
  segments: SegmentInput[];
}

function summary(rows: readonly SegmentRow[]): Output['overall']['segments'] {
  const agreed = rows.reduce((n, r) => n + (r.agreed ? 1 : 0), 0);
  return { total: rows.length, agreed, fraction: rows.length ? agreed / rows.length : null };
}

function fields(m: CharacterMeasures, names: readonly string[], rows: readonly SegmentRow[]) {
  return {
    percentAgreement: m.percentAgreement,
    kappa: m.kappa.value,
    kappaReason: m.kappa.reason,
    alpha: m.alpha.value,
    alphaReason: m.alpha.reason,
    characters: m.characters,
    agreedCharacters: m.agreedCharacters,
    coded: names.map((analyst, i) => ({ analyst, characters: m.coded[i] })),
    pairs: m.pairs,
    segments: summary(rows),
  };
}

/** Tags grouped by document, then domain, with offsets in code points. */
function groupTags(
  db: Db,
  tags: readonly Tag[],
  analystIndex: Map<string, number>,
): Map<number, Map<number, Group>> {
  const byDoc = new Map<number, Tag[]>();
  for (const t of tags) {
    const list = byDoc.get(t.docId);
    if (list) list.push(t);
    else byDoc.set(t.docId, [t]);
  }
  const out = new Map<number, Map<number, Group>>();
  for (const [docId, list] of byDoc) {
    const cp = codePointOffsets(documentText(db, docId));
    const byDomain = new Map<number, Group>();
    for (const t of list) {
      let g = byDomain.get(t.domainId);
      if (!g) byDomain.set(t.domainId, (g = { spans: [], segments: [] }));
      const analyst = analystIndex.get(t.analyst)!;
      const charStart = cp(t.start);
      const charEnd = cp(t.end);
      g.spans.push({ analyst, start: charStart, end: charEnd });
      g.segments.push({
        claimId: t.claimId,
        analyst,
        start: t.start,
        end: t.end,
        charStart,
        charEnd,
        head: t.head,
      });
    }
    out.set(docId, byDomain);
  }
  return out;
}

export function computeAgreement(db: Db, input: Input): Output {
  const names = input.analysts;
  const docs = chosenDocuments(db, input.docIds);
  checkAnalysts(db, names);
  const domains = chosenDomains(db, input);
  const characters = docs.reduce((n, d) => n + d.chars, 0);
  if (characters === 0) {
    throw new DossierError('invalid_input', 'the chosen documents have no text to compare');
  }
  const analystIndex = new Map(names.map((a, i) => [a, i]));
  const tags = chosenTags(db, names, domains, input.docIds ? docs : null);
  const groups = groupTags(db, tags, analystIndex);
  const docById = new Map<number, AgreementDoc>(docs.map((d) => [d.id, d]));
  const order = (a: SegmentInput, b: SegmentInput) =>
    a.start - b.start || a.end - b.end || a.analyst - b.analyst || a.claimId - b.claimId;

  const tallies = new Map<number, MaskTally>(domains.map((d) => [d.id, new Map()]));
  const rowsByDomain = new Map<number, SegmentRow[]>(domains.map((d) => [d.id, []]));
  for (const doc of docs) {
    const byDomain = groups.get(doc.id);
    if (!byDomain) continue;
    for (const d of domains) {
      const g = byDomain.get(d.id);
      if (!g) continue;
      const unions = sweep(g.spans, names.length, tallies.get(d.id)!);
      const rows = segmentRows(g.segments.sort(order), unions, names, input.segmentThreshold, {
        docId: doc.id,
        documentTitle: docById.get(doc.id)!.title,
        domainId: d.id,
        domain: d.name,
      });
      // One by one: push(...rows) would overflow the stack for a document with a few hundred thousand claims.
      const all = rowsByDomain.get(d.id)!;
      for (const r of rows) all.push(r);
    }
  }

  const pooled: MaskTally = new Map();
  const pooledIds: number[] = [];
  const domainRows = domains.map((d) => {
    const tally = tallies.get(d.id)!;
    const used = tally.size > 0;
    if (used) {
      pooledIds.push(d.id);
      for (const [mask, n] of tally) pooled.set(mask, (pooled.get(mask) ?? 0) + n);
    }
    const m = characterMeasures(tally, characters, names);
    return {
      domainId: d.id,
      domain: d.name,
      used,
      ...fields(m, names, rowsByDomain.get(d.id)!),
      percentAgreement: m.percentAgreement ?? 0,
    };
  });
  const none = pooledIds.length
    ? null
    : 'none of the analysts coded any of the chosen domains in the chosen documents';
  const pooledMeasures = characterMeasures(pooled, characters * pooledIds.length, names, 'these domains');
  const overallMeasures = none
    ? { ...pooledMeasures, kappa: undefinedBecause(none), alpha: undefinedBecause(none) }
    : pooledMeasures;
  const allRows = domains.flatMap((d) => rowsByDomain.get(d.id)!);
  allRows.sort((a, b) => a.docId - b.docId || a.start - b.start || a.end - b.end || a.claimId - b.claimId);
  return {
    analysts: names,
    unit: 'character',
    documents: docs.length,
    characters,
    segmentThreshold: input.segmentThreshold,
    domains: domainRows,
    overall: {
      domainIds: pooledIds,
      ...fields(overallMeasures, names, allRows),
      reason: none,
    },
    segments: allRows,
  };
}
