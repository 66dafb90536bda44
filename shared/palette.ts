// culori/fn with only the two modes used here keeps the renderer's bundle small.
import { differenceEuclidean, modeOklab, modeRgb, useMode as defineMode } from 'culori/fn';

// Paul Tol's "muted" scheme extended with Okabe–Ito colours: distinguishable under the common forms of colour
// blindness, and dark enough to stay visible as underlines on white.
export const DOMAIN_PALETTE = [
  '#332288',
  '#117733',
  '#44AA99',
  '#88CCEE',
  '#DDCC77',
  '#CC6677',
  '#AA4499',
  '#882255',
  '#E69F00',
  '#0072B2',
  '#999933',
  '#D55E00',
  '#56B4E9',
  '#009E73',
] as const;

export function paletteColor(index: number): string {
  return DOMAIN_PALETTE[((index % DOMAIN_PALETTE.length) + DOMAIN_PALETTE.length) % DOMAIN_PALETTE.length];
}

/** A translucent fill of a domain colour for highlights; keeps black text readable. */
export function tint(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

defineMode(modeRgb);
const oklab = defineMode(modeOklab);
const distance = differenceEuclidean('oklab');

/**
 * The colour for a new domain: of the palette colours no domain uses, the one farthest (in OKLab, a perceptual
 * space) from its nearest colour in use, so that it stands apart from the codebook it joins; ties go to palette
 * order. When every palette colour is taken, the same rule over the whole palette, preferring the least used.
 * Colours that do not parse are ignored.
 */
export function distinctColor(used: readonly string[]): string {
  const taken = used.map((c) => oklab(c)).filter((c) => c !== undefined);
  const uses = new Map<string, number>();
  for (const c of used) uses.set(c.toLowerCase(), (uses.get(c.toLowerCase()) ?? 0) + 1);
  const fewest = Math.min(...DOMAIN_PALETTE.map((c) => uses.get(c.toLowerCase()) ?? 0));
  let best: string = DOMAIN_PALETTE[0];
  let bestScore = -1;
  for (const c of DOMAIN_PALETTE) {
    if ((uses.get(c.toLowerCase()) ?? 0) !== fewest) continue;
    const score = taken.length ? Math.min(...taken.map((t) => distance(c, t))) : 0;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
