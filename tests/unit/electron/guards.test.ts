import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { appLocation } from '../../../electron/main/appUrl';
import { guardContents, guardSession, isPermissionGranted } from '../../../electron/main/guards';

// No Electron binary can run here: the guards are driven through the same calls Electron makes, with events
// shaped as electron.d.ts describes them (Event<WebContentsWillNavigateEventParams>: url + preventDefault()).
const INDEX = path.resolve('/opt/Dossier/resources/app.asar/out/renderer/index.html');
const APP_URL = pathToFileURL(INDEX).href;
const app = appLocation(INDEX);

type OpenHandler = (details: { url: string }) => { action: string };

class Contents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
  /** Emits like Electron does and tells whether a listener called preventDefault(). */
  fire(name: string, url: string): boolean {
    let prevented = false;
    const event = {
      url,
      isMainFrame: true,
      isSameDocument: false,
      frame: null,
      preventDefault: () => (prevented = true),
    };
    this.emit(name, event, url, false, true, 1, 1);
    return prevented;
  }
}

function guarded(): { contents: Contents; opened: string[] } {
  const contents = new Contents();
  const opened: string[] = [];
  guardContents(contents as unknown as WebContents, app, (url) => opened.push(url));
  return { contents, opened };
}

const HOSTILE = [
  'file:///etc/passwd',
  `${APP_URL}.evil`,
  `file:///x.html#${APP_URL}`,
  'https://example.org/',
  'javascript:alert(1)',
  'data:text/html,x',
];

describe('guards on every web contents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays on the app page', (name) => {
    const { contents } = guarded();
    for (const url of HOSTILE) expect(contents.fire(name, url), url).toBe(true);
    expect(contents.fire(name, APP_URL)).toBe(false);
    expect(contents.fire(name, `${APP_URL}#/reader/2`)).toBe(false);
  });

  it('a dropped file is not opened in the window (the navigation it starts is refused)', () => {
    const { contents } = guarded();
    expect(contents.fire('will-navigate', 'file:///home/analyst/Downloads/report.html')).toBe(true);
  });

  it('refuses every <webview>', () => {
    const { contents } = guarded();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, { src: APP_URL });
    expect(prevented).toBe(true);
  });

  it('opens no window; only https and mailto links go to the system', () => {
    const { contents, opened } = guarded();
    const open = (url: string): string => contents.openHandler!({ url }).action;
    for (const url of [
      'https://example.org/a',
      'mailto:a@example.org',
      'http://example.org/',
      'file:///etc/passwd',
      APP_URL,
      'ms-msdt:x',
    ])
      expect(open(url)).toBe('deny');
    expect(opened).toEqual(['https://example.org/a', 'mailto:a@example.org']);
  });
});

describe('guards on the session', () => {
  type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type CheckHandler = (wc: unknown, permission: string, origin: string) => boolean;
  type HeadersHandler = (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (r: { responseHeaders: Record<string, string[]> }) => void,
  ) => void;
  function guardedSession(): {
    request: RequestHandler;
    check: CheckHandler;
    device: () => boolean;
    headers: HeadersHandler;
  } {
    const h: Partial<{
      request: RequestHandler;
      check: CheckHandler;
      device: () => boolean;
      headers: HeadersHandler;
    }> = {};
    const session = {
      setPermissionRequestHandler: (f: RequestHandler) => (h.request = f),
      setPermissionCheckHandler: (f: CheckHandler) => (h.check = f),
      setDevicePermissionHandler: (f: () => boolean) => (h.device = f),
      webRequest: { onHeadersReceived: (f: HeadersHandler) => (h.headers = f) },
    };
    guardSession(session as unknown as Session, CONTENT_SECURITY_POLICY);
    return h as {
      request: RequestHandler;
      check: CheckHandler;
      device: () => boolean;
      headers: HeadersHandler;
    };
  }

  const PERMISSIONS = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'notifications',
    'media',
    'geolocation',
    'openExternal',
    'fullscreen',
    'fileSystem',
    'hid',
    'usb',
    'serial',
    'midiSysex',
    'pointerLock',
    'unknown',
  ];

  it.each(PERMISSIONS)('denies %s when asked and when checked', (permission) => {
    const { request, check } = guardedSession();
    let answer: boolean | null = null;
    request({}, permission, (granted) => (answer = granted));
    expect(answer).toBe(false);
    expect(check({}, permission, APP_URL)).toBe(false);
    expect(isPermissionGranted(permission)).toBe(false);
  });

  it('denies devices and sends the CSP with every response', () => {
    const { device, headers } = guardedSession();
    expect(device()).toBe(false);
    let sent: Record<string, string[]> = {};
    headers({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (sent = r.responseHeaders));
    expect(sent).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});
