#!/usr/bin/env node
// `npm start`: the Electron workbench where an Electron binary can be had; otherwise web mode on 127.0.0.1,
// saying why. Either way the workbench opens the last project (the sample, made on a first start).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

function electronBinary() {
  if (process.env.DOSSIER_FORCE_WEB === '1') return { ok: false, why: 'DOSSIER_FORCE_WEB=1' };
  try {
    const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
    if (!fs.existsSync(pathFile)) {
      // Electron fetches its binary on first use; try once, quietly, and accept a refusal.
      const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
        cwd: root,
        stdio: 'ignore',
        timeout: 120_000,
      });
      if (r.status !== 0 || !fs.existsSync(pathFile))
        return { ok: false, why: 'the Electron binary could not be downloaded on this machine' };
    }
    const bin = path.join(root, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    if (!fs.existsSync(bin)) return { ok: false, why: `the Electron binary is missing (${bin})` };
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      return { ok: false, why: 'no display to open a window on' };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, why: String(error) };
  }
}

function build() {
  const r = run(process.execPath, [
    path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
  ]);
  if (r.status !== 0) process.exit(r.status ?? 1);
  // The command line too (out/cli), so that `npx dossier` works beside the workbench.
  const cli = run(process.execPath, [path.join(root, 'scripts', 'buildCli.mjs')]);
  if (cli.status !== 0) process.exit(cli.status ?? 1);
}

const electron = electronBinary();
build();
if (electron.ok) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Dossier: starting in web mode because ${electron.why}.`);
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'dossier.mjs'), 'serve', '--port', process.env.PORT ?? '5183'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
}
