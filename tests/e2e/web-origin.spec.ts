import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request } from '@playwright/test';
import { expect, test } from './fixtures';

// Another local page (any other 127.0.0.1 port: a dev server, a tool's UI, a page a link opened) must neither
// read nor write the analyst's project, nor learn the token, while the analyst has Dossier open in the same
// browser. Cookies do not isolate ports, so this runs in the same browser context as the open workbench.

/** What a hostile page tries against Dossier at `target`; each attempt writes what it saw into `results`. */
const ATTACKER_PAGE = `<!doctype html><meta charset="utf-8"><title>elsewhere</title>
<iframe name="sink"></iframe>
<form id="form" method="POST" enctype="text/plain" target="sink">
  <input name='{"name":"pwned-form","x":"' value='"}'>
</form>
<script>
const target = new URLSearchParams(location.search).get('target');
const results = {};
const attempt = async (name, run) => {
  try { results[name] = await run(); } catch (e) { results[name] = 'blocked: ' + e.name; }
};
const load = (tag, url) => new Promise((resolve) => {
  const el = document.createElement(tag);
  el.onload = () => resolve('loaded');
  el.onerror = () => resolve('blocked: error');
  el.src = url;
  document.body.appendChild(el);
});
window.attack = async () => {
  const api = target + '/api/';
  await attempt('noCorsTextPlain', async () => {
    const r = await fetch(api + 'createDomain', { method: 'POST', mode: 'no-cors', credentials: 'include',
      headers: { 'Content-Type': 'text/plain' }, body: '{"name":"pwned-no-cors"}' });
    return 'opaque ' + r.type + ' ' + (await r.text());
  });
  await attempt('corsJson', async () => {
    const r = await fetch(api + 'createDomain', { method: 'POST', credentials: 'include',
      headers: { 'Content-Type': 'application/json' }, body: '{"name":"pwned-cors"}' });
    return await r.text();
  });
  await attempt('corsTextPlainRead', async () => {
    const r = await fetch(api + 'listDocuments', { method: 'POST', credentials: 'include',
      headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    return await r.text();
  });
  await attempt('corsGet', async () => (await (await fetch(api + 'listDocuments', { credentials: 'include' })).text()));
  await attempt('page', async () => (await (await fetch(target + '/', { credentials: 'include' })).text()));
  results.img = await load('img', api + 'listDocuments');
  results.script = await load('script', api + 'listDocuments');
  results.appScript = await load('script', target + '/');
  const form = document.getElementById('form');
  form.action = api + 'createDomain';
  const sunk = new Promise((resolve) => document.querySelector('iframe').addEventListener('load', resolve, { once: true }));
  form.submit();
  await sunk;
  results.cookie = document.cookie;
  results.sessionStorage = JSON.stringify(sessionStorage);
  return results;
};
</script>`;

function startAttacker(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(ATTACKER_PAGE);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

test('a page on another 127.0.0.1 port can neither read nor write, and never holds the token', async ({
  app,
  dossier,
}) => {
  const attacker = await startAttacker();
  const dossierOrigin = `http://127.0.0.1:${dossier.server.port}`;
  const domainsBefore = dossier.project.db.prepare('SELECT name FROM domains ORDER BY id').all();
  const evil = await app.context().newPage();
  const reached: Request[] = [];
  evil.on('request', (r) => {
    if (r.url().startsWith(dossierOrigin)) reached.push(r);
  });
  await evil.goto(`${attacker.origin}/?target=${encodeURIComponent(dossierOrigin)}`);
  const results = (await evil.evaluate('window.attack()')) as Record<string, string>;

  // Writes: nothing changed in the project.
  expect(dossier.project.db.prepare('SELECT name FROM domains ORDER BY id').all()).toEqual(domainsBefore);
  // Reads: every answer is opaque or refused; none holds project data.
  // (Even the opaque answer of a no-cors fetch is withheld: Cross-Origin-Resource-Policy.)
  for (const k of ['noCorsTextPlain', 'corsJson', 'corsTextPlainRead', 'corsGet', 'page'])
    expect(results[k], k).toBe('blocked: TypeError');
  for (const k of ['img', 'script', 'appScript']) expect(results[k], k).toBe('blocked: error');
  expect(JSON.stringify(results)).not.toContain('Ukraine');

  // The secret: not in the page, not in any cookie the browser holds, not in any request that reached Dossier.
  expect(results.cookie).toBe('');
  expect(results.sessionStorage).toBe('{}');
  const cookies = await app.context().cookies([dossierOrigin, attacker.origin]);
  expect(cookies.filter((c) => c.value.includes(dossier.server.token))).toEqual([]);
  expect(reached.length).toBeGreaterThanOrEqual(6);
  for (const r of reached) {
    expect(r.url()).not.toContain(dossier.server.token);
    const headers = await r.allHeaders();
    expect(JSON.stringify(headers), r.url()).not.toContain(dossier.server.token);
  }

  // The analyst's own page still works, in the same browser.
  await app.reload();
  await expect(app.getByRole('list', { name: 'Codebook' }).getByRole('button')).toHaveCount(11);
  await evil.close();
  await attacker.close();
});

test('the token leaves the address bar and the workbench survives a reload', async ({ app, dossier }) => {
  expect(app.url()).not.toContain('token');
  await app.reload();
  await expect(app.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  expect(app.url()).not.toContain(dossier.server.token);
  // A route in the address is kept through the exchange: open the printed URL with one.
  await app.goto(`${dossier.server.url}#/grid`);
  await expect(app.getByRole('tab', { name: 'Grid' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  expect(app.url()).toBe(`http://127.0.0.1:${dossier.server.port}/#/grid`);
});
