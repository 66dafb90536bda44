// Export bench: 100,000 claims on real text (UN General Debate speeches from ../shared), tagged through the core's
// own createClaim; then each format is exported in a fresh child process so that its time and peak RSS are its own.
// Targets (issue 5): CSV < 2 s, XLSX < 15 s, W3C JSON < 3 s, .qdpx < 10 s, peak RSS < 1 GB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClaim } from '../electron/core/claims';
import { addDocument } from '../electron/core/documents';
import { createDomain } from '../electron/core/domains';
import { exportExcerpts, type ExportFormat } from '../electron/core/export';
import { closeProject, createProject, openProject } from '../electron/core/project';
import { peakRssMb, sharedDir, writeSection } from './report';
import { rng } from '../shared/random';

const CLAIMS = 100_000;
const DOCS = 400;
const FORMATS: { format: ExportFormat; targetS: number | null }[] = [
  { format: 'csv', targetS: 2 },
  { format: 'xlsx', targetS: 15 },
  { format: 'w3c', targetS: 3 },
  { format: 'qdpx', targetS: 10 },
  { format: 'md', targetS: null },
  { format: 'html', targetS: null },
  { format: 'docx', targetS: null },
];
const RSS_TARGET_MB = 1024;

function speeches(corpus: string): string[] {
  const out: string[] = [];
  for (const session of fs.readdirSync(corpus).sort()) {
    const dir = path.join(corpus, session);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) out.push(path.join(dir, f));
  }
  return out;
}

/** Builds the bench project; returns its path and how long tagging took. */
function build(corpus: string, file: string): { claimsPerSecond: number; docs: number; chars: number } {
  const p = createProject(file, 'empty');
  const db = p.db;
  const random = rng(5);
  const parents = ['Security', 'Economy', 'Climate', 'Rights'].map((name) =>
    createDomain(db, { name, description: `${name} and related matters` }),
  );
  const domainIds = [...parents];
  for (const [i, parentId] of parents.entries())
    for (let k = 1; k <= 4; k++)
      domainIds.push(
        createDomain(db, { name: `${['Security', 'Economy', 'Climate', 'Rights'][i]} ${k}`, parentId }),
      );
  const country = Number(
    db.prepare("INSERT INTO attributes (name, type) VALUES ('Country', 'text')").run().lastInsertRowid,
  );
  const year = Number(
    db.prepare("INSERT INTO attributes (name, type) VALUES ('Year', 'number')").run().lastInsertRowid,
  );
  const setAttr = db.prepare(
    'INSERT INTO document_attributes (document_id, attribute_id, value) VALUES (?, ?, ?)',
  );
  const docs: { id: number; words: [number, number][] }[] = [];
  let chars = 0;
  db.transaction(() => {
    for (const f of speeches(corpus).slice(0, DOCS)) {
      const text = fs.readFileSync(f, 'utf8');
      const r = addDocument(db, {
        title: path.basename(f, '.txt'),
        text,
        format: 'txt',
        source: 'UN General Debate',
      });
      if (r.status !== 'imported') continue;
      const [iso, , yr] = path.basename(f, '.txt').split('_');
      setAttr.run(r.id, country, iso);
      setAttr.run(r.id, year, yr);
      const stored = (db.prepare('SELECT text FROM documents WHERE id = ?').get(r.id) as { text: string })
        .text;
      chars += stored.length;
      docs.push({
        id: r.id,
        words: [...stored.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length]),
      });
    }
  })();
  const t0 = performance.now();
  db.transaction(() => {
    for (let n = 0; n < CLAIMS; n++) {
      const doc = docs[n % docs.length];
      const first = Math.floor(random() * (doc.words.length - 40));
      const last = first + 3 + Math.floor(random() * 35);
      const pick = (): number => domainIds[Math.floor(random() * domainIds.length)];
      createClaim(db, {
        docId: doc.id,
        start: doc.words[first][0],
        end: doc.words[last][1],
        domainIds: random() < 0.2 ? [pick(), pick()] : [pick()],
        note: random() < 0.2 ? 'Compare with the previous session; wording "firmly" is new.' : '',
        actor: random() < 0.5 ? 'Delegation' : '',
        stance: random() < 0.5 ? 'supports' : null,
        reliability: (['A', 'B', 'C'] as const)[Math.floor(random() * 3)],
        credibility: 1 + Math.floor(random() * 6),
        analyst: ['ana', 'ben', 'chloé'][Math.floor(random() * 3)],
      });
    }
  })();
  const seconds = (performance.now() - t0) / 1000;
  closeProject(p);
  return { claimsPerSecond: CLAIMS / seconds, docs: docs.length, chars };
}

/**
 * This process's own peak RSS. getrusage's maxRSS of a spawned child starts from its parent's peak (Linux keeps
 * the high-water mark across fork and exec), so read the high-water mark of this process's memory instead.
 */
function ownPeakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : peakRssMb();
}

/** Child: export one format, print {ms, bytes, count, rssMb} as JSON. */
async function child(format: ExportFormat, file: string, out: string): Promise<void> {
  const p = openProject(file);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await exportExcerpts(p.db, 'Bench', format);
  fs.writeFileSync(out, r.bytes);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  closeProject(p);
  process.stdout.write(
    JSON.stringify({ ms, cpuMs, bytes: r.bytes.length, count: r.count, rssMb: ownPeakRssMb() }),
  );
}

async function run(): Promise<void> {
  const shared = sharedDir();
  const corpus = shared && path.join(shared, 'corpora', 'un-general-debate-2015-2024');
  if (!corpus || !fs.existsSync(corpus)) {
    console.log('export bench skipped: ../shared/corpora/un-general-debate-2015-2024 is missing');
    return;
  }
  // The project is built once and kept (tagging 100,000 claims takes a while); delete the folder to rebuild.
  const cache = path.join(os.tmpdir(), 'dossier-export-bench-v1');
  const file = path.join(cache, 'Bench.dossier');
  const info = path.join(cache, 'built.json');
  if (!fs.existsSync(info)) {
    fs.rmSync(cache, { recursive: true, force: true });
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(info, JSON.stringify(build(corpus, file)));
  }
  const built = JSON.parse(fs.readFileSync(info, 'utf8')) as ReturnType<typeof build>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-export-out-'));
  const self = fileURLToPath(import.meta.url);
  const lines = [
    `${CLAIMS.toLocaleString('en')} claims (20 % with two domains, 20 % with a note) on ${built.docs} UN General Debate speeches (${(built.chars / 1e6).toFixed(1)} M characters), tagged through \`createClaim\` at ${Math.round(built.claimsPerSecond).toLocaleString('en')} claims/s. Each export runs in a fresh process (open project → file written); RSS is that process's peak.`,
    '',
    '| format | time (wall) | CPU time | target | peak RSS | file | count |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  let failed = false;
  let maxLoad = os.loadavg()[0];
  for (const { format, targetS } of FORMATS) {
    const out = path.join(dir, `out.${format}`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', format, file, out], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`${format} export failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split('\n').pop() as string) as {
      ms: number;
      cpuMs: number;
      bytes: number;
      count: number;
      rssMb: number;
    };
    const ok = (targetS === null || m.ms / 1000 < targetS) && m.rssMb < RSS_TARGET_MB;
    maxLoad = Math.max(maxLoad, os.loadavg()[0]);
    if (!ok) failed = true;
    lines.push(
      `| ${format} | ${(m.ms / 1000).toFixed(2)} s | ${(m.cpuMs / 1000).toFixed(2)} s | ${targetS === null ? '—' : `< ${targetS} s`} | ${Math.round(m.rssMb)} MB | ${(m.bytes / 2 ** 20).toFixed(1)} MiB | ${m.count.toLocaleString('en')} |${ok ? '' : ' **over target**'}`,
    );
    process.stdout.write(`${lines[lines.length - 1]}\n`);
  }
  lines.push(
    '',
    `Targets: time as listed, peak RSS < ${RSS_TARGET_MB} MB.${failed ? ' Some figures are over target.' : ' All within target.'}`,
    `Load average during the run reached ${maxLoad.toFixed(1)} on ${os.cpus().length} cores: other work on the machine stretches wall time; CPU time is the export's own.`,
  );
  writeSection('export', 'Export (CSV, XLSX, W3C, .qdpx, reports) — 100,000 claims', lines.join('\n'));
  fs.rmSync(dir, { recursive: true, force: true });
}

const i = process.argv.indexOf('--child');
if (i >= 0) await child(process.argv[i + 1] as ExportFormat, process.argv[i + 2], process.argv[i + 3]);
else await run();
