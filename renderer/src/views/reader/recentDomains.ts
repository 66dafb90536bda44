// The domains an analyst tagged with last, per project, most recent first: the tag popover shows them in a group
// of their own above the codebook (their digits stay the codebook's, so that numbers never move). Kept in localStorage because it is a habit of this
// analyst on this machine, not part of the project.

const LIMIT = 5;
const key = (projectPath: string): string => `dossier.recentDomains:${projectPath}`;

export function recentDomains(projectPath: string): number[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(key(projectPath)) ?? '[]');
    return Array.isArray(raw) ? raw.filter((x): x is number => Number.isInteger(x)).slice(0, LIMIT) : [];
  } catch {
    return [];
  }
}

export function rememberDomains(projectPath: string, used: number[]): void {
  const next = [...used, ...recentDomains(projectPath).filter((id) => !used.includes(id))].slice(0, LIMIT);
  try {
    localStorage.setItem(key(projectPath), JSON.stringify(next));
  } catch {
    // Storage full or disabled: the order falls back to the codebook's, nothing else depends on it.
  }
}

export interface Choice<T> {
  domain: T;
  /** The digit that ticks it (1–9), or null. */
  digit: number | null;
}

export interface Choices<T> {
  /** Recently used domains, above the codebook (none while a filter is typed). */
  recent: Choice<T>[];
  /** The codebook in its order, or the filter's matches in that order. */
  listed: Choice<T>[];
  /** What each digit 1–9 ticks: the codebook's first nine, or (while filtering) the first nine matches. */
  byDigit: T[];
}

// The codebook's one ordering (tree order), shared with the core's listDomains.
export { codebookOrder } from '../../../../shared/codebookOrder';

/** What the tag popover lists and what its digits tick, for the codebook (in its order) and a filter. */
export function tagChoices<T extends { id: number; name: string }>(
  codebook: T[],
  recent: number[],
  query: string,
): Choices<T> {
  const q = query.trim().toLowerCase();
  const listed = q ? codebook.filter((d) => d.name.toLowerCase().includes(q)) : codebook;
  const byDigit = listed.slice(0, 9);
  const digitOf = (d: T): number | null => {
    const i = byDigit.indexOf(d);
    return i < 0 ? null : i + 1;
  };
  const recentShown = q
    ? []
    : recent.map((id) => codebook.find((d) => d.id === id)).filter((d) => d !== undefined);
  return {
    recent: recentShown.map((domain) => ({ domain, digit: digitOf(domain) })),
    listed: listed.map((domain) => ({ domain, digit: digitOf(domain) })),
    byDigit,
  };
}
