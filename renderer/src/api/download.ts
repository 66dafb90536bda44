import { DOWNLOAD_PATH, type PreparedDownload } from '../../../shared/api/exportDownloads';
import { downloadBytes } from '../views/grid/files';
import { ApiError } from './client';
import { webToken } from './webToken';

/** What became of a prepared export: saved (where, in Electron), or the analyst cancelled the save dialog. */
export type Delivery = { saved: true; path?: string } | { saved: false };

/**
 * Hands a prepared export (prepareExportDownload) to the analyst. Electron: main asks where to save it and copies
 * it there. Web mode: fetched from /api-download/<handle> with the token header (never in the address), then
 * offered as a download; the core streams it from its file, the page holds it as a Blob.
 */
export async function deliverDownload(d: PreparedDownload): Promise<Delivery> {
  const bridge = typeof window !== 'undefined' ? window.dossierBridge : undefined;
  if (bridge?.saveDownload) return bridge.saveDownload(d.handle, d.fileName);
  let response: Response;
  try {
    response = await fetch(`${DOWNLOAD_PATH}${encodeURIComponent(d.handle)}`, {
      credentials: 'omit',
      headers: { 'X-Dossier-Token': webToken() ?? '' },
    });
  } catch {
    throw new ApiError('internal', 'Dossier is not answering: is the server still running?');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError('not_found', body?.error?.message ?? `the download failed (${response.status})`);
  }
  downloadBytes(d.fileName, d.mimeType, await response.blob());
  return { saved: true };
}
