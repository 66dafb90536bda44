import { defined, type Measure, undefinedBecause } from './measure';

// Cohen's κ for two coders from their contingency table: κ = (pₒ − pₑ)/(1 − pₑ), pₒ the share of units on which
// they agree and pₑ the agreement expected by chance from each coder's own distribution of categories.

/** table[i][j]: units the first coder put in category i and the second in j (same categories on both axes). */
export function cohenKappa(table: readonly (readonly number[])[]): Measure {
  const k = table.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const x = table[i][j] ?? 0;
      n += x;
      rows[i] += x;
      cols[j] += x;
      if (i === j) agree += x;
    }
  }
  if (n === 0) return undefinedBecause('no units');
  const po = agree / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i] / n) * (cols[i] / n);
  // Both coders always chose the same single category: chance alone explains all agreement.
  if (pe >= 1)
    return undefinedBecause('both analysts gave every unit the same value: no variation to agree on');
  return defined((po - pe) / (1 - pe));
}

/** κ for a coded / not coded decision: both, only the first, only the second, neither. */
export function binaryKappa(both: number, onlyFirst: number, onlySecond: number, neither: number): Measure {
  return cohenKappa([
    [both, onlyFirst],
    [onlySecond, neither],
  ]);
}
