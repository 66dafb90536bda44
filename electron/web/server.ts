import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { disableAutoBackups } from '../core/backups';
import type { Project } from '../core/project';
import { callSessionMethod, projectSession, subscribeSession, type Session } from '../core/projects';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { ApiErrorCode } from '../../shared/errors';
import {
  crossOriginRefusal,
  decodePath,
  isJsonBody,
  safeEqual,
  staticAllowed,
  TOKEN_HEADER,
} from './requestGuard';
import { staticFile } from './staticFiles';
import { clientOrigin, EVENTS_PATH, openEventStream } from './eventStream';
import { takeDownload } from '../core/export/downloads';
import { DOWNLOAD_PATH } from '../../shared/api/exportDownloads';
import { serveDownload } from './download';

const MAX_BODY_BYTES = 512 * 1024 * 1024;

const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  unsupported: 422,
  read_only: 409,
  disk_full: 507,
  internal: 500,
};

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

export interface WebServerOptions {
  /** The data folder's session (`dossier serve`): the project it serves can be switched from the page. */
  session?: Session;
  /** Or one project alone (no project menu); one of the two is needed. */
  project?: Project;
  /** Built renderer (index.html and assets). */
  webRoot: string;
  port?: number;
  token?: string;
  /** Automatic backups of a project given alone (default: on; core/backups/auto.ts); a session has its own. */
  autoBackups?: boolean;
}

const COMMON_HEADERS: http.OutgoingHttpHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Another origin's <img>/<script> of any answer is blocked by the browser, whatever the answer is.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { 'Content-Type': type, ...COMMON_HEADERS, ...extra });
  res.end(body);
}

function sendError(res: http.ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  send(
    res,
    status,
    JSON.stringify({ ok: false, error: { code, message } }),
    'application/json; charset=utf-8',
  );
}

class BodyTooLarge extends Error {}

function failure(message: string): never {
  throw new Error(message);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Web mode: the renderer and the API on 127.0.0.1 only. The page and its assets are the built renderer, the
 * same for everyone; the API needs the per-run token in the X-Dossier-Token header and a request from
 * Dossier's own origin (requestGuard.ts says why no cookie). The printed URL carries the token once
 * (`?token=`); the page moves it into its sessionStorage and out of the address bar.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const webRoot = path.resolve(options.webRoot);
  let port = 0;
  // The app's doors back up automatically (on open, then every few minutes of edits); the session turns them off
  // for a project it closes and on for the one it opens.
  const session =
    options.session ??
    projectSession(
      options.project ?? failure('startWebServer needs a session or a project'),
      options.autoBackups !== false,
    );

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'internal', String(error));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 421, 'Dossier only answers on 127.0.0.1', 'text/plain; charset=utf-8');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return send(res, 400, 'malformed request address', 'text/plain; charset=utf-8');
    }
    if (url.pathname === EVENTS_PATH)
      return openEventStream(req, res, {
        subscribe: (listener) => subscribeSession(session, listener),
        host,
        token,
        refuse: (status, code, message) => sendError(res, status, code, message),
      });
    if (url.pathname.startsWith(DOWNLOAD_PATH))
      return serveDownload(req, res, {
        host,
        token,
        handle: url.pathname.slice(DOWNLOAD_PATH.length),
        take: takeDownload,
        refuse: (status, code, message) => sendError(res, status, code, message),
      });
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(req, res, host, url);
    return handleStatic(req, res, url);
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    host: string,
    url: URL,
  ): Promise<void> {
    const refusal = crossOriginRefusal(req, host);
    if (refusal) return sendError(res, 403, 'forbidden', refusal);
    if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
    const presented = req.headers[TOKEN_HEADER];
    if (!safeEqual(typeof presented === 'string' ? presented : undefined, token))
      return sendError(res, 401, 'unauthorized', 'missing or wrong token: open the URL that Dossier printed');
    if (!isJsonBody(req)) {
      res.setHeader('Accept-Post', 'application/json');
      return sendError(res, 415, 'unsupported', 'send the request body as application/json');
    }
    const name = decodePath(url.pathname.slice('/api/'.length));
    if (name === null)
      return sendError(
        res,
        400,
        'invalid_input',
        'the method name in the address is not valid percent-encoding',
      );
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return sendError(
          res,
          413,
          'invalid_input',
          `the request body is larger than ${MAX_BODY_BYTES / 2 ** 20} MB`,
        );
      return sendError(res, 400, 'invalid_input', 'the request body is not valid JSON');
    }
    const result = await callSessionMethod(session, name, input, clientOrigin(req));
    const status = result.ok ? 200 : STATUS[result.error.code];
    return send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'GET only', 'text/plain', { Allow: 'GET, HEAD' });
    if (!staticAllowed(req))
      return send(res, 403, 'Dossier refuses to be embedded by another page', 'text/plain');
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && !safeEqual(queryToken, token))
      return send(res, 401, 'Wrong token: open the URL that Dossier printed.', 'text/plain; charset=utf-8');
    const pathname = decodePath(url.pathname);
    if (pathname === null) return send(res, 400, 'malformed percent-encoding in the address', 'text/plain');
    const answer = staticFile(webRoot, pathname);
    if (answer.kind === 'outside') return send(res, 404, 'not found', 'text/plain');
    if (answer.kind === 'not_built') return send(res, 503, answer.message, 'text/plain; charset=utf-8');
    send(res, 200, answer.body, answer.type, {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
      // A page that opened Dossier in a new window gets no handle on it.
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // The loopback address only: nothing on the network can reach the server.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise((r) => {
            if (session.project) disableAutoBackups(session.project);
            server.close(() => r());
            // Browsers hold keep-alive connections open; without this, close() waits for them to time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}
