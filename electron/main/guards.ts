// Only types from electron: this module is loaded by unit tests, where no Electron binary exists.
import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, type AppLocation } from './appUrl';
import { isSafeExternalUrl } from './externalLinks';

/**
 * The web permissions the page is granted: none. Dossier copies with the Edit menu and keyboard (no
 * navigator.clipboard), shows no notifications, and uses no camera, microphone, location, MIDI, HID, USB or
 * serial device; files come in through <input type="file"> and drops, which need no permission.
 */
export const GRANTED_PERMISSIONS: readonly string[] = [];

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.includes(permission);
}

/**
 * Locks one web contents (the window, and any other Electron creates): it may not leave the app's page by a link,
 * a drop, a script, a server redirect or in a frame; may not open windows (safe web and mail links go to the
 * system's handlers instead); may not attach a <webview>.
 */
export function guardContents(
  contents: WebContents,
  app: AppLocation,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(app, event.url)) event.preventDefault();
  });
  // Also fired for frames inside the page, which will-navigate does not see.
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(app, event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(app, event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Every permission request and check is answered by GRANTED_PERMISSIONS; every response carries our CSP. */
export function guardSession(session: Session, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  // Pages from a dev server get the policy as a header; the packaged file:// page carries it in its <meta>.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}
