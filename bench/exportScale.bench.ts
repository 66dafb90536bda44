// Export at scale (issue 16): XLSX, CSV, HTML and DOCX of 100,000 claims, each in a fresh process (export.bench.ts's
// child: open the project, export, write the file), repeated so that a loaded machine's noise shows, with CPU time
// beside wall time. Uses export.bench.ts's project (built there once, kept in the temp folder; run
// `npm run bench -- export` first). Targets: XLSX < 4 s, CSV < 1 s per 100,000 rows. Beside each format, a
// reference in the same run: a fresh process that only reads the rows every export starts from.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from './report';

const FORMATS = ['xlsx', 'csv', 'html', 'docx'] as const;
const RUNS = Number(process.env.DOSSIER_BENCH_RUNS ?? 2);

interface ChildResult {
  ms: number;
  cpuMs: number;
  bytes: number;
  count: number;
  rssMb: number;
}

const self = fileURLToPath(import.meta.url);

/** The reference child: open the project and read every excerpt row, as each export does first. */
async function floorChild(file: string): Promise<void> {
  const { openProject, closeProject } = await import('../electron/core/project');
  const { excerptRowsOf, loadExcerpts } = await import('../electron/core/export/excerpts');
  const p = openProject(file);
  const c0 = process.cpuUsage();
  const rows = excerptRowsOf(loadExcerpts(p.db, {}, 'Bench')).length;
  const cpu = process.cpuUsage(c0);
  closeProject(p);
  process.stdout.write(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, rows }));
}

function main(): void {
  const project = path.join(os.tmpdir(), 'dossier-export-bench-v1', 'Bench.dossier');
  if (!fs.existsSync(project)) {
    console.log(`bench exportScale: ${project} is absent; run \`npm run bench -- export\` first`);
    return;
  }
  // A copy: opening a project may migrate it, and export.bench keeps its own.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-export-scale-'));
  const file = path.join(dir, 'Bench.dossier');
  fs.copyFileSync(project, file);
  const exporter = path.join(path.dirname(fileURLToPath(import.meta.url)), 'export.bench.ts');
  const rows: string[] = [];
  try {
    for (const format of FORMATS) {
      const runs: ChildResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        const out = path.join(dir, `out.${format}`);
        const r = spawnSync(process.execPath, ['--import', 'tsx', exporter, '--child', format, file, out], {
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(`${format} export failed: ${r.stderr}`);
        runs.push(JSON.parse(r.stdout.trim().split('\n').pop() as string) as ChildResult);
      }
      const best = runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
      // The reference, in the same run: a fresh process that opens the project and reads the same rows
      // (loadExcerpts + excerptRowsOf) and writes nothing, i.e. the floor under every format.
      const floor = spawnSync(process.execPath, ['--import', 'tsx', self, '--floor', file], {
        encoding: 'utf8',
      });
      if (floor.status !== 0) throw new Error(`reference failed: ${floor.stderr}`);
      const ref = JSON.parse(floor.stdout.trim().split('\n').pop() as string) as { cpuMs: number };
      const per100k = (best.cpuMs / 1000 / best.count) * 100_000;
      const row = `| ${format} | ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} | ${runs.map((r) => (r.cpuMs / 1000).toFixed(2)).join(' / ')} | ${per100k.toFixed(2)} | ${(ref.cpuMs / 1000).toFixed(2)} | ${(best.cpuMs / ref.cpuMs).toFixed(2)}× | ${Math.round(best.rssMb)} | ${(best.bytes / 2 ** 20).toFixed(1)} | ${best.count.toLocaleString('en')} | ${os.loadavg()[0].toFixed(1)} |`;
      console.log(row);
      rows.push(row);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printTable(
    '| format | wall s (each run) | CPU s (each run) | CPU s per 100k rows (best) | reference CPU s (read the rows only) | ratio | peak RSS MB | MiB | rows | load |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    rows,
  );
}

const f = process.argv.indexOf('--floor');
if (f >= 0) await floorChild(process.argv[f + 1]);
else main();
