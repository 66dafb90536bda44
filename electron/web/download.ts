import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { TakenDownload } from '../core/export/downloads';
import { decodePath, pageGetRefusal } from './requestGuard';

// Web mode's half of a prepared export (core/export/downloads.ts): GET /api-download/<handle> streams the file
// from disk to the page, which asked for it with fetch() and the token header (as every call: never in the
// address), from Dossier's own origin. The core's memory holds a 64 KB read buffer of it at a time.

type Refuse = (status: number, code: 'forbidden' | 'unauthorized' | 'not_found', message: string) => void;

/** RFC 6266: an ASCII fallback name and the exact one in UTF-8. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function serveDownload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: {
    host: string;
    token: string;
    /** The handle after the path's prefix, still percent-encoded. */
    handle: string;
    take: (handle: string) => TakenDownload | null;
    refuse: Refuse;
  },
): Promise<void> {
  const refusal = pageGetRefusal(req, options.host, options.token);
  if (refusal) {
    if (refusal.status === 405) res.setHeader('Allow', 'GET');
    return options.refuse(refusal.status, refusal.code, refusal.message);
  }
  const handle = decodePath(options.handle);
  const taken = handle === null ? null : options.take(handle);
  if (!taken)
    return options.refuse(
      404,
      'not_found',
      'this export is no longer waiting to be downloaded: export it again',
    );
  try {
    res.writeHead(200, {
      'Content-Type': taken.mimeType,
      'Content-Length': taken.size,
      'Content-Disposition': contentDisposition(taken.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    await pipeline(fs.createReadStream(taken.file), res);
  } finally {
    taken.release();
  }
}
