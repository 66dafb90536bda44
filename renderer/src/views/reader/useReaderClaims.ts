import { useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { Claim, ClaimSpan, Domain } from '../../../../shared/api';
import { api, errorMessage } from '../../api/client';
import { useChangeVersion } from '../../api/useChanges';
import { assignLanes } from './blocks';
import type { ClaimMark } from './DocumentText';
import { loadClaimSpans } from './prefetch';

const sameIds = (a: number[], b: number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const byPosition = (a: Claim, b: Claim): number => a.start - b.start || a.end - b.end || a.id - b.id;

/** A new claim into a list in text order: a binary search, not a sort of 10,000 claims. */
export function insertSorted(claims: Claim[], claim: Claim): Claim[] {
  let lo = 0;
  let hi = claims.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPosition(claims[mid], claim) < 0) lo = mid + 1;
    else hi = mid;
  }
  return [...claims.slice(0, lo), claim, ...claims.slice(lo)];
}

export interface ReaderClaims {
  /** The open document's claims, in text order, once loaded (a previous document's until then: see visible). */
  claims: Claim[];
  setClaims: Dispatch<SetStateAction<Claim[]>>;
  /** The open document's claims that pass the domain filter. */
  visible: Claim[];
  /** What the highlights show: the visible claims, or their spans while the full claims are on their way. */
  painted: ClaimSpan[];
  claimsLoaded: boolean;
  /** The open document's highlights can be painted: its spans (or its full claims) have arrived. */
  spansReady: boolean;
  marks: ClaimMark[];
  laneCount: number;
}

/**
 * Names the Reader's claim list for handledBy: the Reader applies its own creates, edits and deletes to the list
 * at once, so that their change events do not fetch the whole list again.
 */
export const READER_CLAIMS = 'reader-claims';

/** The open document's claims for the Reader, and the highlight marks drawn from them. */
export function useReaderClaims(
  docId: number | undefined,
  domainFilter: number | null,
  domainById: Map<number, Domain>,
  onError: (message: string) => void,
): ReaderClaims {
  const [claims, setClaims] = useState<Claim[]>([]);
  // Which document `claims` belongs to; until its full claims arrive, the highlights are painted from the spans.
  const [claimsDoc, setClaimsDoc] = useState<number | null>(null);
  const [spans, setSpans] = useState<{ docId: number; list: ClaimSpan[] } | null>(null);
  // Reloaded for changes to this document's claims only (another window's edit, an undo, a merge of domains).
  const version = useChangeVersion({ tables: ['claims', 'claim_domains'], docId }, READER_CLAIMS);

  // A dense document's full claims are megabytes; their spans a tenth of that. Both are asked for at once and the
  // spans, arriving first, paint the highlights while the cards wait for the rest.
  useEffect(() => {
    if (!docId) return;
    let live = true;
    loadClaimSpans(docId)
      .then((list) => live && setSpans({ docId, list }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [docId]);

  useEffect(() => {
    if (!docId) return;
    let live = true;
    api
      .listClaims({ docId })
      .then((cs) => {
        if (!live) return;
        setClaims(cs.sort(byPosition));
        setClaimsDoc(docId);
      })
      .catch((e: unknown) => live && onError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [docId, version, onError]);

  const visible = useMemo(
    () =>
      claims.filter(
        (c) => c.docId === docId && (domainFilter === null || c.domainIds.includes(domainFilter)),
      ),
    [claims, docId, domainFilter],
  );
  const claimsLoaded = claimsDoc === docId;
  const painted = useMemo<ClaimSpan[]>(() => {
    if (claimsLoaded || !spans || spans.docId !== docId) return visible;
    return domainFilter === null ? spans.list : spans.list.filter((c) => c.domainIds.includes(domainFilter));
  }, [claimsLoaded, spans, docId, domainFilter, visible]);
  // One mark per claim, reused while the claim's offsets, domains and lane are unchanged: a new claim makes one
  // new mark, not 10,000, and the full claims replacing their spans make none (the marks keep their identity, so
  // the text does not render again).
  // Compared field by field, not through a string key per claim: with 10,000 claims, building the keys cost
  // more than the rest of a new claim's render.
  const markCache = useRef({
    domainById,
    byId: new Map<number, { mark: ClaimMark; domainIds: number[] }>(),
    out: [] as ClaimMark[],
    count: 0,
  });
  const [marks, laneCount] = useMemo((): [ClaimMark[], number] => {
    const { lanes, count } = assignLanes(painted);
    const last = markCache.current;
    const byId = new Map<number, { mark: ClaimMark; domainIds: number[] }>();
    const previous = last.domainById === domainById ? last.byId : byId;
    let same = previous === last.byId && painted.length === last.out.length && count === last.count;
    const out = painted.map((c, i) => {
      const lane = lanes.get(c.id) ?? 0;
      const had = previous.get(c.id);
      let mark =
        had &&
        had.mark.start === c.start &&
        had.mark.end === c.end &&
        had.mark.lane === lane &&
        sameIds(had.domainIds, c.domainIds)
          ? had.mark
          : undefined;
      if (!mark) {
        const domains = c.domainIds.map((id) => domainById.get(id));
        const colors = domains.map((d) => d?.color ?? '#888888');
        const label = domains.map((d) => d?.name ?? 'unknown domain').join(', ');
        mark = {
          id: c.id,
          start: c.start,
          end: c.end,
          colors,
          label,
          lane,
          key: `${c.start}:${c.end}:${lane}:${colors}:${label}`,
        };
      }
      byId.set(c.id, { mark, domainIds: c.domainIds });
      same &&= last.out[i] === mark;
      return mark;
    });
    if (same) return [last.out, last.count];
    markCache.current = { domainById, byId, out, count };
    return [out, count];
  }, [painted, domainById]);

  const spansReady = claimsLoaded || spans?.docId === docId;
  return { claims, setClaims, visible, painted, claimsLoaded, spansReady, marks, laneCount };
}
