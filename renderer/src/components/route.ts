import { useCallback, useEffect, useRef, useState } from 'react';

export const VIEWS = ['library', 'reader', 'grid', 'compare', 'export', 'memos', 'agreement'] as const;
export type View = (typeof VIEWS)[number];

/** Where the analyst is: kept in the URL hash so that links into the Reader work and a reload keeps the place. */
export interface Route {
  view: View;
  docId?: number;
  claimId?: number;
  /** Compare: the two documents. */
  a?: number;
  b?: number;
  /** Compare: a third and a fourth document. */
  c?: number;
  d?: number;
  /** Memos: the memo open; or, for a new one, the document it is about (with claimId, the claim). */
  memoId?: number;
  memoDocId?: number;
}

function positiveInt(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path, query = ''] = body.split('?');
  const [first, second] = path.split('/');
  const params = new URLSearchParams(query);
  const view = (VIEWS as readonly string[]).includes(first) ? (first as View) : 'library';
  return {
    view,
    docId: view === 'reader' ? positiveInt(second) : undefined,
    claimId: positiveInt(params.get('claim')),
    a: positiveInt(params.get('a')),
    b: positiveInt(params.get('b')),
    c: positiveInt(params.get('c')),
    d: positiveInt(params.get('d')),
    memoId: view === 'memos' ? positiveInt(params.get('memo')) : undefined,
    memoDocId: view === 'memos' ? positiveInt(params.get('doc')) : undefined,
  };
}

export function formatRoute(route: Route): string {
  const params = new URLSearchParams();
  if (route.claimId) params.set('claim', String(route.claimId));
  if (route.a) params.set('a', String(route.a));
  if (route.b) params.set('b', String(route.b));
  if (route.c) params.set('c', String(route.c));
  if (route.d) params.set('d', String(route.d));
  if (route.view === 'memos' && route.memoId) params.set('memo', String(route.memoId));
  if (route.view === 'memos' && route.memoDocId) params.set('doc', String(route.memoDocId));
  const query = params.toString();
  const path = route.view === 'reader' && route.docId ? `reader/${route.docId}` : route.view;
  return `#/${path}${query ? `?${query}` : ''}`;
}

export function readerHref(docId: number, claimId?: number): string {
  return formatRoute({ view: 'reader', docId, claimId });
}

/**
 * The route, from the address. `onDocument` is called as soon as the address names a document other than the
 * one before (and for the first address), before React renders anything: a view can start loading it then.
 */
export function useHashRoute(onDocument?: (docId: number) => void): [Route, (route: Route) => void] {
  const docRef = useRef<number | undefined>(undefined);
  const parse = useCallback(
    (hash: string): Route => {
      const next = parseHash(hash);
      if (next.docId && next.docId !== docRef.current) onDocument?.(next.docId);
      docRef.current = next.docId;
      return next;
    },
    [onDocument],
  );
  const [route, setRoute] = useState<Route>(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [parse]);
  const navigate = useCallback(
    (next: Route) => {
      const hash = formatRoute(next);
      if (hash !== window.location.hash) window.location.hash = hash;
      else setRoute(parse(hash));
    },
    [parse],
  );
  return [route, navigate];
}
