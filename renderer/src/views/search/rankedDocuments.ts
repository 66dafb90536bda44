import { api } from '../../api/client';
import type { ActiveSearch } from './searchState';

const PAGE = 50;

/**
 * The document `delta` steps from the active one in rank order, fetching the next page of ranked documents when
 * the list known so far ends before the total; past the last it wraps to the first (and back). Null when the
 * active document is the only one.
 */
export async function neighbourDocument(
  search: ActiveSearch,
  delta: 1 | -1,
): Promise<{ docId: number; ranked: number[] } | null> {
  let ranked = search.ranked;
  let at = ranked.indexOf(search.docId);
  if (at < 0) {
    ranked = [search.docId, ...ranked];
    at = 0;
  }
  if (delta === 1 && at === ranked.length - 1 && ranked.length < search.total) {
    const more = await api.searchDocuments({
      query: search.query,
      limit: PAGE,
      offset: ranked.length,
      hits: false,
      ...(search.domainIds?.length ? { domainIds: search.domainIds } : {}),
    });
    const known = new Set(ranked);
    ranked = [...ranked, ...more.results.map((r) => r.docId).filter((id) => !known.has(id))];
  }
  if (ranked.length < 2) return null;
  const next = ranked[(at + delta + ranked.length) % ranked.length];
  return { docId: next, ranked };
}
