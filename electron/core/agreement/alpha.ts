import { defined, type Measure, undefinedBecause } from './measure';

// Krippendorff's α for nominal data from the coincidence matrix (Krippendorff, "Computing Krippendorff's
// Alpha-Reliability", 2011): each unit with m_u ≥ 2 values adds, for every ordered pair of values from two
// different coders, 1/(m_u − 1) to o[c][k]; units with fewer than two values are not pairable and add nothing.
// α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k, with n_c the row sums of o and n their total.
//
// A unit is given by how many of its values fall in each category, and carries a weight: the character-level
// measures pass one "unit" per pattern of coding with the number of characters showing it, so that a million
// characters cost as much as the handful of patterns they show.

export interface WeightedUnit {
  /** Values per category in this unit (category → how many coders gave it). */
  counts: ReadonlyMap<string, number>;
  /** How many identical units this stands for (1 for an ordinary unit). */
  weight: number;
}

export interface Coincidences {
  categories: string[];
  /** o[c][k], categories in the order of `categories`. */
  o: number[][];
}

export function coincidenceMatrix(units: Iterable<WeightedUnit>): Coincidences {
  const index = new Map<string, number>();
  const o: number[][] = [];
  const place = (c: string): number => {
    let i = index.get(c);
    if (i === undefined) {
      i = index.size;
      index.set(c, i);
      for (const row of o) row.push(0);
      o.push(new Array<number>(i + 1).fill(0));
    }
    return i;
  };
  for (const u of units) {
    let m = 0;
    for (const n of u.counts.values()) m += n;
    if (m < 2 || u.weight === 0) continue;
    const entries = [...u.counts].filter(([, n]) => n > 0);
    for (const [c] of entries) place(c);
    for (const [c, nc] of entries) {
      for (const [k, nk] of entries) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        o[index.get(c)!][index.get(k)!] += (u.weight * pairs) / (m - 1);
      }
    }
  }
  return { categories: [...index.keys()], o };
}

export function nominalAlpha({ o }: Coincidences): Measure {
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  if (n === 0) return undefinedBecause('no unit has values from two coders');
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < o.length; c++) {
    for (let k = 0; k < o.length; k++) {
      if (c === k) continue;
      observed += o[c][k];
      expected += nc[c] * nc[k];
    }
  }
  if (expected === 0) return undefinedBecause('every value is the same: no variation to agree on');
  return defined(1 - ((n - 1) * observed) / expected);
}

/**
 * Units as a reliability-data matrix: rows are coders, columns units, null a missing value (as in Krippendorff's
 * own examples).
 */
export function unitsFromReliabilityData(
  data: readonly (readonly (string | number | null)[])[],
): WeightedUnit[] {
  const width = Math.max(0, ...data.map((r) => r.length));
  const units: WeightedUnit[] = [];
  for (let u = 0; u < width; u++) {
    const counts = new Map<string, number>();
    for (const row of data) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    }
    units.push({ counts, weight: 1 });
  }
  return units;
}
