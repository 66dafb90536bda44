import { lazy } from 'react';

// Every view but the Library loads when it is first opened (issue 14: the first script was 1.8 MB, most of it
// ag-grid, the export and the Markdown code): the Library's first paint needs only the shell and the Library.
// Each is its own chunk; opening a document fetches the Reader's (prefetchReader starts its data meanwhile).

const readerModule = () => import('./reader/ReaderView');
export const ReaderView = lazy(() => readerModule().then((m) => ({ default: m.ReaderView })));

/**
 * Fetches the Reader's chunk once the first view is painted and the page is idle: the Reader is where the analyst
 * goes next, and its chunk (fetched, parsed and evaluated on first use) was most of its cold first paint.
 */
export function warmReader(): void {
  const warm = (): void => void readerModule();
  if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 2_000 });
  else setTimeout(warm, 500);
}
export const GridView = lazy(() => import('./grid/GridView').then((m) => ({ default: m.GridView })));
export const CompareView = lazy(() =>
  import('./compare/CompareView').then((m) => ({ default: m.CompareView })),
);
export const MemosView = lazy(() => import('./memos/MemosView').then((m) => ({ default: m.MemosView })));
export const AgreementView = lazy(() =>
  import('./teamwork/AgreementView').then((m) => ({ default: m.AgreementView })),
);
export const ExportView = lazy(() => import('./export/ExportView').then((m) => ({ default: m.ExportView })));
