import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the app's one page lives: the packaged renderer's index.html, or (development only) the dev server.
 * Navigation and IPC are allowed for this exact place, never for "anything on file://" or a shared prefix.
 */
export type AppLocation =
  | { kind: 'file'; indexPath: string; url: string }
  | { kind: 'dev'; origin: string; pathname: string; url: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `devServerUrl` is electron-vite's ELECTRON_RENDERER_URL; the caller passes it only for an unpackaged app, so
 * that an environment variable cannot point an installed Dossier at another page.
 */
export function appLocation(indexHtmlPath: string, devServerUrl?: string): AppLocation {
  if (devServerUrl) {
    const u = new URL(devServerUrl);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !LOOPBACK_HOSTS.has(u.hostname))
      throw new Error(`the dev server must be on this machine (http://localhost:…), not ${devServerUrl}`);
    return { kind: 'dev', origin: u.origin, pathname: u.pathname, url: u.href };
  }
  const indexPath = path.resolve(indexHtmlPath);
  return { kind: 'file', indexPath, url: pathToFileURL(indexPath).href };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The app's index.html itself: file: scheme, no host, no query (the app never has one), and the very same path
 * once decoded. The #fragment is the app's route and cannot change which file loads.
 */
function isIndexFile(app: Extract<AppLocation, { kind: 'file' }>, u: URL): boolean {
  if (u.protocol !== 'file:' || u.host !== '' || u.search !== '') return false;
  try {
    // Decoding both sides compares files, not spellings (%20 or a space, dot segments); an encoded "/" or a
    // host makes fileURLToPath throw, which refuses the URL.
    const candidate = fileURLToPath(u);
    // Windows paths are case-blind and Chromium may spell the drive letter otherwise than Node does.
    return process.platform === 'win32'
      ? candidate.toLowerCase() === app.indexPath.toLowerCase()
      : candidate === app.indexPath;
  } catch {
    return false;
  }
}

/** A frame showing the app's page (IPC sender check): origin + path for file:, the exact origin in dev. */
export function isAppDocument(app: AppLocation, url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (app.kind === 'file') return isIndexFile(app, u);
  return u.origin === app.origin;
}

/** A navigation the window may make: only to the app's own page itself (a reload by another name), no query. */
export function isAllowedNavigation(app: AppLocation, url: string): boolean {
  const u = parse(url);
  if (!u || u.search !== '') return false;
  if (app.kind === 'file') return isIndexFile(app, u);
  return u.origin === app.origin && u.pathname === app.pathname;
}
