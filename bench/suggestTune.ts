// Hyper-parameter search for the suggestion model on the BBC TRAINING split only (5 folds by document): the
// test split is never looked at here. Usage: npx tsx bench/suggestTune.ts '<json TrainOptions>' ...
import { scores } from '../electron/core/suggest/model';
import { featureRows, foldsByDocument } from '../electron/core/suggest/train';
import { labelMatrix, trainRows, type TrainOptions } from '../electron/core/suggest/model';
import { countMatrix, DIM, matrixRow } from '../electron/core/suggest/features';
import { argmax, loadBbc, macroF1, split } from './suggestBbc';

const { train } = split(loadBbc());
const domains = [0, 1, 2, 3, 4];
const { m, idf } = featureRows(train);
const labels = labelMatrix(train, domains);
const fold = foldsByDocument(
  train.map((p) => p.doc),
  5,
);
const raw = featureRows(train, {}).m; // re-weighted below: NB needs raw counts
const counts = countMatrix(train.map((p) => p.text));
void raw;

/** Multinomial naive Bayes over the same hashed raw counts (the bench's baseline), on fold f. */
function naiveBayes(tr: number[], te: number[], pairs: [number, number][]): void {
  const K = domains.length;
  const c = domains.map(() => new Float64Array(DIM));
  const prior = new Float64Array(K);
  for (const i of tr) {
    const y = train[i].pos[0];
    prior[y]++;
    for (let k = counts.rowPtr[i]; k < counts.rowPtr[i + 1]; k++) c[y][counts.idx[k]] += counts.val[k];
  }
  const logp = c.map((a) => {
    const s = a.reduce((x, y) => x + y, 0) + 0.1 * DIM;
    return a.map((v) => Math.log((v + 0.1) / s));
  });
  for (const i of te) {
    const s = domains.map((_, j) => {
      let z = Math.log(prior[j]);
      for (let k = counts.rowPtr[i]; k < counts.rowPtr[i + 1]; k++)
        z += counts.val[k] * logp[j][counts.idx[k]];
      return z;
    });
    pairs.push([train[i].pos[0], argmax(s)]);
  }
}

for (const arg of process.argv.slice(2)) {
  const o = arg === 'nb' ? null : (JSON.parse(arg) as TrainOptions);
  const pairs: [number, number][] = [];
  const t0 = performance.now();
  for (let f = 0; f < 5; f++) {
    const tr: number[] = [];
    const te: number[] = [];
    train.forEach((p, i) => (fold.get(p.doc) === f ? te : tr).push(i));
    if (!o) {
      naiveBayes(tr, te, pairs);
      continue;
    }
    const model = trainRows(m, tr, labels, domains, idf, o);
    for (const i of te) pairs.push([train[i].pos[0], argmax(scores(model, matrixRow(m, i)))]);
  }
  console.log(
    `${arg}\tCV macro-F1 ${macroF1(pairs).macro.toFixed(4)}\t${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
