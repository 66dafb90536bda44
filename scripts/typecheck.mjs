#!/usr/bin/env node
// `npm run typecheck`: the whole tree (tsconfig.json: tests, bench, scripts, with Node and DOM types) and each layer
// on its own terms (tsconfig.core.json: Node, no DOM; tsconfig.renderer.json: DOM, no Node; tsconfig.shared.json:
// neither). The four runs are independent, so they run side by side; any failure fails the whole check.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const configs = ['tsconfig.json', 'tsconfig.core.json', 'tsconfig.renderer.json', 'tsconfig.shared.json'];

function check(config) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', config, '--noEmit', '--pretty'], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ config, code, out }));
  });
}

const results = await Promise.all(configs.map(check));
for (const r of results) {
  if (r.code !== 0) process.stdout.write(`\n${r.config}:\n${r.out}`);
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.config);
if (failed.length > 0) {
  console.error(`typecheck failed: ${failed.join(', ')}`);
  process.exit(1);
}
