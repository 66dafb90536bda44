import type { Measure } from '../../../../shared/api/grids';

export const MEASURES: { id: Measure; label: string; hint: string }[] = [
  { id: 'count', label: 'Claim count', hint: 'Number of claims' },
  { id: 'docs', label: 'Documents', hint: 'Documents with at least one claim' },
  { id: 'coverage', label: 'Coverage %', hint: 'Share of the text covered by claims' },
  { id: 'words', label: 'Words', hint: 'Words covered by claims' },
];

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A matrix value as shown in a cell: integers with separators, coverage with one decimal and a percent sign. */
export function formatValue(measure: Measure, value: number): string {
  return measure === 'coverage' ? `${value.toFixed(1)}%` : integer.format(value);
}

/** Heat-map fill: one hue, stronger with the value; transparent for zero. */
export function heat(value: number, max: number): string | undefined {
  if (!value || max <= 0) return undefined;
  const alpha = 0.08 + 0.52 * Math.min(1, value / max);
  return `rgba(59, 91, 219, ${alpha.toFixed(3)})`;
}
