import { useEffect, useState } from 'react';
import { api } from '../../api/client';

// The model's score for each domain on the popover's selection (issue 17). Fetched once when the popover opens and
// only ever shown as a mark beside a domain: the list's order and its digit keys stay the codebook's.

export const STRONG = 0.7;
export const LIKELY = 0.4;

export function useDomainScores(docId: number | undefined, start: number, end: number): Map<number, number> {
  const [scores, setScores] = useState<Map<number, number>>(new Map());
  useEffect(() => {
    if (docId === undefined || end <= start) return;
    let live = true;
    api
      .rankDomains({ docId, start, end })
      .then((r) => live && setScores(new Map(r.map((s) => [s.domainId, s.score]))))
      .catch(() => undefined); // no model yet, or a stale selection: no marks, nothing else changes
    return () => {
      live = false;
    };
  }, [docId, start, end]);
  return scores;
}

export function confidenceLabel(score: number | undefined): 'strong' | 'likely' | null {
  if (score === undefined) return null;
  return score >= STRONG ? 'strong' : score >= LIKELY ? 'likely' : null;
}
