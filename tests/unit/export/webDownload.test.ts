import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreparedDownload } from '../../../shared/api/exportDownloads';
import { callMethod } from '../../../electron/core/api/dispatch';
import { excerptRows } from '../../../electron/core/export';
import { saveDownloadTo } from '../../../electron/core/export/downloads';
import type { Project } from '../../../electron/core/project';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { sampleProject, tempDir } from '../helpers';

// A large export leaves the core as a file, not as base64 inside one JSON answer: prepareExportDownload writes it
// to a private temporary file, and web mode streams it once at GET /api-download/<handle>, with the API's token
// and origin rules (a real HTTP server on 127.0.0.1).

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<{ s: WebServer; project: Project }> {
  const webRoot = tempDir();
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Dossier</title>');
  const project = sampleProject();
  server = await startWebServer({ project, webRoot });
  return { s: server, project };
}

const pageHeaders = (s: WebServer): Record<string, string> => ({
  host: `127.0.0.1:${s.port}`,
  'x-dossier-token': s.token,
  'sec-fetch-site': 'same-origin',
});

function request(
  s: WebServer,
  pathname: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function prepare(s: WebServer, input: object): Promise<PreparedDownload> {
  const r = await request(
    s,
    '/api/prepareExportDownload',
    { ...pageHeaders(s), 'content-type': 'application/json' },
    'POST',
    JSON.stringify(input),
  );
  expect(r.status).toBe(200);
  const answer = JSON.parse(r.body.toString('utf8')) as { ok: boolean; value: PreparedDownload };
  expect(answer.ok).toBe(true);
  return answer.value;
}

describe('export downloads in web mode', () => {
  it('prepares an XLSX and serves it once, as an attachment, equal to the export', async () => {
    const { s, project } = await start();
    const d = await prepare(s, { format: 'xlsx' });
    // The answer carries a handle, not the file.
    expect(d).not.toHaveProperty('base64');
    expect(d.count).toBe(excerptRows(project.db).length);
    const r = await request(s, `/api-download/${d.handle}`, pageHeaders(s));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(d.mimeType);
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''/);
    expect(r.body.length).toBe(d.size);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    expect(wb.getWorksheet('All')!.rowCount).toBe(d.count + 1);
    // Good once: the file is gone from the core.
    const again = await request(s, `/api-download/${d.handle}`, pageHeaders(s));
    expect(again.status).toBe(404);
    expect(JSON.parse(again.body.toString('utf8')).error.code).toBe('not_found');
  });

  it('refuses a download without the token, with a wrong one, from another origin or site, and keeps it', async () => {
    const { s } = await start();
    const d = await prepare(s, { format: 'csv' });
    const at = `/api-download/${d.handle}`;
    const { 'x-dossier-token': _token, ...noToken } = pageHeaders(s);
    const refusals = [
      [noToken, 401],
      [{ ...pageHeaders(s), 'x-dossier-token': `${s.token}x` }, 401],
      [{ ...pageHeaders(s), origin: 'http://127.0.0.1:1' }, 403],
      [{ ...pageHeaders(s), 'sec-fetch-site': 'same-site' }, 403],
      [{ ...pageHeaders(s), 'sec-fetch-site': 'cross-site' }, 403],
    ] as const;
    for (const [headers, status] of refusals) {
      const r = await request(s, at, headers);
      expect(r.status, JSON.stringify(headers)).toBe(status);
      expect(r.body.toString('utf8')).not.toContain('document');
    }
    // Not a GET: refused too.
    expect((await request(s, at, pageHeaders(s), 'POST')).status).toBe(405);
    // A made-up or malformed handle: nothing to serve.
    expect((await request(s, '/api-download/AAAAAAAAAAAAAAAAAAAAAAAA', pageHeaders(s))).status).toBe(404);
    expect((await request(s, '/api-download/%E0%A4%A', pageHeaders(s))).status).toBe(404);
    // None of the refusals used it up: the page itself still gets the file.
    const r = await request(s, at, pageHeaders(s));
    expect(r.status).toBe(200);
    expect(r.body.toString('utf8')).toMatch(/^\uFEFF?document,domain,quote/);
  });

  it('saves a prepared export to a chosen path (Electron), atomically, once', async () => {
    const project = sampleProject();
    const r = await callMethod(project, 'prepareExportDownload', { format: 'html' });
    if (!r.ok) throw new Error(r.error.message);
    const { handle } = r.value as PreparedDownload;
    const target = path.join(tempDir(), 'report.html');
    fs.writeFileSync(target, 'old');
    const saved = saveDownloadTo(handle, target);
    expect(saved.size).toBe(fs.statSync(target).size);
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(() => saveDownloadTo(handle, target)).toThrow(/no longer waiting/);
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
