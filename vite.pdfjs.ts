import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

// The page view's pdf.js assets, served by the app itself (nothing is fetched from a CDN): the worker, the
// character maps (CJK fonts), the standard fonts, the WASM decoders (JPEG 2000, JBIG2, colour management) and
// the ICC profile, copied from pdfjs-dist into the build under pdfjs/ (and served from there by the dev server).
// The renderer names them relative to its page (renderer/src/views/reader/pdf/pdfjs.ts).

const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const FILES: Record<string, string> = {
  'pdf.worker.min.mjs': path.join(root, 'build', 'pdf.worker.min.mjs'),
};
for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs'])
  for (const f of fs.readdirSync(path.join(root, dir)))
    if (!f.startsWith('LICENSE') || dir === 'wasm') FILES[`${dir}/${f}`] = path.join(root, dir, f);

export function pdfjsAssets(): Plugin {
  return {
    name: 'dossier-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const file = FILES[decodeURIComponent((req.url ?? '').replace(/^\/+|\?.*$/g, ''))];
        if (!file) return next();
        res.setHeader('Content-Type', file.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream');
        res.end(fs.readFileSync(file));
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(FILES))
        this.emitFile({ type: 'asset', fileName: `pdfjs/${name}`, source: fs.readFileSync(file) });
    },
  };
}
