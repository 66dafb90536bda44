// The intersecting claim pairs behind one co-occurrence cell (domain a × domain b), counted and paged without
// visiting every pair: listing a page of a document whose 20,000 claims all overlap must not walk 200 million
// pairs. The claims tagged a or b are sorted by start; the partners of a claim are the claims after it that start
// before it ends (a contiguous run, found by binary search), and of those the ones with the other domain are a
// run of that domain's claims: counting them is two binary searches, and a page is read off directly.

export interface CellClaim {
  id: number;
  docId: number;
  start: number;
  end: number;
  hasA: boolean;
  hasB: boolean;
}

/** The first index in the sorted array at which value ≤ arr[index]. */
function lowerBound(arr: ArrayLike<number>, value: number, from = 0, to = arr.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Total and one page of the pairs (x, y) of claims of one document whose ranges intersect, one tagged a and the
 * other b, each pair once, x the earlier in (start, id) order; in order of document, x's start and id, then y's.
 */
export function pageOverlapPairs(
  claims: CellClaim[],
  offset: number,
  limit: number,
): { total: number; pairs: [CellClaim, CellClaim][] } {
  const sorted = [...claims].sort((x, y) => x.docId - y.docId || x.start - y.start || x.id - y.id);
  const pairs: [CellClaim, CellClaim][] = [];
  let total = 0;
  for (let from = 0; from < sorted.length;) {
    let to = from;
    while (to < sorted.length && sorted[to].docId === sorted[from].docId) to++;
    const doc = sorted.slice(from, to);
    const starts = doc.map((c) => c.start);
    const all = doc.map((_, i) => i);
    const withA = all.filter((i) => doc[i].hasA);
    const withB = all.filter((i) => doc[i].hasB);
    doc.forEach((x, i) => {
      // y's start lies in [x.start, x.end) and y comes after x: positions i+1 … last-1.
      const last = lowerBound(starts, x.end, i + 1);
      const partners = x.hasA && x.hasB ? all : x.hasA ? withB : withA;
      const lo = lowerBound(partners, i + 1);
      const hi = lowerBound(partners, last, lo);
      const n = hi - lo;
      const skip = Math.min(n, Math.max(0, offset - total));
      for (let k = lo + skip; k < hi && pairs.length < limit; k++) pairs.push([x, doc[partners[k]]]);
      total += n;
    });
    from = to;
  }
  return { total, pairs };
}
