import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { sampleProject, tempDir } from '../helpers';

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<WebServer> {
  const webRoot = tempDir();
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Dossier</title>');
  fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');
  server = await startWebServer({ project: sampleProject(), webRoot });
  return server;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  s: WebServer,
  method: string,
  urlPath: string,
  opts: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: s.port,
        method,
        path: urlPath,
        headers: { host: `127.0.0.1:${s.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** An API call as Dossier's own page makes it: token header, JSON body, its own origin. */
function call(
  s: WebServer,
  name: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return request(s, 'POST', `/api/${name}`, {
    body,
    headers: {
      'x-dossier-token': s.token,
      'content-type': 'application/json',
      origin: `http://127.0.0.1:${s.port}`,
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
  });
}

const errorOf = (a: Answer): { code: string; message: string } =>
  (JSON.parse(a.body) as { error: { code: string; message: string } }).error;

describe('web mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    const s = await start();
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
    // Another loopback address reaches the same machine but not the server: it is bound to 127.0.0.1 alone.
    const reached = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: s.port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    expect(reached).toBe(false);
  });

  it('refuses every API call without the token, and with a wrong one', async () => {
    const s = await start();
    const none = await request(s, 'POST', '/api/listDocuments', {
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(none.status).toBe(401);
    expect(errorOf(none).code).toBe('unauthorized');
    expect((await call(s, 'listDocuments', '{}', { 'x-dossier-token': 'nope' })).status).toBe(401);
    expect((await request(s, 'GET', '/?token=nope')).status).toBe(401);
  });

  it('serves the page for the printed URL without putting the token in a cookie', async () => {
    const s = await start();
    const page = await request(s, 'GET', `/?token=${s.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Dossier</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    // The page itself holds no secret (reload without the token in the address): the API calls need it.
    expect((await request(s, 'GET', '/')).status).toBe(200);
    expect(JSON.parse((await call(s, 'listDocuments', '{}')).body).value.rows).toHaveLength(5);
  });

  it('does not take the token from a cookie: other 127.0.0.1 ports would send it too', async () => {
    const s = await start();
    const withCookie = await request(s, 'POST', '/api/listDocuments', {
      body: '{}',
      headers: { 'content-type': 'application/json', cookie: `dossier_token=${s.token}` },
    });
    expect(withCookie.status).toBe(401);
  });

  it('refuses API calls from another origin, even with the token', async () => {
    const s = await start();
    const other = `http://127.0.0.1:${s.port + 1}`;
    const refused: Record<string, string>[] = [
      { origin: other, 'sec-fetch-site': 'same-site' },
      { origin: other },
      { origin: 'null' },
      { origin: `http://localhost:${s.port}` }, // not the origin the Host header names
      { origin: `https://127.0.0.1:${s.port}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
    ];
    for (const headers of refused) {
      const a = await call(s, 'createDomain', '{"name":"from elsewhere"}', headers);
      expect(a.status, JSON.stringify(headers)).toBe(403);
      expect(errorOf(a).code).toBe('forbidden');
    }
    const preflight = await request(s, 'OPTIONS', '/api/createDomain', {
      headers: { origin: other, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const domains = JSON.parse((await call(s, 'listDomains', '{}')).body) as { value: { name: string }[] };
    expect(domains.value.map((d) => d.name)).not.toContain('from elsewhere');
    // A client with the token and no browser headers at all (curl, a script) is let in.
    const curl = await request(s, 'POST', '/api/listDomains', {
      body: '{}',
      headers: { 'x-dossier-token': s.token, 'content-type': 'application/json' },
    });
    expect(curl.status).toBe(200);
  });

  it('accepts only JSON bodies: forms and no-cors fetches cannot send application/json', async () => {
    const s = await start();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const a = await call(s, 'createDomain', '{"name":"posted"}', { 'content-type': type });
      expect(a.status, type).toBe(415);
      expect(errorOf(a).code).toBe('unsupported');
    }
    const untyped = await request(s, 'POST', '/api/createDomain', {
      body: '{"name":"posted"}',
      headers: { 'x-dossier-token': s.token },
    });
    expect(untyped.status).toBe(415);
    const charset = await call(s, 'listDomains', '{}', { 'content-type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(200);
  });

  it('lets other pages link to Dossier but not embed its files', async () => {
    const s = await start();
    const embedded = await request(s, 'GET', '/', {
      headers: { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' },
    });
    expect(embedded.status).toBe(403);
    const framed = await request(s, 'GET', '/', {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' },
    });
    expect(framed.status).toBe(403);
    const linked = await request(s, 'GET', '/', {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
    });
    expect(linked.status).toBe(200);
  });

  it('answers API errors with typed JSON and the right status', async () => {
    const s = await start();
    const notJson = await call(s, 'getDocument', '{oops');
    expect(notJson.status).toBe(400);
    expect(errorOf(notJson).code).toBe('invalid_input');
    expect((await call(s, 'getDocument', '{"id":"x"}')).status).toBe(400);
    const missing = await call(s, 'getDocument', '{"id":999}');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no document with id 999' },
    });
    expect(errorOf(await call(s, 'nope', '{}')).code).toBe('unknown_method');
    expect(
      (await request(s, 'GET', '/api/listDocuments', { headers: { 'x-dossier-token': s.token } })).status,
    ).toBe(405);
  });

  it('answers a malformed percent-escape with 400, in API and page addresses', async () => {
    const s = await start();
    const api = await call(s, 'list%E0Documents', '{}');
    expect(api.status).toBe(400);
    expect(errorOf(api).code).toBe('invalid_input');
    expect((await request(s, 'GET', '/assets/%E0%A4%A.js')).status).toBe(400);
    expect((await request(s, 'GET', '/%00index.html')).status).toBe(400);
  });

  it('refuses a 200,000-deep JSON body with 400 before anything recurses into it', async () => {
    const s = await start();
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    for (const body of [
      `{"grid":"g","state":${deep}}`,
      `{"grid":"g","state":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}`,
    ]) {
      const a = await call(s, 'setGridState', body);
      expect(a.status).toBe(400);
      expect(errorOf(a)).toEqual({
        code: 'invalid_input',
        message: 'setGridState: the input nests deeper than 100 levels',
      });
    }
    // The server still answers, and a reasonable state is kept.
    expect(
      (await call(s, 'setGridState', '{"grid":"g","state":{"columns":[{"id":"a","width":3}]}}')).status,
    ).toBe(200);
  });

  it('rejects foreign Host headers (DNS rebinding) and paths outside the web root', async () => {
    const s = await start();
    const h = { 'x-dossier-token': s.token };
    expect((await request(s, 'GET', '/', { headers: { ...h, host: 'evil.example:80' } })).status).toBe(421);
    const traversal = await request(s, 'GET', '/../secret.txt', { headers: h });
    expect(traversal.body).not.toContain('secret');
    const encoded = await request(s, 'GET', '/%2e%2e/%2e%2e/etc/passwd', { headers: h });
    expect(encoded.body).not.toContain('root:');
  });
});
