// Counting the intersecting claim pairs of one document by the domain sets of their two claims, without visiting
// the pairs: a document whose 20,000 claims all cover the same words has 200 million pairs, and counting them one
// by one (as a self-join does) took half a minute for 5,000 claims. A sweep over the claims' starts and ends keeps
// how many claims of each domain set are open; a claim starting meets every open claim, so it adds, per open set,
// that set's count to the pair (its set, that set). O(n log n + n × distinct open sets) for n claims.
//
// Two claims intersect when each starts before the other ends (ranges are half-open and never empty: a claim
// ending where another starts does not intersect it), as grids/cooccurrence.ts and the summaries always counted.

export interface SetRange {
  start: number;
  end: number;
  /** The claim's sorted domain ids ("1,4"). */
  set: string;
}

/** Up to this many distinct sets in a document, pair counts go in a k × k array (512 KiB at most), else a map. */
export const DENSE_SETS = 256;

/** The pair key of two sets: the lesser string (binary order, as SQLite's min()) first. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Intersecting pairs of the claims, counted per pair of domain sets ("1,4|2" → 3). The claims may come in any
 * order; each unordered pair of different claims counts once.
 */
export function overlappingSetPairs(claims: readonly SetRange[]): Map<string, number> {
  const n = claims.length;
  if (n < 2) return new Map();
  // Sets as small integers, so that the inner loop adds numbers rather than building a key string per pair.
  const idOf = new Map<string, number>();
  const setId = Int32Array.from(claims, (c) => {
    let id = idOf.get(c.set);
    if (id === undefined) idOf.set(c.set, (id = idOf.size));
    return id;
  });
  const k = idOf.size;
  const byStart = Array.from({ length: n }, (_, i) => i).sort((x, y) => claims[x].start - claims[y].start);
  const byEnd = Array.from({ length: n }, (_, i) => i).sort((x, y) => claims[x].end - claims[y].end);
  // Open claims per set, and the sets with any open (a list with each set's place in it, for O(1) removal).
  const openCount = new Int32Array(k);
  const openSets = new Int32Array(k);
  const placeOf = new Int32Array(k);
  let nOpen = 0;
  const counts = k <= DENSE_SETS ? new Float64Array(k * k) : null;
  const sparse = new Map<number, number>();
  let ended = 0;
  for (const i of byStart) {
    const start = claims[i].start;
    // Every claim ending at or before this start began before it (ranges are not empty), so it was opened.
    for (; ended < n && claims[byEnd[ended]].end <= start; ended++) {
      const gone = setId[byEnd[ended]];
      if (--openCount[gone] === 0) {
        const moved = openSets[--nOpen];
        openSets[placeOf[gone]] = moved;
        placeOf[moved] = placeOf[gone];
      }
    }
    const a = setId[i];
    for (let o = 0; o < nOpen; o++) {
      const b = openSets[o];
      const cell = a < b ? a * k + b : b * k + a;
      if (counts) counts[cell] += openCount[b];
      else sparse.set(cell, (sparse.get(cell) ?? 0) + openCount[b]);
    }
    if (openCount[a]++ === 0) {
      placeOf[a] = nOpen;
      openSets[nOpen++] = a;
    }
  }
  const sets = [...idOf.keys()];
  const pairs = new Map<string, number>();
  const add = (cell: number, count: number): void => {
    if (count > 0) pairs.set(pairKey(sets[Math.floor(cell / k)], sets[cell % k]), count);
  };
  if (counts) counts.forEach((count, cell) => add(cell, count));
  else for (const [cell, count] of sparse) add(cell, count);
  return pairs;
}

/** The pairs as a summary's overlap list ("1,4|2:3;2|2:1"), in the order of their keys. */
export function overlapList(pairs: Map<string, number>): string {
  return [...pairs.keys()]
    .sort()
    .map((k) => `${k}:${pairs.get(k)}`)
    .join(';');
}
