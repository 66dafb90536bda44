import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { callMethod } from '../electron/core/api/dispatch';
import { createClaim } from '../electron/core/claims';
import { addDocument } from '../electron/core/documents';
import { createDomain } from '../electron/core/domains';
import { closeProject, createProject, type Project } from '../electron/core/project';
import { currentModel } from '../electron/core/suggest/state';
import { runJob } from '../electron/core/suggest/workerJobs';
import { paragraphSpans } from '../shared/paragraphs';
import { loadBbc, TOPICS as BBC_TOPICS } from './suggestBbc';

// Corpus-wide suggestion in the worker (issue 17): 100,000 paragraphs scored by the suggestion worker while the
// thread that answers the API keeps answering. Printed, not written to BENCHMARKS.md (the lead merges the rows):
// wall time of the run, the API thread's event-loop utilisation during it, the latency of getModel calls made
// every 20 ms meanwhile, and the same scoring run in-thread (CPU time) as the reference measured in the same run.
// The project is built here in a temp folder, never checked in.

const DOCS = Number(process.env.DOCS ?? 2_000);
const PARAS = 50;
const TOPICS = [
  ['troops', 'brigade', 'artillery', 'battalion', 'deployment', 'drills', 'frigate', 'exercise'],
  ['tariff', 'inflation', 'exports', 'budget', 'investment', 'currency', 'deficit', 'bonds'],
  ['treaty', 'summit', 'envoy', 'embassy', 'talks', 'minister', 'accord', 'delegation'],
];
const FILLER = [
  'the',
  'ministry',
  'said',
  'on',
  'tuesday',
  'that',
  'new',
  'plans',
  'were',
  'announced',
  'for',
];

let seed = 7;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
function sentence(topic: number): string {
  const w = Array.from({ length: 10 }, () => (random() < 0.35 ? pick(TOPICS[topic]) : pick(FILLER)));
  return w.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
}

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

interface Built {
  what: string;
  documents: number;
  paragraphs: number;
  claims: number;
}

/** Generated sentences over three topics: 2,000 documents of 50 paragraphs, three claims in each of the first 200. */
function buildSynthetic(p: Project): Built {
  const domains = p.db
    .prepare('SELECT id FROM domains WHERE codable = 1 ORDER BY id LIMIT 3')
    .pluck()
    .all() as number[];
  p.db.transaction(() => {
    for (let d = 0; d < DOCS; d++) {
      const paras = Array.from({ length: PARAS }, (_, i) => {
        const t = (d + i) % 3;
        return { t, text: `${sentence(t)} ${sentence(t)}` };
      });
      // Blank lines between paragraphs: a paragraph unit is a block as shared/paragraphs.ts cuts them.
      const text = paras.map((x) => x.text).join('\n\n');
      const id = addDocument(p.db, { title: `doc ${d}`, format: 'txt', text }).id;
      // Claims in the first 200 documents: three paragraphs each.
      if (d < 200) {
        let at = 0;
        paras.forEach((x, i) => {
          if (i < 3)
            createClaim(p.db, { docId: id, start: at, end: at + x.text.length, domainIds: [domains[x.t]] });
          at += x.text.length + 2;
        });
      }
    }
  })();
  return { what: 'generated sentences, 3 domains', documents: DOCS, paragraphs: DOCS * PARAS, claims: 600 };
}

/**
 * The BBC news corpus (../shared) as the suggestion benchmark has it: five topic domains, every paragraph of the
 * first 20 % of the (shuffled) articles tagged with its topic, and the articles repeated until the project holds
 * 100,000 paragraphs of real news text (a copy's title says which).
 */
function buildBbc(p: Project): Built {
  const docs = loadBbc();
  const domains = BBC_TOPICS.map((name) => createDomain(p.db, { name: `BBC ${name}` }));
  const nTrain = Math.round(docs.length * 0.2);
  let documents = 0;
  let paragraphs = 0;
  let claims = 0;
  p.db.transaction(() => {
    for (let copy = 0; paragraphs < 100_000; copy++) {
      for (const [i, d] of docs.entries()) {
        if (paragraphs >= 100_000) break;
        // A copy's headline says which copy it is: the same text again would be the same document (imports dedupe).
        const paras = copy === 0 ? d.paras : [`${d.paras[0]} (copy ${copy})`, ...d.paras.slice(1)];
        const text = paras.join('\n\n');
        const id = addDocument(p.db, { title: `bbc ${d.doc} (copy ${copy})`, format: 'txt', text }).id;
        documents++;
        paragraphs += d.paras.length;
        if (copy > 0 || i >= nTrain) continue;
        let at = 0;
        for (const para of d.paras) {
          createClaim(p.db, { docId: id, start: at, end: at + para.length, domainIds: [domains[d.topic]] });
          claims++;
          at += para.length + 2;
        }
      }
    }
  })();
  return { what: 'BBC news paragraphs, 5 domains', documents, paragraphs, claims };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-suggest-worker-'));
  const p = createProject(path.join(dir, 'bench.dossier'));
  try {
    const built: Built = process.env.CORPUS === 'bbc' ? buildBbc(p) : buildSynthetic(p);
    // The paragraph units the run scores, counted as the scorer cuts them (not assumed from how they were built).
    let units = 0;
    for (const text of p.db.prepare('SELECT text FROM documents').pluck().iterate() as Iterable<string>)
      units += paragraphSpans(text).length;
    built.paragraphs = units;
    const trained = await callMethod(p, 'trainModel', {});
    if (!trained.ok) throw new Error(trained.error.message);
    console.log(
      `project: ${built.documents} documents, ${built.paragraphs} paragraphs, ${built.claims} claims (${built.what}); load ${load()}`,
    );

    // The run in the worker, with the API thread probed every 20 ms.
    const latencies: number[] = [];
    let running = true;
    const probe = async (): Promise<void> => {
      while (running) {
        const t = performance.now();
        await callMethod(p, 'getModel', {});
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    const probing = probe();
    const r = await callMethod(p, 'suggestClaims', {
      all: true,
      unit: 'paragraph',
      minScore: 0.5,
      jobId: 'bench',
    });
    const wall = performance.now() - t0;
    running = false;
    await probing;
    const elu = performance.eventLoopUtilization(elu0);
    if (!r.ok) throw new Error(r.error.message);
    latencies.sort((a, b) => a - b);
    const q = (f: number): string =>
      latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))].toFixed(1);
    console.log(
      `worker run: ${(wall / 1000).toFixed(2)} s wall for ${built.paragraphs} paragraphs (worker start included); ` +
        `API thread event-loop utilisation ${(elu.utilization * 100).toFixed(1)} %; ` +
        `${latencies.length} getModel calls meanwhile: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms; load ${load()}`,
    );

    // Reference: the same scoring in this thread (what the request did before), CPU time.
    const blob = currentModel(p.db).blob!;
    const docIds = p.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
    const c0 = process.cpuUsage();
    const t1 = performance.now();
    runJob(
      p.db,
      {
        kind: 'suggest',
        blob,
        options: { docIds, unit: 'paragraph', minScore: 0.5 },
        stop: new SharedArrayBuffer(4),
      },
      () => undefined,
    );
    const inThreadWall = performance.now() - t1;
    const inThreadCpu = cpuMs(process.cpuUsage(c0));
    console.log(
      `in-thread reference: ${(inThreadCpu / 1000).toFixed(2)} s CPU, ${(inThreadWall / 1000).toFixed(2)} s wall ` +
        `(${Math.round(built.paragraphs / (inThreadCpu / 1000)).toLocaleString('en')} paragraphs per CPU second); ` +
        `worker wall / in-thread wall ${(wall / inThreadWall).toFixed(2)}; load ${load()}`,
    );
  } finally {
    closeProject(p);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
