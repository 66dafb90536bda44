import type { ClaimSpan, DocumentFull } from '../../../../shared/api';
import { api } from '../../api/client';

// Opening a document starts the Reader's two requests the moment the address changes, rather than once the view
// being left is torn down and the Reader mounted and painted empty (tens of milliseconds, more on a large
// Library). The Reader then takes the answers on their way. Every navigation to a document asks afresh, so what
// is taken is never older than that navigation; an answer nobody took soon after is not used.
const FRESH_MS = 2000;
const pending = new Map<string, { at: number; promise: Promise<unknown> }>();

function put(key: string, promise: Promise<unknown>): void {
  promise.catch(() => undefined); // the Reader reports failures when it takes the promise
  pending.set(key, { at: performance.now(), promise });
}

function take<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = pending.get(key);
  pending.delete(key);
  return hit && performance.now() - hit.at < FRESH_MS ? (hit.promise as Promise<T>) : load();
}

/** Starts loading a document and its claims' spans for the Reader. */
export function prefetchReader(docId: number): void {
  put(`document:${docId}`, api.getDocument({ id: docId }));
  put(`spans:${docId}`, api.listClaimSpans({ docId }));
}

export const loadDocument = (id: number): Promise<DocumentFull> =>
  take(`document:${id}`, () => api.getDocument({ id }));

export const loadClaimSpans = (docId: number): Promise<ClaimSpan[]> =>
  take(`spans:${docId}`, () => api.listClaimSpans({ docId }));
