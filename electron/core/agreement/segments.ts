import type { z } from 'zod';
import type { AgreementSegment } from '../../../shared/api/teamwork';
import { coveredIn, type Union } from './sweep';

// Segment-level agreement as MAXQDA reports it: each claim of an analyst with a domain is a segment, agreed when
// every other analyst coded the same domain over at least the threshold's share of it (their own claims united).
// Unlike the character measures this depends on how passages were cut into claims, which is why both are given.

export type SegmentRow = z.infer<typeof AgreementSegment>;

export interface SegmentInput {
  claimId: number;
  analyst: number;
  start: number;
  end: number;
  charStart: number;
  charEnd: number;
  head: string;
}

const EXCERPT = 80;

/** The first 80 code points of a quote's head, with … when it goes on (a walk, not an array per segment). */
export function excerptOf(head: string): string {
  if (head.length <= EXCERPT) return head;
  let i = 0;
  for (let n = 0; n < EXCERPT && i < head.length; n++) {
    const c = head.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < head.length ? 2 : 1;
  }
  return i < head.length ? `${head.slice(0, i)}…` : head;
}

export function segmentRows(
  segments: readonly SegmentInput[],
  unions: readonly Union[],
  names: readonly string[],
  thresholdPercent: number,
  context: { docId: number; documentTitle: string; domainId: number; domain: string },
): SegmentRow[] {
  return segments.map((s) => {
    const length = s.charEnd - s.charStart;
    const coveredBy: SegmentRow['coveredBy'] = [];
    let agreed = true;
    for (let b = 0; b < names.length; b++) {
      if (b === s.analyst) continue;
      const covered = coveredIn(unions[b], s.charStart, s.charEnd);
      coveredBy.push({ analyst: names[b], fraction: covered / length });
      // Compared in whole numbers where it can be, so that exactly 90 % of 10 characters counts at 90 %.
      if (covered * 100 < thresholdPercent * length) agreed = false;
    }
    return {
      claimId: s.claimId,
      docId: context.docId,
      documentTitle: context.documentTitle,
      domainId: context.domainId,
      domain: context.domain,
      start: s.start,
      end: s.end,
      charStart: s.charStart,
      charEnd: s.charEnd,
      excerpt: excerptOf(s.head),
      analyst: names[s.analyst],
      coveredBy,
      agreed,
    };
  });
}
