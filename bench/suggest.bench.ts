// Suggestions bench (issue 17). The BBC corpus (../shared/corpora/bbc-news): five topic folders as domains, every
// paragraph of a training document tagged with its topic; train on 20 % of the documents (seeded shuffle),
// evaluate on the rest at the paragraph level (each paragraph's best-scoring domain), macro-F1, against keyword
// autocode of the five topic names and a multinomial naive Bayes over the same hashed features; the learning curve
// by number of training claims; training time and memory by claims (each size in its own process, for its own
// peak RSS); the popover's ranking latency; corpus-wide scoring through scoreUnits. The hyper-parameters were
// chosen by bench/suggestTune.ts on the TRAINING split only (5 folds by document). The machine is shared: every
// figure is printed with the load average, and CPU time beside wall time. SUGGEST_BENCH_MAX (default 100000) caps
// the largest training run; SUGGEST_BENCH_PARAGRAPHS (default 100000) the scoring run; SUGGEST_BENCH_NO_WRITE=1
// prints the section instead of writing BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { featurize, termCounts, vectorize } from '../electron/core/suggest/features';
import { rng, scores, shuffle } from '../electron/core/suggest/model';
import { scoreUnits, type ScoreUnit } from '../electron/core/suggest/scoreUnits';
import { fitModel, type FitOptions, type Passage } from '../electron/core/suggest/train';
import { percentile, writeSection } from './report';
import { argmax, BBC_ROOT, loadBbc, macroF1, split, TOPICS } from './suggestBbc';

type Test = { text: string; topic: number }[];
const load = (): string => `load ${os.loadavg()[0].toFixed(1)}`;
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
};

function evaluate(train: Passage[], test: Test, o: FitOptions = {}): number {
  const model = fitModel(train, [0, 1, 2, 3, 4], o);
  return macroF1(test.map((p) => [p.topic, argmax(scores(model, featurize(p.text, model.idf)))])).macro;
}

function naiveBayes(train: Passage[], test: Test): number {
  const DIM = 1 << 18;
  const counts = TOPICS.map(() => new Float64Array(DIM));
  const prior = TOPICS.map(() => 0);
  for (const p of train) {
    prior[p.pos[0]]++;
    for (const [k, v] of termCounts(p.text)) counts[p.pos[0]][k] += v;
  }
  const logp = counts.map((a) => {
    const s = a.reduce((x, y) => x + y, 0) + 0.1 * DIM;
    return a.map((v) => Math.log((v + 0.1) / s));
  });
  return macroF1(
    test.map((p) => {
      const tc = termCounts(p.text);
      const s = TOPICS.map((_, j) => {
        let z = Math.log(prior[j]);
        for (const [k, v] of tc) z += v * logp[j][k];
        return z;
      });
      return [p.topic, argmax(s)];
    }),
  ).macro;
}

function keywords(test: Test): number {
  return macroF1(
    test.map((p) => {
      const lower = p.text.toLowerCase();
      const hit = TOPICS.findIndex((t) => new RegExp(`\\b${t}\\b`).test(lower));
      return [p.topic, hit < 0 ? null : hit];
    }),
  ).macro;
}

function trainingRun(n: number, cv: boolean): { wallMs: number; cpuMs: number; peakRssMb: number } {
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), 'suggestTrainSize.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, String(n), cv ? 'cv' : ''], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`training run at ${n} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
    wallMs: number;
    cpuMs: number;
    peakRssMb: number;
  };
}

function main(): void {
  if (!fs.existsSync(BBC_ROOT)) {
    console.log(`skipped: ${BBC_ROOT} is absent`);
    return;
  }
  const docs = loadBbc();
  const { train, test, nTrain } = split(docs);
  const allText = docs.flatMap((d) => d.paras);
  const lines: string[] = [];
  let t0 = performance.now();
  const f1 = evaluate(train, test);
  const evalMs = performance.now() - t0;
  const f1AllIdf = evaluate(train, test, { idfTexts: allText });
  const nb = naiveBayes(train, test);
  const kw = keywords(test);
  lines.push(
    `BBC news, ${docs.length} documents, train on ${nTrain} (20 %: ${train.length} paragraph claims), test on ${test.length} paragraphs of the rest (${load()}):`,
    '',
    '| method | macro-F1 |',
    '|---|---|',
    `| Dossier (NB-weighted logistic regression by averaged SGD, interpolated towards NB (β 0.08), Platt-calibrated; word 1–2-grams + char 3–5-grams) | **${f1.toFixed(3)}** |`,
    `| the same, IDF fitted on all the project's text (unlabelled) | ${f1AllIdf.toFixed(3)} |`,
    `| multinomial naive Bayes, same hashed features (α 0.1) | ${nb.toFixed(3)} |`,
    `| keyword autocode of the five topic names | ${kw.toFixed(3)} |`,
    '',
    'Hyper-parameters (β, NB α, epochs, calibration) chosen by cross-validation on the training split only (bench/suggestTune.ts, 5 folds by document); the test split was scored once.',
    `Train + score ${test.length} paragraphs: ${(evalMs / 1000).toFixed(1)} s.`,
    '',
    '| training claims | macro-F1 |',
    '|---|---|',
  );
  console.log(lines.join('\n'));
  const pool = shuffle([...train], rng(2));
  for (const n of [50, 100, 200, 500, 1000]) {
    lines.push(`| ${n} | ${evaluate(pool.slice(0, n), test).toFixed(3)} |`);
    console.log(lines.at(-1));
  }
  // Popover: one sentence scored (featurize + 5 dot products), p50/p95 over the test paragraphs' first sentences.
  const model = fitModel(train, [0, 1, 2, 3, 4]);
  const lat: number[] = [];
  for (const p of test.slice(0, 2000)) {
    const s = p.text.split(/(?<=\.)\s/)[0];
    t0 = performance.now();
    scores(model, featurize(s, model.idf));
    lat.push(performance.now() - t0);
  }
  lat.sort((a, b) => a - b);
  lines.push(
    '',
    `Popover ranking (one sentence, 5 domains): p50 ${percentile(lat, 50).toFixed(2)} ms, p95 ${percentile(lat, 95).toFixed(2)} ms (${load()}).`,
  );
  // Corpus-wide suggestion: scoreUnits over the test paragraphs repeated to 100,000, in batches of 5,000 (as a
  // worker would pass them), against the former path (Map counts + vectorize + per-domain scoring) in the same run.
  const want = Number(process.env.SUGGEST_BENCH_PARAGRAPHS ?? 100_000);
  const units: ScoreUnit[] = Array.from({ length: want }, (_, i) => {
    const text = test[i % test.length].text;
    return { docId: i, start: 0, end: text.length, text };
  });
  let c0 = process.cpuUsage();
  t0 = performance.now();
  let hits = 0;
  for (let i = 0; i < units.length; i += 5000)
    hits += scoreUnits(model, units.slice(i, i + 5000), { minScore: 0.5, limit: 500 }).length;
  const fastWall = performance.now() - t0;
  const fastCpu = cpuMs(c0);
  const refN = Math.min(20_000, want);
  c0 = process.cpuUsage();
  t0 = performance.now();
  for (let i = 0; i < refN; i++) scores(model, vectorize(termCounts(units[i].text), model.idf));
  const refCpu = cpuMs(c0);
  const refWall = performance.now() - t0;
  const perSecCpu = want / (fastCpu / 1000);
  lines.push(
    `Corpus-wide scoring (scoreUnits, ${want.toLocaleString('en')} paragraphs, ${hits} hits kept): ${(fastWall / 1000).toFixed(1)} s wall, ${(fastCpu / 1000).toFixed(1)} s CPU = ${Math.round(perSecCpu)} paragraphs per CPU-second (${load()}); the former path (Map counts, vectorize, per-domain dot products) in the same run: ${Math.round(refN / (refCpu / 1000))} per CPU-second (${Math.round(refN / (refWall / 1000))}/s wall): ×${(perSecCpu / (refN / (refCpu / 1000))).toFixed(1)}.`,
  );
  console.log(lines.at(-1));
  // Training time and memory by claims, each in a fresh process.
  lines.push(
    '',
    '| claims | fit: wall (s) | fit: CPU (s) | peak RSS (MB) | fit + 5-fold CV: CPU (s) | peak RSS (MB) | load |',
    '|---|---|---|---|---|---|---|',
  );
  const max = Number(process.env.SUGGEST_BENCH_MAX ?? 100_000);
  for (const n of [1_000, 10_000, 100_000].filter((x) => x <= max)) {
    const fit = trainingRun(n, false);
    const cv = n <= 10_000 ? trainingRun(n, true) : null;
    lines.push(
      `| ${n.toLocaleString('en')} | ${(fit.wallMs / 1000).toFixed(1)} | ${(fit.cpuMs / 1000).toFixed(1)} | ${fit.peakRssMb} | ${cv ? (cv.cpuMs / 1000).toFixed(1) : '–'} | ${cv ? cv.peakRssMb : '–'} | ${os.loadavg()[0].toFixed(1)} |`,
    );
    console.log(lines.at(-1));
  }
  if (process.env.SUGGEST_BENCH_NO_WRITE === '1') console.log(lines.join('\n'));
  else writeSection('suggest', 'Suggestions (issue 17)', lines.join('\n'));
}

main();
