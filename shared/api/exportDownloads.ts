import { z } from 'zod';
import { coreMethods } from './core';
import { method } from './method';

// An export handed over as a file instead of base64 in the answer (large exports: the core never holds the file
// whole). The same input as exportExcerpts; the answer names a handle that web mode serves once at
// GET /api-download/<handle> (token and origin checked as for /api) and Electron saves to the analyst's path.

export const PreparedDownload = z.object({
  /** Good for one download, for ten minutes. */
  handle: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  /** Rows, claims, report entries or codes, as exportExcerpts' count. */
  count: z.number().int().nonnegative(),
  /** Bytes. */
  size: z.number().int().nonnegative(),
});
export type PreparedDownload = z.infer<typeof PreparedDownload>;

/** Where web mode serves a prepared export. */
export const DOWNLOAD_PATH = '/api-download/';

export const exportDownloadsMethods = {
  prepareExportDownload: method(coreMethods.exportExcerpts.input, PreparedDownload),
};
