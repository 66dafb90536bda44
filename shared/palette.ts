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
