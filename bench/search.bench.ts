// Search bench: the UN General Debate corpus (1,938 speeches) imported into a fresh project, then 200 queries of
// one or two words and two-word phrases drawn from the corpus itself, each returning the top 20 documents with
// snippets and every hit's offsets (what the Library and the Reader show). Target (issue 3): p95 < 25 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPaths } from '../electron/core/import/importFiles';
import { createProject } from '../electron/core/project';
import { searchClaims, searchDocuments } from '../electron/core/search';
import { percentile, peakRssMb, sharedDir, writeSection } from './report';
import { rng } from '../shared/random';

function queries(texts: string[], n: number): string[] {
  const rand = rng(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const out: string[] = [];
  while (out.length < n) {
    const words = pick(texts).match(/\p{L}{4,}/gu) ?? [];
    if (words.length < 2) continue;
    const i = Math.floor(rand() * (words.length - 1));
    const kind = out.length % 3;
    if (kind === 0) out.push(words[i]);
    else if (kind === 1) out.push(`${words[i]} ${pick(words)}`);
    else out.push(`"${words[i]} ${words[i + 1]}"`);
  }
  return out;
}

function time(
  qs: string[],
  run: (q: string) => number,
): { p50: number; p95: number; max: number; mean: number; hits: number } {
  for (const q of qs.slice(0, 20)) run(q);
  const ms: number[] = [];
  let hits = 0;
  for (const q of qs) {
    const t = performance.now();
    hits += run(q);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return {
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: ms[ms.length - 1],
    mean: ms.reduce((a, b) => a + b, 0) / ms.length,
    hits: hits / qs.length,
  };
}

async function main(): Promise<void> {
  const shared = sharedDir();
  if (!shared) {
    console.log('bench search: ../shared is absent; nothing to measure');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-search-bench-'));
  try {
    const p = createProject(path.join(dir, 'bench.dossier'), 'empty');
    const report = await importPaths(p.db, [path.join(shared, 'corpora', 'un-general-debate-2015-2024')]);
    const texts = (p.db.prepare('SELECT text FROM documents').all() as { text: string }[]).map((r) => r.text);
    const qs = queries(texts, 200);
    const full = time(qs, (q) => {
      const r = searchDocuments(p.db, q, { limit: 20 });
      return r.results.reduce((n, x) => n + x.hits.length, 0);
    });
    const light = time(qs, (q) => searchDocuments(p.db, q, { limit: 20, hits: false }).results.length);
    const claims = time(qs, (q) => searchClaims(p.db, q, { limit: 20 }).length);
    const row = (name: string, r: ReturnType<typeof time>, unit: string): string =>
      `| ${name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.mean.toFixed(1)} | ${r.hits.toFixed(0)} ${unit} |`;
    writeSection(
      'search',
      'Search (issue 3)',
      [
        `UN General Debate corpus (${report.imported.length} documents) in a fresh project; 200 queries drawn from the corpus (⅓ one word, ⅓ two words, ⅓ two-word phrases), top 20 with BM25, snippets; 20 warm-up queries first. Load average during the run: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores. Peak RSS ${peakRssMb().toFixed(0)} MB.`,
        '',
        '| what | p50 ms | p95 ms | max ms | mean ms | per query |',
        '|---|---:|---:|---:|---:|---:|',
        row('documents: snippets + every hit offset', full, 'hit offsets'),
        row('documents: snippets only', light, 'results'),
        row('claims (none in this project: FTS cost only)', claims, 'results'),
        '',
        `Target p95 < 25 ms (with snippets): ${full.p95 < 25 ? 'met' : 'NOT met'} (${full.p95.toFixed(1)} ms).`,
      ].join('\n'),
    );
    p.db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
