import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appLocation } from '../../../electron/main/appUrl';
import { ipcRefusal, type AppWindow, type SenderFrame } from '../../../electron/main/ipcSender';

// Shaped as Electron hands them out: WebFrameMain (url, frameToken, parent), WebContents (id, mainFrame).
const INDEX = path.resolve('/opt/Dossier/resources/app.asar/out/renderer/index.html');
const APP_URL = pathToFileURL(INDEX).href;
const app = appLocation(INDEX);

const mainFrame: SenderFrame = { url: `${APP_URL}#/library`, frameToken: 'main-token', parent: null };
const window: AppWindow = { webContents: { id: 1, mainFrame } };
const ours = { id: 1 };

describe('which IPC calls reach the core', () => {
  it('takes a call from the main frame of our window showing the app page', () => {
    expect(ipcRefusal(app, { sender: ours, senderFrame: mainFrame }, window)).toBeNull();
  });

  it('refuses a call whose frame is missing (navigated away or gone)', () => {
    expect(ipcRefusal(app, { sender: ours, senderFrame: null }, window)).toMatch(/frame is gone/);
    expect(ipcRefusal(app, { sender: ours, senderFrame: undefined }, window)).toMatch(/frame is gone/);
  });

  it('refuses a subframe, even one showing the app page itself', () => {
    const sub: SenderFrame = { url: APP_URL, frameToken: 'sub-token', parent: mainFrame };
    expect(ipcRefusal(app, { sender: ours, senderFrame: sub }, window)).toMatch(/frame inside the page/);
    // A frame claiming the main frame's token but with a parent (a fenced frame's root has none either).
    const odd: SenderFrame = { url: APP_URL, frameToken: 'main-token', parent: mainFrame };
    expect(ipcRefusal(app, { sender: ours, senderFrame: odd }, window)).toMatch(/frame inside the page/);
    const otherRoot: SenderFrame = { url: APP_URL, frameToken: 'fenced-token', parent: null };
    expect(ipcRefusal(app, { sender: ours, senderFrame: otherRoot }, window)).toMatch(
      /frame inside the page/,
    );
  });

  it('refuses another web contents, and any call before the window exists', () => {
    const frame: SenderFrame = { url: APP_URL, frameToken: 'main-token', parent: null };
    expect(ipcRefusal(app, { sender: { id: 2 }, senderFrame: frame }, window)).toMatch(/Dossier window/);
    expect(ipcRefusal(app, { sender: ours, senderFrame: frame }, null)).toMatch(/Dossier window/);
  });

  it.each([
    'file:///etc/passwd',
    `${APP_URL}.evil`,
    `file:///tmp/x.html?${APP_URL}`,
    'https://example.org/',
    'about:blank',
  ])('refuses the main frame once it shows %s', (url) => {
    const pushed: SenderFrame = { url, frameToken: 'main-token', parent: null };
    const win: AppWindow = { webContents: { id: 1, mainFrame: pushed } };
    expect(ipcRefusal(app, { sender: ours, senderFrame: pushed }, win)).toMatch(/not Dossier's/);
  });
});
