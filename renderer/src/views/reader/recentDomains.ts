// The domains an analyst tagged with last, per project, most recent first: the tag popover lists them first so
// that the usual two or three are always under keys 1–3. Kept in localStorage because it is a habit of this
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

/** The codebook with the recently used domains first (in recency order), the rest in codebook order. */
export function recentFirst<T extends { id: number }>(domains: T[], recent: number[]): T[] {
  const rank = new Map(recent.map((id, i) => [id, i]));
  const first = domains.filter((d) => rank.has(d.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return [...first, ...domains.filter((d) => !rank.has(d.id))];
}
