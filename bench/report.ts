import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'BENCHMARKS.md');

/** The machine line every section starts with, so that figures are never read without their context. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const gib = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${cpu} · ${gib} GiB · Node ${process.version} · ${os.platform()} ${os.release()}`;
}

/**
 * Writes (or replaces) one bench's section of BENCHMARKS.md, between `<!-- bench:NAME -->` markers, so that each
 * bench script owns its section and re-running it refreshes only its own figures.
 */
export function writeSection(name: string, title: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n## ${title}\n\n_${machineLine()}_\n\n${body.trim()}\n${end}`;
  let doc = fs.existsSync(FILE)
    ? fs.readFileSync(FILE, 'utf8')
    : '# Benchmarks\n\nFigures printed by the scripts in `bench/` (`npm run bench -- <name>`); each script rewrites its own section.\n';
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  doc = re.test(doc) ? doc.replace(re, () => section) : `${doc.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(FILE, doc);
  process.stdout.write(`${section}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Path of ../shared beside the repo, or null (benches that need it say so and stop). */
export function sharedDir(): string | null {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
  return fs.existsSync(dir) ? dir : null;
}

/** Prints a table under its header and separator rows, and appends it to DOSSIER_BENCH_OUT when that names a file. */
export function printTable(head: string, separator: string, rows: string[]): void {
  const table = [head, separator, ...rows].join('\n');
  process.stdout.write(`\n${table}\n`);
  const out = process.env.DOSSIER_BENCH_OUT;
  if (out) fs.appendFileSync(out, `${table}\n`);
}
