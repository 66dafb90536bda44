// A reliability coefficient is not always defined: with no variation in the data (nobody used a domain, or every
// coder coded everything) κ and α are 0/0. Such a result is a value of null with the reason, never NaN, so that
// every door and the analyst see why there is no number.

export interface Measure {
  value: number | null;
  /** Why value is null; null when it is a number. */
  reason: string | null;
}

export const defined = (value: number): Measure => ({ value, reason: null });
export const undefinedBecause = (reason: string): Measure => ({ value: null, reason });
