import { xmlText } from './xml';

// Dossier's own fields that REFI-QDA has no element for travel as "key: value" lines in a Description, which
// other tools show as a memo and Dossier reads back on import.
export const SOURCE_META_KEYS = ['source', 'author', 'published', 'url'] as const;
export const CLAIM_META_KEYS = ['actor', 'stance', 'reliability', 'credibility'] as const;

export function metaDescription(
  fields: Record<string, string | number | null | undefined>,
): string | undefined {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== null && v !== undefined && String(v) !== '')
    .map(([k, v]) => `${k}: ${String(v).replace(/\s*\n\s*/g, ' ')}`);
  return lines.length ? xmlText(lines.join('\n')) : undefined;
}

/** Splits a Description into the known "key: value" lines and the rest (another tool's memo). */
export function readMetaLines(
  description: string,
  keys: readonly string[],
): { fields: Record<string, string>; rest: string } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const line of description.replace(/\r\n?/g, '\n').split('\n')) {
    const m = /^([a-z]+): (.*)$/.exec(line);
    if (m && keys.includes(m[1]) && !(m[1] in fields)) fields[m[1]] = m[2];
    else rest.push(line);
  }
  return { fields, rest: rest.join('\n').trim() };
}
