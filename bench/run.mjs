#!/usr/bin/env node
// npm run bench -- <name>: runs bench/<name>.ts (or every bench when no name is given) through tsx.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const names = process.argv.slice(2);
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
const chosen = names.length ? names : all;
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`no bench named "${name}" (have: ${all.join(', ')})`);
    process.exit(2);
  }
  console.log(`\n=== bench ${name} ===`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', path.join(dir, `${name}.bench.ts`)],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
