import fs from 'node:fs';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker (a module) and WASM decoders, for the page view.
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export type StaticAnswer =
  { kind: 'file'; body: Buffer; type: string } | { kind: 'outside' } | { kind: 'not_built'; message: string };

/**
 * The built renderer's file for a decoded URL path, never one outside `webRoot`; any other path is the app
 * itself (index.html), so that an address with a route in it still opens the workbench.
 */
export function staticFile(webRoot: string, pathname: string): StaticAnswer {
  const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(webRoot, rel);
  if (!file.startsWith(webRoot + path.sep)) return { kind: 'outside' };
  const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(webRoot, 'index.html');
  if (!fs.existsSync(target))
    return {
      kind: 'not_built',
      message: `The renderer is not built (${webRoot} is missing). Run "npm run build".`,
    };
  return {
    kind: 'file',
    body: fs.readFileSync(target),
    type: MIME[path.extname(target)] ?? 'application/octet-stream',
  };
}
