import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { callMethod } from '../core/api/dispatch';
import type { Project } from '../core/project';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const MAX_BODY_BYTES = 512 * 1024 * 1024;
const COOKIE = 'dossier_token';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const STATUS: Record<string, number> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  unsupported: 422,
  internal: 500,
};

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

export interface WebServerOptions {
  project: Project;
  /** Built renderer (index.html and assets). */
  webRoot: string;
  port?: number;
  token?: string;
}

function readCookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function safeEqual(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...extra,
  });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Web mode: the renderer and the API on 127.0.0.1 only. Every request must carry the per-run token, as a
 * header, or as the cookie set when the printed URL (with `?token=`) is first opened.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const webRoot = path.resolve(options.webRoot);
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          500,
          JSON.stringify({ ok: false, error: { code: 'internal', message: String(error) } }),
          'application/json',
        );
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 421, 'Dossier only answers on 127.0.0.1', 'text/plain; charset=utf-8');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null) {
      if (!safeEqual(queryToken, token))
        return send(res, 401, 'Wrong token: open the URL that Dossier printed.', 'text/plain; charset=utf-8');
      url.searchParams.delete('token');
      send(res, 303, '', 'text/plain', {
        Location: url.pathname + url.search,
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return;
    }
    const presented = (req.headers['x-dossier-token'] as string | undefined) ?? readCookie(req, COOKIE);
    if (!safeEqual(presented, token)) {
      send(
        res,
        401,
        JSON.stringify({
          ok: false,
          error: {
            code: 'unauthorized',
            message: 'missing or wrong token: open the URL that Dossier printed',
          },
        }),
        'application/json',
      );
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (error) {
        const message =
          error instanceof SyntaxError
            ? 'the request body is not valid JSON'
            : String((error as Error).message);
        return send(
          res,
          400,
          JSON.stringify({ ok: false, error: { code: 'invalid_input', message } }),
          'application/json',
        );
      }
      const result = await callMethod(options.project, decodeURIComponent(url.pathname.slice(5)), input);
      const status = result.ok ? 200 : (STATUS[result.error.code] ?? 500);
      return send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only', 'text/plain');
    serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel =
      decodeURIComponent(pathname) === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(webRoot, rel);
    if (!file.startsWith(webRoot + path.sep)) return send(res, 404, 'not found', 'text/plain');
    const target =
      fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(webRoot, 'index.html');
    if (!fs.existsSync(target)) {
      return send(
        res,
        503,
        `The renderer is not built (${webRoot} is missing). Run "npm run build".`,
        'text/plain; charset=utf-8',
      );
    }
    send(res, 200, fs.readFileSync(target), MIME[path.extname(target)] ?? 'application/octet-stream', {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            // Browsers hold keep-alive connections open; without this, close() waits for them to time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}
