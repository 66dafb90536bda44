import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../shared/api/changes';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { tempDir } from '../helpers';
import { start } from './sessionHelpers';

// Web mode over a session: the page switches the project served, without a restart, and every other page hears
// it on the change stream, then the new project's changes.

let server: WebServer | null = null;
const readers: AbortController[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) r.abort();
  await server?.close();
  server = null;
});

const headers = (s: WebServer, client: string): Record<string, string> => ({
  'x-dossier-token': s.token,
  'x-dossier-client': client,
  'sec-fetch-site': 'same-origin',
  'content-type': 'application/json',
});

async function call(
  s: WebServer,
  client: string,
  name: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown }> {
  const r = await fetch(`http://127.0.0.1:${s.port}/api/${name}`, {
    method: 'POST',
    headers: headers(s, client),
    body: JSON.stringify(input),
  });
  return (await r.json()) as { ok: boolean; value?: unknown };
}

/** Opens the change stream as page `client`; `next` resolves with the first event passing the test. */
async function stream(
  s: WebServer,
  client: string,
): Promise<(test: (e: StreamEvent) => boolean) => Promise<StreamEvent>> {
  const abort = new AbortController();
  readers.push(abort);
  const r = await fetch(`http://127.0.0.1:${s.port}/api-events`, {
    headers: headers(s, client),
    signal: abort.signal,
  });
  const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: StreamEvent[] = [];
  let buffer = '';
  return async (test) => {
    for (;;) {
      const had = events.find(test);
      if (had) return had;
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const b of blocks)
        for (const l of b.split('\n'))
          if (l.startsWith('data: ')) events.push(JSON.parse(l.slice(6)) as StreamEvent);
    }
  };
}

describe('web mode over a session', () => {
  it('switches the project served and tells every other page, then streams the new project', async () => {
    const webRoot = tempDir();
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Dossier</title>');
    const session = start();
    server = await startWebServer({ session, webRoot });
    const other = await stream(server, 'other-page-1');
    const created = await call(server, 'first-page-1', 'createProject', { name: 'Study', codebook: 'empty' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Study', open: true } });
    expect(await other((e) => e.type === 'project')).toMatchObject({
      type: 'project',
      name: 'Study',
      origin: 'web:first-page-1',
    });
    expect(await call(server, 'first-page-1', 'getProject', {})).toMatchObject({
      value: { name: 'Study', documents: 0 },
    });
    await call(server, 'first-page-1', 'createDomain', { name: 'Ports' });
    expect(
      await other((e) => e.type === 'changes' && e.tables.some((t) => t.table === 'domains')),
    ).toBeTruthy();
    expect(await call(server, 'first-page-1', 'openProject', { name: 'Sample' })).toMatchObject({ ok: true });
    expect(await call(server, 'other-page-1', 'getProject', {})).toMatchObject({
      value: { name: 'Sample', sample: true },
    });
    expect(await call(server, 'x-page-1', 'openProject', { name: '../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
