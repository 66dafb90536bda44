#!/usr/bin/env node
// `npm run build:cli`: the CLI (and the import and suggestion workers it starts) as plain JavaScript in out/cli, so that
// `dossier` starts without compiling TypeScript. esbuild bundles our sources only (packages stay in node_modules,
// better-sqlite3 is native) and splits the code so that each command loads only what it uses. Runs in well under
// a second; the unit tests' global setup runs it too, so they never test a stale build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out', 'cli');
/**
 * Left in node_modules: better-sqlite3 (native), pdf.js (finds its fonts and worker from its package folder), and
 * the big libraries the core loads only when it writes or reads such a file (bundling them only slows the build).
 */
const EXTERNAL = [
  'better-sqlite3',
  'pdfjs-dist',
  'electron',
  'exceljs',
  'docx',
  'mammoth',
  // Native (skia) and WASM packages: loaded from node_modules where their binaries are.
  '@napi-rs/canvas',
  'tesseract.js',
  'tesseract.js-core',
];

/** Builds into a fresh folder beside out/cli, then moves each file in with a rename: a CLI started meanwhile
 * (another test run) sees the old build or the new one, never half of one. */
export async function buildCli({ quiet = false } = {}) {
  const staging = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const started = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      dossier: 'electron/cli/built.ts',
      importWorker: 'electron/core/import/worker.ts',
      // Training and scoring of suggestions (issue 17): found by electron/cli/built.ts beside dossier.js.
      suggestWorker: 'electron/core/suggest/worker.ts',
    },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // Packages are bundled too: resolving and loading the hundreds of files of zod, linkedom and their
    // dependencies one by one was most of the start time. Native or path-relative ones stay in node_modules.
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __dossierRequire } from 'node:module'; const require = __dossierRequire(import.meta.url);",
    },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
  });
  fs.mkdirSync(path.join(outDir, 'chunks'), { recursive: true });
  const written = Object.keys(result.metafile.outputs).map((f) => path.relative(staging, path.join(root, f)));
  // Chunks first (new names, by hash), entries last: an entry never names a chunk not yet in place.
  written.sort((a, b) => Number(!a.startsWith('chunks')) - Number(!b.startsWith('chunks')));
  for (const f of written) fs.renameSync(path.join(staging, f), path.join(outDir, f));
  fs.rmSync(staging, { recursive: true, force: true });
  // Chunks of older builds go once they are a minute old (a run that started on them has long loaded them).
  const keep = new Set(written);
  for (const f of fs.readdirSync(path.join(outDir, 'chunks'))) {
    const rel = path.join('chunks', f);
    const file = path.join(outDir, rel);
    if (!keep.has(rel) && Date.now() - fs.statSync(file).mtimeMs > 60_000) fs.rmSync(file, { force: true });
  }
  if (!quiet)
    console.log(
      `built ${path.relative(root, outDir)}/ (${written.length} files) in ${Date.now() - started} ms`,
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
