import fs from 'node:fs';
import http from 'node:http';
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

function request(
  s: WebServer,
  method: string,
  urlPath: string,
  opts: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
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

describe('web mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    const s = await start();
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('refuses every request without the token, and with a wrong one', async () => {
    const s = await start();
    expect((await request(s, 'GET', '/')).status).toBe(401);
    expect((await request(s, 'POST', '/api/listDocuments', { body: '{}' })).status).toBe(401);
    const wrong = await request(s, 'POST', '/api/listDocuments', {
      body: '{}',
      headers: { 'x-dossier-token': 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect((await request(s, 'GET', '/?token=nope')).status).toBe(401);
  });

  it('exchanges the URL token for a strict cookie, which then authorises requests', async () => {
    const s = await start();
    const first = await request(s, 'GET', `/?token=${s.token}`);
    expect(first.status).toBe(303);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(s, 'GET', '/', { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const api = await request(s, 'POST', '/api/listDocuments', {
      body: '{}',
      headers: { cookie: cookie.split(';')[0] },
    });
    expect(JSON.parse(api.body).value).toHaveLength(5);
  });

  it('answers API errors with typed JSON and the right status', async () => {
    const s = await start();
    const h = { 'x-dossier-token': s.token };
    const notJson = await request(s, 'POST', '/api/getDocument', { body: '{oops', headers: h });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe('invalid_input');
    const invalid = await request(s, 'POST', '/api/getDocument', { body: '{"id":"x"}', headers: h });
    expect(invalid.status).toBe(400);
    const missing = await request(s, 'POST', '/api/getDocument', { body: '{"id":999}', headers: h });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no document with id 999' },
    });
    const unknown = await request(s, 'POST', '/api/nope', { body: '{}', headers: h });
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_method');
    expect((await request(s, 'GET', '/api/listDocuments', { headers: h })).status).toBe(405);
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
