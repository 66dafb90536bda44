import { lazy } from 'react';

// Every view but the Library loads when it is first opened (issue 14: the first script was 1.8 MB, most of it
// ag-grid, the export and the Markdown code): the Library's first paint needs only the shell and the Library.
// Each is its own chunk; opening a document fetches the Reader's (prefetchReader starts its data meanwhile).

export const ReaderView = lazy(() => import('./reader/ReaderView').then((m) => ({ default: m.ReaderView })));
export const GridView = lazy(() => import('./grid/GridView').then((m) => ({ default: m.GridView })));
export const CompareView = lazy(() =>
  import('./compare/CompareView').then((m) => ({ default: m.CompareView })),
);
export const MemosView = lazy(() => import('./memos/MemosView').then((m) => ({ default: m.MemosView })));
export const AgreementView = lazy(() =>
  import('./teamwork/AgreementView').then((m) => ({ default: m.AgreementView })),
);
export const ExportView = lazy(() => import('./export/ExportView').then((m) => ({ default: m.ExportView })));
