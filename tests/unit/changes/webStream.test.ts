import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../shared/api/changes';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { sampleProject, tempDir } from '../helpers';

// Web mode's change stream over a real HTTP server on 127.0.0.1: a second page hears of an edit made by the
// first, the first is not sent its own edit again, and the stream obeys the API's token and origin rules.

let server: WebServer | null = null;
const open: http.ClientRequest[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) r.destroy();
  await server?.close();
  server = null;
});

async function start(): Promise<WebServer> {
  const webRoot = tempDir();
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Dossier</title>');
  server = await startWebServer({ project: sampleProject(), webRoot });
  return server;
}

const pageHeaders = (s: WebServer, client: string): Record<string, string> => ({
  host: `127.0.0.1:${s.port}`,
  'x-dossier-token': s.token,
  'x-dossier-client': client,
  'sec-fetch-site': 'same-origin',
});

interface Stream {
  status: number;
  body: () => string;
  events: StreamEvent[];
  /** Resolves once an event passing `test` has arrived. */
  next: (test: (e: StreamEvent) => boolean) => Promise<StreamEvent>;
}

function openStream(s: WebServer, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, path: '/api-events', headers }, (res) => {
      let body = '';
      const events: StreamEvent[] = [];
      const waiting: { test: (e: StreamEvent) => boolean; done: (e: StreamEvent) => void }[] = [];
      res.setEncoding('utf8');
      const stream: Stream = {
        status: res.statusCode ?? 0,
        body: () => body,
        events,
        next: (test) =>
          new Promise((done) => {
            const had = events.find(test);
            if (had) done(had);
            else waiting.push({ test, done });
          }),
      };
      let first = true;
      res.on('data', (chunk: string) => {
        body += chunk;
        for (const block of body.split('\n\n').slice(events.length + 1, -1)) {
          const line = block.split('\n').find((l) => l.startsWith('data: '));
          if (!line) continue;
          const e = JSON.parse(line.slice(6)) as StreamEvent;
          events.push(e);
          for (const w of waiting.filter((x) => x.test(e))) w.done(e);
        }
        if (first) {
          first = false;
          resolve(stream);
        }
      });
      res.on('end', () => first && resolve(stream));
    });
    req.on('error', reject);
    open.push(req);
    req.end();
  });
}

/** A call as a Dossier page makes it (Node's fetch sets Host itself). */
async function callAs(s: WebServer, client: string, name: string, input: unknown): Promise<unknown> {
  const { host: _host, ...headers } = pageHeaders(s, client);
  const r = await fetch(`http://127.0.0.1:${s.port}/api/${name}`, {
    method: 'POST',
    headers: { ...headers, origin: `http://127.0.0.1:${s.port}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return r.json();
}

describe('web mode change stream', () => {
  it("a second page receives the first page's edit; the first gets it in its answer only", async () => {
    const s = await start();
    const first = await openStream(s, pageHeaders(s, 'page-one-1234'));
    const second = await openStream(s, pageHeaders(s, 'page-two-1234'));
    expect(first.status).toBe(200);
    const docs = {
      value: (
        (await callAs(s, 'page-one-1234', 'listDocuments', {})) as { value: { rows: { id: number }[] } }
      ).value.rows,
    };
    const domains = (await callAs(s, 'page-one-1234', 'listDomains', {})) as {
      value: { id: number; codable: boolean }[];
    };
    const answer = (await callAs(s, 'page-one-1234', 'createClaim', {
      docId: docs.value[0].id,
      start: 0,
      end: 4,
      domainIds: [domains.value.find((d) => d.codable)!.id],
    })) as { ok: boolean; value: { id: number }; changes: StreamEvent & { type: 'changes' } };
    expect(answer.ok).toBe(true);
    expect(answer.changes.tables.find((t) => t.table === 'claims')?.ids).toEqual([answer.value.id]);
    const heard = await second.next((e) => e.type === 'changes');
    expect(heard).toEqual(answer.changes);
    // An edit from the second page reaches the first: the first was skipped for its own edit only.
    const other = (await callAs(s, 'page-two-1234', 'deleteClaim', { id: answer.value.id })) as {
      changes: { seq: number };
    };
    const back = await first.next((e) => e.type === 'changes');
    expect(back).toMatchObject({ seq: other.changes.seq });
    expect(first.events.filter((e) => e.type === 'changes')).toHaveLength(1);
  });

  it('refuses a stream without the token, with a wrong one, or from another origin', async () => {
    const s = await start();
    const { 'x-dossier-token': _token, ...noToken } = pageHeaders(s, 'page-one-1234');
    const without = await openStream(s, noToken);
    expect(without.status).toBe(401);
    const wrong = await openStream(s, { ...noToken, 'x-dossier-token': 'nope' });
    expect(wrong.status).toBe(401);
    const foreign = await openStream(s, { ...pageHeaders(s, 'page-one-1234'), origin: 'http://127.0.0.1:1' });
    expect(foreign.status).toBe(403);
    const crossSite = await openStream(s, {
      ...pageHeaders(s, 'page-one-1234'),
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    // A token in the address does not open it either: the header is the only way in.
    const { 'x-dossier-token': _t, ...rest } = pageHeaders(s, 'x');
    const inUrl = await new Promise<number>((resolve) =>
      http.get(
        { host: '127.0.0.1', port: s.port, path: `/api-events?token=${s.token}`, headers: rest },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      ),
    );
    expect(inUrl).toBe(401);
    expect(wrong.body()).not.toContain('data:');
  });
});
