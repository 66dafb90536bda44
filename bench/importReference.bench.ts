// Import against its raw reference (issue 16): the same files read and inserted into a bare better-sqlite3 FTS5
// table (the project's tokenizer, unicode61 remove_diacritics 2) in one transaction, no extraction, against
// Dossier's importPaths into a fresh project, each run in its own child process so that peak RSS and CPU are its
// own. Corpora: 10,000 and 100,000 small generated text files (written to a temp folder by this bench, removed
// after) and the UN General Debate corpus from ../shared when present.
// Target: Dossier within 2x of the reference; peak RSS < 500 MB.
// `--sizes 10000` limits the generated corpora; `--profile DIR` writes a CPU profile of each Dossier child.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { importPaths } from '../electron/core/import/importFiles';
import { scratchProject } from '../tests/support/scratchProject';
import { rng } from './random';
import { peakRssMb, printTable, sharedDir } from './report';

interface Run {
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
  files: number;
  mb: number;
  /** Dossier only: an FTS5 'optimize' after the import (not part of it), wall / CPU seconds. */
  optimize?: { seconds: number; cpuSeconds: number };
}

const WORDS =
  'the council resolution peace security development climate nations general assembly human rights ' +
  'economic cooperation sustainable regional conflict international support women children health ' +
  'education trade agreement government people future crisis dialogue partnership reform'.split(' ');

/** `n` small text files (about 1 KB each, a few paragraphs) in 100 folders, the same on every run. */
function generate(dir: string, n: number): void {
  const next = rng(n);
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, String(i % 100).padStart(2, '0'));
    if (i < 100) fs.mkdirSync(sub, { recursive: true });
    const paras: string[] = [`Document ${i}`];
    const count = 2 + Math.floor(next() * 4);
    for (let p = 0; p < count; p++) {
      const words: string[] = [];
      const len = 20 + Math.floor(next() * 40);
      for (let w = 0; w < len; w++) words.push(WORDS[Math.floor(next() * WORDS.length)]);
      words.push(`n${i}`);
      paras.push(`${words.join(' ')}.`);
    }
    fs.writeFileSync(path.join(sub, `doc-${i}.txt`), paras.join('\n\n'));
  }
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Reads every file and inserts its name and text into a bare FTS5 table, all in one transaction. */
function reference(corpus: string): Run {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-ref-bench-'));
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const db = new Database(path.join(dir, 'ref.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec("CREATE VIRTUAL TABLE t USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2')");
    const insert = db.prepare('INSERT INTO t (title, text) VALUES (?, ?)');
    let bytes = 0;
    const files = filesUnder(corpus);
    db.transaction(() => {
      for (const f of files) {
        const text = fs.readFileSync(f, 'utf8');
        bytes += Buffer.byteLength(text);
        insert.run(path.basename(f), text);
      }
    })();
    db.close();
    const cpu = process.cpuUsage(c0);
    return {
      seconds: (performance.now() - t0) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      rssMb: peakRssMb(),
      files: files.length,
      mb: bytes / 2 ** 20,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function dossier(corpus: string): Promise<Run> {
  const scratch = scratchProject('empty', 'dossier-importref-bench-');
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await importPaths(scratch.p.db, [corpus], {});
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const bytes = (
      scratch.p.db.prepare('SELECT coalesce(sum(file_size), 0) AS n FROM documents').get() as { n: number }
    ).n;
    if (r.failed.length) throw new Error(`import failed: ${JSON.stringify(r.failed.slice(0, 3))}`);
    // Whether merging the index into one segment after the import is worth its time: measured, not done by the
    // import (see the notes in BENCHMARKS.md).
    const o0 = process.cpuUsage();
    const ot = performance.now();
    scratch.p.db.exec("INSERT INTO documents_fts (documents_fts) VALUES ('optimize')");
    const oc = process.cpuUsage(o0);
    const optimize = { seconds: (performance.now() - ot) / 1000, cpuSeconds: (oc.user + oc.system) / 1e6 };
    return {
      optimize,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      rssMb: peakRssMb(),
      files: r.imported.length,
      mb: bytes / 2 ** 20,
    };
  } finally {
    scratch.dispose();
  }
}

function child(kind: 'ref' | 'dossier', corpus: string, profileDir?: string): Run {
  const self = fileURLToPath(import.meta.url);
  const prof = profileDir && kind === 'dossier' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const out = spawnSync(process.execPath, [...prof, '--import', 'tsx', self, '--one', kind, corpus], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const line = out.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (out.status !== 0 || !line) throw new Error(`bench child failed: ${out.stderr}`);
  return JSON.parse(line.slice(7)) as Run;
}

async function main(): Promise<void> {
  const oneArg = process.argv.indexOf('--one');
  if (oneArg > 0) {
    const kind = process.argv[oneArg + 1];
    const corpus = process.argv[oneArg + 2];
    const r = kind === 'ref' ? reference(corpus) : await dossier(corpus);
    process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
    return;
  }
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [10_000, 100_000];
  const profArg = process.argv.indexOf('--profile');
  const profileDir = profArg > 0 ? process.argv[profArg + 1] : undefined;
  const corpora: { name: string; dir: string; temp: boolean }[] = [];
  const shared = sharedDir();
  const un = shared && path.join(shared, 'corpora', 'un-general-debate-2015-2024');
  if (un && fs.existsSync(un)) corpora.push({ name: 'UN General Debate', dir: un, temp: false });
  else console.log('bench importReference: ../shared is absent; the UN corpus is skipped');
  for (const n of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dossier-gen-${n}-`));
    const t0 = performance.now();
    generate(dir, n);
    console.log(`generated ${n} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    corpora.push({ name: `${n.toLocaleString('en')} generated files`, dir, temp: true });
  }
  const rows: string[] = [];
  try {
    for (const c of corpora) {
      const ref = child('ref', c.dir);
      const dos = child('dossier', c.dir, profileDir);
      const load = os.loadavg()[0].toFixed(1);
      const row = `| ${c.name} | ${ref.files} | ${ref.mb.toFixed(1)} | ${ref.seconds.toFixed(2)} / ${ref.cpuSeconds.toFixed(2)} / ${ref.rssMb.toFixed(0)} | ${dos.seconds.toFixed(2)} / ${dos.cpuSeconds.toFixed(2)} / ${dos.rssMb.toFixed(0)} | ${(dos.seconds / ref.seconds).toFixed(2)}x | ${(dos.cpuSeconds / ref.cpuSeconds).toFixed(2)}x | ${(dos.files / dos.seconds).toFixed(0)} | ${dos.optimize?.seconds.toFixed(2)} / ${dos.optimize?.cpuSeconds.toFixed(2)} | ${load} |`;
      console.log(row);
      rows.push(row);
    }
  } finally {
    for (const c of corpora) if (c.temp) fs.rmSync(c.dir, { recursive: true, force: true });
  }
  printTable(
    '| corpus | files | MB | raw FTS5: s / CPU s / peak RSS MB | Dossier: s / CPU s / peak RSS MB | wall ratio | CPU ratio | Dossier files/s | optimize after: s / CPU s | load |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    rows,
  );
}

await main();
