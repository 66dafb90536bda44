import crypto from 'node:crypto';
import type http from 'node:http';

// Which requests web mode answers. Cookies do not isolate ports: a page on any other 127.0.0.1 port is
// "same-site" to Dossier and would receive a cookie. So the secret never lives in a cookie; the page keeps it
// (sessionStorage, which is per origin, port included) and sends it as a header, and every API request must
// also come from Dossier's own origin, as the browser's Origin and Sec-Fetch-Site headers tell.

/** The header that carries the per-run token. A custom header also forces a CORS preflight cross-origin. */
export const TOKEN_HEADER = 'x-dossier-token';

export function safeEqual(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * Why an API request must be refused as coming from another origin, or null when it may go on. `host` is the
 * Host header already checked to be Dossier's own (127.0.0.1:<port> or localhost:<port>).
 *
 * A browser sends Origin on every POST and Sec-Fetch-Site on every request; both must say "this page".
 * A request with neither (curl, a script) is not a browser's: it passes here and still needs the token header.
 */
export function crossOriginRefusal(req: http.IncomingMessage, host: string): string | null {
  const origin = header(req, 'origin');
  if (origin !== undefined && origin !== `http://${host}`)
    return `requests from ${origin} are refused: only Dossier's own page may call its API`;
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin')
    return `a ${site} request is refused: only Dossier's own page may call its API`;
  return null;
}

/**
 * Why a GET the page makes with fetch() beside its calls (the change stream, a download) must be refused, or
 * null: the API's origin rule, GET only, and the token header.
 */
export function pageGetRefusal(
  req: http.IncomingMessage,
  host: string,
  token: string,
): { status: 401 | 403 | 405; code: 'unauthorized' | 'forbidden'; message: string } | null {
  const refusal = crossOriginRefusal(req, host);
  if (refusal) return { status: 403, code: 'forbidden', message: refusal };
  if (req.method !== 'GET') return { status: 405, code: 'forbidden', message: 'GET only' };
  const presented = req.headers[TOKEN_HEADER];
  if (!safeEqual(typeof presented === 'string' ? presented : undefined, token))
    return {
      status: 401,
      code: 'unauthorized',
      message: 'missing or wrong token: open the URL that Dossier printed',
    };
  return null;
}

/**
 * Whether a request for the page or its assets may be answered. Other sites may navigate to Dossier (a link
 * opens it in a tab, which then has no token), but may not embed its files as scripts, images or frames.
 */
export function staticAllowed(req: http.IncomingMessage): boolean {
  const site = header(req, 'sec-fetch-site');
  if (site === undefined || site === 'same-origin' || site === 'none') return true;
  return header(req, 'sec-fetch-mode') === 'navigate' && header(req, 'sec-fetch-dest') === 'document';
}

/** Whether the body is declared as JSON: forms and no-cors fetches can only send text/plain and the like. */
export function isJsonBody(req: http.IncomingMessage): boolean {
  const type = header(req, 'content-type');
  return type !== undefined && type.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** decodeURIComponent that answers null for a malformed escape (a client fault) instead of throwing. */
export function decodePath(s: string): string | null {
  try {
    const decoded = decodeURIComponent(s);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}
