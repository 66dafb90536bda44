// One sweep over the claim boundaries of one document and domain: which analysts have that stretch coded, never a
// per-character array. Each analyst's overlapping or adjacent claims are united on the way (an analyst's depth of
// open claims > 0 means coded), so splitting a claim in two adjacent ones changes nothing. O(e log e) for e
// boundaries.

export interface Span {
  /** Index of the analyst in the chosen list (0…29: a bit of the mask). */
  analyst: number;
  /** Code-point offsets, start < end. */
  start: number;
  end: number;
}

/** Characters per set of analysts who coded them (bit i = analyst i); the empty set is not counted. */
export type MaskTally = Map<number, number>;

/**
 * Each analyst's coded stretches, united, sorted, with the coded length before each one (for coverage queries).
 * Two stretches may touch (a claim ending where the next begins): coverage counts them the same as one.
 */
export interface Union {
  starts: number[];
  ends: number[];
  /** before[i]: coded characters before starts[i]. */
  before: number[];
}

/** Bits needed for the analyst and the start/end flag below the position in one sortable number. */
const SHIFT = 64;

export function sweep(spans: readonly Span[], analysts: number, tally: MaskTally): Union[] {
  const keys = new Float64Array(spans.length * 2);
  spans.forEach((s, i) => {
    // Ends sort before starts at the same position; either order gives the same lengths.
    keys[2 * i] = s.start * SHIFT + s.analyst * 2 + 1;
    keys[2 * i + 1] = s.end * SHIFT + s.analyst * 2;
  });
  keys.sort();
  const unions: Union[] = Array.from({ length: analysts }, () => ({ starts: [], ends: [], before: [] }));
  const covered = new Array<number>(analysts).fill(0);
  const depth = new Int32Array(analysts);
  let mask = 0;
  let prev = 0;
  for (const key of keys) {
    const pos = Math.floor(key / SHIFT);
    const low = key - pos * SHIFT;
    const a = low >> 1;
    if (pos > prev && mask !== 0) tally.set(mask, (tally.get(mask) ?? 0) + pos - prev);
    prev = pos;
    const u = unions[a];
    if (low & 1) {
      if (depth[a]++ === 0) {
        mask |= 1 << a;
        u.starts.push(pos);
        u.before.push(covered[a]);
      }
    } else if (--depth[a] === 0) {
      mask &= ~(1 << a);
      u.ends.push(pos);
      covered[a] += pos - u.starts[u.starts.length - 1];
    }
  }
  return unions;
}

/** Coded characters of one analyst's union inside [start, end). */
export function coveredIn(u: Union, start: number, end: number): number {
  return codedBefore(u, end) - codedBefore(u, start);
}

function codedBefore(u: Union, x: number): number {
  // Last stretch starting before x.
  let lo = 0;
  let hi = u.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u.starts[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  const i = lo - 1;
  return u.before[i] + Math.min(x, u.ends[i]) - u.starts[i];
}
