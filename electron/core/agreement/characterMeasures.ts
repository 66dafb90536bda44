import type { z } from 'zod';
import type { AgreementPair } from '../../../shared/api/teamwork';
import { coincidenceMatrix, nominalAlpha, type WeightedUnit } from './alpha';
import { binaryKappa } from './kappa';
import { type Measure, undefinedBecause } from './measure';
import type { MaskTally } from './sweep';

// The character-level measures of one domain (or of domains pooled) from its tally: how many characters each set
// of analysts coded. Every character is a unit on which each analyst gave one of two values, coded or not; none is
// missing, since an analyst who did not code a character said it is not that domain.

export interface CharacterMeasures {
  percentAgreement: number | null;
  kappa: Measure;
  alpha: Measure;
  characters: number;
  agreedCharacters: number;
  coded: number[];
  pairs: z.infer<typeof AgreementPair>[];
}

const popcount = (x: number): number => {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
};

/** What the analysts' coding says when a coefficient has no value, in an analyst's words. */
function noVariation(
  codedAny: number,
  codedByAll: number,
  units: number,
  what: string,
  [none, every] = ['no analyst', 'every analyst'],
): string | null {
  if (codedAny === 0) return `${none} coded ${what} in the chosen documents`;
  if (codedByAll === units) return `${every} coded every character with ${what}`;
  return null;
}

/** Measures over `units` characters, of which the tally counts the coded ones, for `names.length` analysts. */
export function characterMeasures(
  tally: MaskTally,
  units: number,
  names: readonly string[],
  what = 'this domain',
): CharacterMeasures {
  const m = names.length;
  const all = m >= 31 ? -1 : (1 << m) - 1;
  const byCount = new Array<number>(m + 1).fill(0);
  const coded = new Array<number>(m).fill(0);
  let codedAny = 0;
  for (const [mask, n] of tally) {
    codedAny += n;
    byCount[popcount(mask)] += n;
    for (let i = 0; i < m; i++) if (mask & (1 << i)) coded[i] += n;
  }
  byCount[0] = units - codedAny;
  const codedByAll = tally.get(all) ?? 0;
  const agreedCharacters = byCount[0] + byCount[m];
  const pairs: CharacterMeasures['pairs'] = [];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let both = 0;
      for (const [mask, n] of tally) if (mask & (1 << i) && mask & (1 << j)) both += n;
      const onlyFirst = coded[i] - both;
      const onlySecond = coded[j] - both;
      const neither = units - both - onlyFirst - onlySecond;
      const reason = noVariation(both + onlyFirst + onlySecond, both, units, what, [
        'neither analyst',
        'both analysts',
      ]);
      const kappa = reason ? undefinedBecause(reason) : binaryKappa(both, onlyFirst, onlySecond, neither);
      pairs.push({
        analysts: [names[i], names[j]],
        percentAgreement: units ? (both + neither) / units : null,
        kappa: kappa.value,
        kappaReason: kappa.reason,
        both,
        onlyFirst,
        onlySecond,
        neither,
      });
    }
  }
  const reason = units === 0 ? 'no characters' : noVariation(codedAny, codedByAll, units, what);
  const kappa: Measure = reason
    ? undefinedBecause(reason)
    : m === 2
      ? { value: pairs[0].kappa, reason: pairs[0].kappaReason }
      : undefinedBecause(`Cohen's κ compares two analysts; with ${m}, see κ for each pair`);
  const patterns: WeightedUnit[] = byCount.map((weight, k) => ({
    counts: new Map([
      ['coded', k],
      ['not coded', m - k],
    ]),
    weight,
  }));
  const alpha = reason ? undefinedBecause(reason) : nominalAlpha(coincidenceMatrix(patterns));
  return {
    percentAgreement: units ? agreedCharacters / units : null,
    kappa,
    alpha,
    characters: units,
    agreedCharacters,
    coded,
    pairs,
  };
}
