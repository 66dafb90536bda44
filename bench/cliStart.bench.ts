// CLI start bench (issue 11): how long `dossier --help` and `dossier docs <project>` take from the shell, against a
// bare `node` that opens the same project with better-sqlite3 and reads its documents. Three ways to run the CLI:
// the JavaScript build (bin/dossier.mjs → out/cli, what `dossier` runs now), the sources compiled by tsx at every
// run (what bin/dossier.mjs did before), and, when DOSSIER_OLD_BIN names an older checkout's bin/dossier.mjs,
// that one. Runs are interleaved so that a change in the machine's load hits every variant alike; the load average
// is printed with the figures. Target: the build within 3× the bare node process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeProject, openDefaultProject } from '../electron/core/project';
import { percentile, writeSection } from './report';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 15);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-clistart-'));
const project = openDefaultProject(dir);
const file = project.path;
closeProject(project);

spawnSync(process.execPath, [path.join(root, 'scripts', 'buildCli.mjs')], { stdio: 'inherit' });

const BARE = `import Database from 'better-sqlite3';
const db = new Database(${JSON.stringify(file)});
process.stdout.write(JSON.stringify(db.prepare('SELECT id, title FROM documents').all()));
db.close();`;
const TSX = `const { register } = await import('tsx/esm/api'); register();
const { main } = await import('./electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(1));`;

type Variant = { name: string; argv: (args: string[]) => string[] };
const variants: Variant[] = [
  { name: 'built (bin/dossier.mjs → out/cli)', argv: (a) => [path.join(root, 'bin', 'dossier.mjs'), ...a] },
  { name: 'tsx from sources (before)', argv: (a) => ['--input-type=module', '-e', TSX, '--', ...a] },
];
if (process.env.DOSSIER_OLD_BIN)
  variants.push({
    name: 'older checkout (DOSSIER_OLD_BIN)',
    argv: (a) => [process.env.DOSSIER_OLD_BIN!, ...a],
  });

const commands: { label: string; args: string[] }[] = [
  { label: '`dossier --help`', args: ['--help'] },
  { label: '`dossier docs <project>`', args: ['docs', file] },
];

function run(argv: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
const loadBefore = load();
const times = new Map<string, number[]>();
const add = (key: string, ms: number): void => void (times.get(key) ?? times.set(key, []).get(key)!).push(ms);
for (let i = 0; i < RUNS; i++) {
  add('bare', run(['--input-type=module', '-e', BARE]));
  for (const c of commands) for (const v of variants) add(`${v.name}|${c.label}`, run(v.argv(c.args)));
}
const loadAfter = load();
fs.rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const min = (xs: number[]): number => Math.min(...xs);
const bare = median(times.get('bare')!);
const rows = [
  `| bare \`node\` opening the project (better-sqlite3) | ${bare.toFixed(0)} | ${min(times.get('bare')!).toFixed(0)} | 1.0× |`,
];
for (const c of commands)
  for (const v of variants) {
    const xs = times.get(`${v.name}|${c.label}`)!;
    rows.push(
      `| ${c.label}, ${v.name} | ${median(xs).toFixed(0)} | ${min(xs).toFixed(0)} | ${(median(xs) / bare).toFixed(1)}× |`,
    );
  }
writeSection(
  'cliStart',
  'CLI start (issue 11)',
  `${RUNS} interleaved runs of each, wall time of the whole process from spawn to exit. Load average (1/5/15 min) ` +
    `${loadBefore} before, ${loadAfter} after: on a busy machine every figure grows, the ratios less so.\n\n` +
    `| Process | Median ms | Min ms | × bare node (median) |\n|---|---:|---:|---:|\n${rows.join('\n')}`,
);
