// The BBC benchmark's data and scoring, shared by bench/suggest.bench.ts and the hyper-parameter search
// (bench/suggestTune.ts), which cross-validates on the training split only.
import fs from 'node:fs';
import path from 'node:path';
import { rng, shuffle } from '../electron/core/suggest/model';
import type { Passage } from '../electron/core/suggest/train';

export const BBC_ROOT = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  '..',
  'shared',
  'corpora',
  'bbc-news',
);
export const TOPICS = ['business', 'entertainment', 'politics', 'sport', 'tech'];

export interface Doc {
  doc: number;
  topic: number;
  paras: string[];
}

export function loadBbc(): Doc[] {
  const docs: Doc[] = [];
  let id = 0;
  TOPICS.forEach((t, ti) => {
    for (const f of fs.readdirSync(path.join(BBC_ROOT, t)).sort()) {
      const text = fs.readFileSync(path.join(BBC_ROOT, t, f), 'latin1');
      const paras = text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      docs.push({ doc: id++, topic: ti, paras });
    }
  });
  return shuffle(docs, rng(1));
}

/** The seeded split: the first 20 % of the shuffled documents train, the rest test. */
export function split(docs: Doc[]): {
  train: Passage[];
  test: { text: string; topic: number }[];
  nTrain: number;
} {
  const nTrain = Math.round(docs.length * 0.2);
  const test = docs.slice(nTrain).flatMap((d) => d.paras.map((text) => ({ text, topic: d.topic })));
  const train: Passage[] = docs
    .slice(0, nTrain)
    .flatMap((d) => d.paras.map((text) => ({ text, doc: d.doc, pos: [d.topic], neg: 'all' as const })));
  return { train, test, nTrain };
}

export function macroF1(pairs: Iterable<[number, number | null]>): { macro: number; per: number[] } {
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

export const argmax = (s: ArrayLike<number>): number => {
  let best = 0;
  for (let j = 1; j < s.length; j++) if (s[j] > s[best]) best = j;
  return best;
};
