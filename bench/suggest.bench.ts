// Suggestions bench (issue 17). The BBC corpus (../shared/corpora/bbc-news): five topic folders as domains, every
// paragraph of a training document tagged with its topic; train on 20 % of the documents (seeded shuffle),
// evaluate on the rest at the paragraph level (each paragraph's best-scoring domain), macro-F1, against keyword
// autocode of the five topic names and a multinomial naive Bayes over the same hashed word uni+bigrams; the
// learning curve by number of training claims; training time and memory by claims; the popover's ranking latency;
// scoring throughput for corpus-wide suggestion. SUGGEST_BENCH_MAX (default 100000) caps the largest training run.
import fs from 'node:fs';
import path from 'node:path';
import { termCounts, vectorize } from '../electron/core/suggest/features';
import { rng, scores, shuffle } from '../electron/core/suggest/model';
import { fitModel, type Passage } from '../electron/core/suggest/train';
import { percentile, peakRssMb, writeSection } from './report';

const ROOT = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  '..',
  'shared',
  'corpora',
  'bbc-news',
);
const TOPICS = ['business', 'entertainment', 'politics', 'sport', 'tech'];

interface Doc {
  doc: number;
  topic: number;
  paras: string[];
}

function load(): Doc[] {
  const docs: Doc[] = [];
  let id = 0;
  TOPICS.forEach((t, ti) => {
    for (const f of fs.readdirSync(path.join(ROOT, t)).sort()) {
      const text = fs.readFileSync(path.join(ROOT, t, f), 'latin1');
      const paras = text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      docs.push({ doc: id++, topic: ti, paras });
    }
  });
  return shuffle(docs, rng(1));
}

function macroF1(pairs: Iterable<[number, number | null]>): { macro: number; per: number[] } {
  const c = TOPICS.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  for (const [truth, guess] of pairs) {
    if (guess === truth) c[truth].tp++;
    else {
      if (guess !== null) c[guess].fp++;
      c[truth].fn++;
    }
  }
  const per = c.map((x) => (x.tp ? (2 * x.tp) / (2 * x.tp + x.fp + x.fn) : 0));
  return { macro: per.reduce((a, b) => a + b, 0) / per.length, per };
}

const argmax = (s: number[]): number => s.indexOf(Math.max(...s));

function evaluate(train: Passage[], test: { text: string; topic: number }[]): number {
  const model = fitModel(train, [0, 1, 2, 3, 4]);
  return macroF1(test.map((p) => [p.topic, argmax(scores(model, vectorize(termCounts(p.text), model.idf)))]))
    .macro;
}

function naiveBayes(train: Passage[], test: { text: string; topic: number }[]): number {
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

function keywords(test: { text: string; topic: number }[]): number {
  return macroF1(
    test.map((p) => {
      const lower = p.text.toLowerCase();
      const hit = TOPICS.findIndex((t) => new RegExp(`\\b${t}\\b`).test(lower));
      return [p.topic, hit < 0 ? null : hit];
    }),
  ).macro;
}

function main(): void {
  if (!fs.existsSync(ROOT)) {
    console.log(`skipped: ${ROOT} is absent`);
    return;
  }
  const docs = load();
  const nTrain = Math.round(docs.length * 0.2);
  const trainDocs = docs.slice(0, nTrain);
  const test = docs.slice(nTrain).flatMap((d) => d.paras.map((text) => ({ text, topic: d.topic })));
  const train: Passage[] = trainDocs.flatMap((d) =>
    d.paras.map((text) => ({ text, doc: d.doc, pos: [d.topic], neg: 'all' as const })),
  );
  const lines: string[] = [];
  let t0 = performance.now();
  const f1 = evaluate(train, test);
  const evalMs = performance.now() - t0;
  const nb = naiveBayes(train, test);
  const kw = keywords(test);
  lines.push(
    `BBC news, ${docs.length} documents, train on ${trainDocs.length} (20 %: ${train.length} paragraph claims), test on ${test.length} paragraphs of the rest:`,
    '',
    '| method | macro-F1 |',
    '|---|---|',
    `| Dossier (NB-weighted logistic regression, word 1–2-grams + char 3–5-grams) | **${f1.toFixed(3)}** |`,
    `| multinomial naive Bayes, same hashed features | ${nb.toFixed(3)} |`,
    `| keyword autocode of the five topic names | ${kw.toFixed(3)} |`,
    '',
    `Train + score ${test.length} paragraphs: ${(evalMs / 1000).toFixed(1)} s.`,
    '',
    '| training claims | macro-F1 |',
    '|---|---|',
  );
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
    scores(model, vectorize(termCounts(s), model.idf));
    lat.push(performance.now() - t0);
  }
  lat.sort((a, b) => a - b);
  lines.push(
    '',
    `Popover ranking (one sentence, 5 domains): p50 ${percentile(lat, 50).toFixed(2)} ms, p95 ${percentile(lat, 95).toFixed(2)} ms.`,
  );
  // Corpus-wide suggestion: paragraphs scored per second (the test paragraphs, repeated to 100,000 if asked).
  const want = Number(process.env.SUGGEST_BENCH_PARAGRAPHS ?? 20_000);
  t0 = performance.now();
  for (let i = 0; i < want; i++) scores(model, vectorize(termCounts(test[i % test.length].text), model.idf));
  const perSec = want / ((performance.now() - t0) / 1000);
  lines.push(
    `Corpus-wide scoring: ${Math.round(perSec)} paragraphs/s (${want} scored): 100,000 paragraphs ≈ ${(100_000 / perSec).toFixed(0)} s.`,
  );
  // Training time and memory by claims (paragraphs repeated with their topic; distinct documents kept).
  lines.push('', '| claims | training (s) | peak RSS (MB) |', '|---|---|---|');
  const max = Number(process.env.SUGGEST_BENCH_MAX ?? 100_000);
  const all = docs.flatMap((d) =>
    d.paras.map((text) => ({ text, doc: d.doc, pos: [d.topic], neg: 'all' as const })),
  );
  for (const n of [1_000, 10_000, 100_000].filter((x) => x <= max)) {
    const set = Array.from({ length: n }, (_, i) => all[i % all.length]);
    t0 = performance.now();
    fitModel(set, [0, 1, 2, 3, 4]);
    lines.push(`| ${n} | ${((performance.now() - t0) / 1000).toFixed(1)} | ${peakRssMb().toFixed(0)} |`);
    console.log(lines.at(-1));
  }
  writeSection('suggest', 'Suggestions (issue 17)', lines.join('\n'));
}

main();
