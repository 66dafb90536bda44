import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appLocation, isAllowedNavigation, isAppDocument } from '../../../electron/main/appUrl';

// Where an installed Dossier keeps its page; a space in the path, as on many machines.
const INDEX = path.resolve('/opt/Dossier App/resources/app.asar/out/renderer/index.html');
const APP_URL = pathToFileURL(INDEX).href;
const packaged = appLocation(INDEX);

// Each of these got past the old prefix checks (url.startsWith('file://')) or is plainly not the app's page.
const HOSTILE_FOR_FILE = [
  'file:///etc/passwd',
  'file:///',
  `file://attacker.example${new URL(APP_URL).pathname}`,
  `file://192.168.1.20${new URL(APP_URL).pathname}`,
  `${APP_URL}.evil`,
  `${APP_URL}.evil.html`,
  APP_URL.replace('index.html', 'index.htm'),
  APP_URL.replace('index.html', 'other.html'),
  `${APP_URL}/`,
  `${APP_URL}/../../../../etc/passwd`,
  APP_URL.replace('/out/renderer/', '/out/renderer/../../../x/'),
  APP_URL.replace('/resources/', '%2Fresources/'),
  `file:///etc/passwd?${APP_URL}`,
  `file:///etc/passwd#${APP_URL}`,
  `file:///etc/passwd?x=${new URL(APP_URL).pathname}`,
  'http://127.0.0.1:5173/',
  'http://localhost/',
  'https://example.org/index.html',
  'javascript:alert(document.domain)',
  `javascript://${new URL(APP_URL).pathname}%0aalert(1)`,
  'data:text/html,<script>alert(1)</script>',
  `data:text/html;base64,${Buffer.from(APP_URL).toString('base64')}`,
  `blob:${APP_URL}`,
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'not a url',
  '',
];

describe('the packaged app page (file:)', () => {
  it('is the exact index.html file URL', () => {
    expect(packaged).toEqual({ kind: 'file', indexPath: INDEX, url: APP_URL });
    expect(APP_URL).toContain('Dossier%20App');
  });

  it.each(HOSTILE_FOR_FILE)('refuses %s as the app page and as a navigation', (url) => {
    expect(isAppDocument(packaged, url)).toBe(false);
    expect(isAllowedNavigation(packaged, url)).toBe(false);
  });

  it('refuses the app page with a query, for calls and navigation alike', () => {
    for (const url of [`${APP_URL}?x=1`, `${APP_URL}?a`, `${APP_URL}?q#/reader/1`]) {
      expect(isAppDocument(packaged, url)).toBe(false);
      expect(isAllowedNavigation(packaged, url)).toBe(false);
    }
  });

  it('accepts the page itself, with the route in its #fragment, however the same path is spelt', () => {
    const same = [
      APP_URL,
      `${APP_URL}#/reader/12?claim=3`,
      `${APP_URL}#`,
      APP_URL.replace('file:///', 'file://localhost/'),
      APP_URL.replace('/out/renderer/', '/out/main/../renderer/'),
      APP_URL.replace('/out/renderer/', '/out/./renderer/'),
      APP_URL.replace('index.html', '%69ndex.html'),
      APP_URL.replace('file:', 'FILE:'),
    ];
    for (const url of same) {
      expect(isAppDocument(packaged, url), url).toBe(true);
      expect(isAllowedNavigation(packaged, url), url).toBe(true);
    }
  });
});

describe('the dev server page (unpackaged app only)', () => {
  const dev = appLocation(INDEX, 'http://localhost:5173/');

  it('takes its exact origin from ELECTRON_RENDERER_URL', () => {
    expect(dev).toEqual({
      kind: 'dev',
      origin: 'http://localhost:5173',
      pathname: '/',
      url: 'http://localhost:5173/',
    });
  });

  it.each([
    'http://127.0.0.1:5173/',
    'http://localhost:5174/',
    'http://localhost/',
    'https://localhost:5173/',
    'ws://localhost:5173/',
    'http://localhost:5173.attacker.example/',
    'http://localhost:5173@attacker.example/',
    'http://attacker.example/?http://localhost:5173/',
    'http://attacker.example/#http://localhost:5173/',
    APP_URL,
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,x',
  ])('refuses %s', (url) => {
    expect(isAppDocument(dev, url)).toBe(false);
    expect(isAllowedNavigation(dev, url)).toBe(false);
  });

  it('accepts calls from its origin and navigation to its page only', () => {
    expect(isAppDocument(dev, 'http://localhost:5173/#/grid')).toBe(true);
    expect(isAllowedNavigation(dev, 'http://localhost:5173/#/grid')).toBe(true);
    expect(isAllowedNavigation(dev, 'http://localhost:5173/@fs/etc/passwd')).toBe(false);
    expect(isAllowedNavigation(dev, 'http://localhost:5173/?x=1')).toBe(false);
  });

  it('refuses a dev server that is not on this machine or not http', () => {
    for (const bad of [
      'http://attacker.example:5173/',
      'http://10.0.0.2:5173/',
      'file:///tmp/index.html',
      'javascript:1',
    ])
      expect(() => appLocation(INDEX, bad), bad).toThrow(/must be on this machine/);
    expect(() => appLocation(INDEX, 'not a url')).toThrow();
    expect(appLocation(INDEX, 'http://[::1]:5173/').kind).toBe('dev');
  });
});
