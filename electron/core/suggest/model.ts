import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { type CountMatrix, DIM, DIM_BITS, FEATURES_VERSION, type SparseVector } from './features';
import { rng } from '../../../shared/random';

export { rng };

// One-vs-rest logistic regression trained by SGD (issue 17). Hand-written: the npm packages that do logistic
// regression (ml-logistic-regression over ml-matrix, natural's classifiers) hold dense matrices, and 2^18 hashed
// features × thousands of passages do not fit dense; scikit-learn's SGDClassifier is the model this follows.
// Each domain is a binary problem over the passages whose label for it is known: a claim is positive for its
// domains and negative for the others, an untagged sentence of a tagged document negative for all, a rejected
// suggestion negative for its domain only. Classes are weighted to balance (scikit-learn's 'balanced'), so a
// domain with few claims is not drowned by the negatives; averaging the SGD iterates regularises.

// Chosen by 5-fold cross-validation by document on the BBC bench's TRAINING split only (bench/suggestTune.ts; the
// test split never): NB smoothing α 0.02 (0.1: CV 0.891), interpolation β 0.08 (0.03 / 0.05 / 0.10 / 0.12: CV 0.894
// / 0.897 / 0.899 / 0.894; 0.08: 0.901), floor 0.1 (0.2: 0.897), η0 0.5 (1: 0.896). The floor keeps words naive
// Bayes thinks neutral in play.
const NB_ALPHA = 0.02;
const NB_FLOOR = 0.1;
const ETA0 = 0.5;
const DECAY = 0;
const BIAS_RATE = 0.1;
const BETA = 0.08;
const CALIBRATE = true;

export interface Example {
  vec: SparseVector;
  /** The document it comes from: cross-validation folds by document. */
  doc: number;
  /** Domains it belongs to. */
  pos: readonly number[];
  /** Domains it is known not to belong to ('all': every domain not in pos). */
  neg: readonly number[] | 'all';
}

export interface LinearModel {
  domains: number[];
  weights: Float32Array[];
  bias: number[];
  idf: Float32Array;
}

export interface TrainOptions {
  epochs?: number;
  /** Initial learning rate, and how fast it decays per pass (lr = eta0 / (1 + decay · step / rows)). */
  eta0?: number;
  decay?: number;
  biasRate?: number;
  nbAlpha?: number;
  nbFloor?: number;
  /** Interpolation towards naive Bayes' weights (1: none). */
  beta?: number;
  /** Platt-scale each domain's score on the training rows. */
  calibrate?: boolean;
  seed?: number;
}

/** The label of an example for a domain: 1, 0, or null (unknown: left out of that domain's problem). */
export function labelFor(e: Example, domain: number): 1 | 0 | null {
  if (e.pos.includes(domain)) return 1;
  if (e.neg === 'all' || e.neg.includes(domain)) return 0;
  return null;
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Fewer passes over large sets: the passes' work stays bounded while a small set still converges. */
export function defaultEpochs(n: number): number {
  return Math.max(3, Math.min(10, Math.round(40_000 / Math.max(1, n))));
}

/** Each row's label per domain (row-major, K per row): 1, 0, or -1 (unknown: left out of that domain's problem). */
export function labelMatrix(
  items: readonly Pick<Example, 'pos' | 'neg'>[],
  domains: readonly number[],
): Int8Array {
  const K = domains.length;
  const out = new Int8Array(items.length * K);
  for (let i = 0; i < items.length; i++)
    for (let j = 0; j < K; j++) out[i * K + j] = labelFor(items[i] as Example, domains[j]) ?? -1;
  return out;
}

/**
 * NB-weighting (Wang & Manning 2012, "NBSVM"): each feature scaled by its naive Bayes log-count ratio for the
 * domain, so the linear model starts from what naive Bayes knows about each word and corrects it. The ratio's
 * magnitude (plus a floor, so words naive Bayes thinks neutral stay in play) scales the features; the sign is
 * left to the learner. Interleaved like the weights: r[d * K + j].
 */
function logCountRatios(
  m: FeatureRows,
  rows: Uint32Array,
  labels: Int8Array,
  K: number,
  o: Required<TrainOptions>,
): { scale: Float32Array; ratio: Float32Array } {
  const p = new Float64Array(DIM * K).fill(o.nbAlpha);
  const q = new Float64Array(DIM * K).fill(o.nbAlpha);
  for (let n = 0; n < rows.length; n++) {
    const i = rows[n];
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) {
      const base = m.idx[k] * K;
      const v = m.val[k];
      for (let j = 0; j < K; j++) {
        const y = labels[i * K + j];
        if (y === 1) p[base + j] += v;
        else if (y === 0) q[base + j] += v;
      }
    }
  }
  const sp = new Float64Array(K);
  const sq = new Float64Array(K);
  for (let d = 0; d < DIM; d++)
    for (let j = 0; j < K; j++) {
      sp[j] += p[d * K + j];
      sq[j] += q[d * K + j];
    }
  const scale = new Float32Array(DIM * K);
  const ratio = new Float32Array(DIM * K);
  for (let d = 0; d < DIM; d++)
    for (let j = 0; j < K; j++) {
      const x = d * K + j;
      ratio[x] = Math.log(p[x] / sp[j] / (q[x] / sq[j]));
      scale[x] = Math.abs(ratio[x]) + o.nbFloor;
    }
  return { scale, ratio };
}

function classCounts(rows: Uint32Array, labels: Int8Array, K: number, j: number) {
  let nPos = 0;
  let nNeg = 0;
  for (let n = 0; n < rows.length; n++) {
    const y = labels[rows[n] * K + j];
    if (y === 1) nPos++;
    else if (y === 0) nNeg++;
  }
  return { nPos, nNeg };
}

/** Rows of L2-normalised TF-IDF features in compressed sparse rows (features.ts's CountMatrix once weighted). */
export type FeatureRows = Pick<CountMatrix, 'rowPtr' | 'idx' | 'val'>;

/**
 * Every domain's binary problem in one pass over the rows (one feature lookup serves all K domains; weights are
 * interleaved by dimension). Averaged SGD (Polyak–Ruppert, averaging from the second epoch): the average of the
 * iterates is what a constant-rate SGD would jitter around, a stable model without tuning a decay by hand; the
 * average is kept through the usual trick (w̄ = w − u / steps) so each step stays sparse.
 */
export function trainRows(
  m: FeatureRows,
  rowList: ArrayLike<number>,
  labels: Int8Array,
  domains: readonly number[],
  idf: Float32Array,
  options: TrainOptions = {},
): LinearModel {
  // One array type for every caller, so the loops below stay monomorphic.
  const rows = Uint32Array.from(rowList);
  const o = withDefaults(options, rows.length);
  const K = domains.length;
  const cwPos = new Float64Array(K);
  const cwNeg = new Float64Array(K);
  const present = new Uint8Array(K);
  for (let j = 0; j < K; j++) {
    const { nPos, nNeg } = classCounts(rows, labels, K, j);
    present[j] = nPos > 0 ? 1 : 0;
    // scikit-learn's 'balanced': a domain with few claims is not drowned by its negatives.
    cwPos[j] = nPos ? (nPos + nNeg) / (2 * nPos) : 0;
    cwNeg[j] = nNeg ? (nPos + nNeg) / (2 * nNeg) : 0;
  }
  const { scale: r, ratio } = logCountRatios(m, rows, labels, K, o);
  const w = new Float32Array(DIM * K);
  const u = new Float32Array(DIM * K);
  const b = new Float64Array(K);
  const ub = new Float64Array(K);
  const z = new Float64Array(K);
  const g = new Float64Array(K);
  const order = shuffle(Array.from(rows), rng(o.seed));
  const averageFrom = o.epochs > 1 ? order.length : 0;
  let t = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const i of order) {
      t++;
      const lo = m.rowPtr[i];
      const hi = m.rowPtr[i + 1];
      z.set(b);
      for (let k = lo; k < hi; k++) {
        const base = m.idx[k] * K;
        const v = m.val[k];
        for (let j = 0; j < K; j++) z[j] += w[base + j] * r[base + j] * v;
      }
      const lr = o.eta0 / (1 + (o.decay * t) / order.length);
      const c = t > averageFrom ? t - averageFrom - 1 : 0;
      let any = false;
      for (let j = 0; j < K; j++) {
        const y = labels[i * K + j];
        if (y < 0 || !present[j]) {
          g[j] = 0;
          continue;
        }
        const p = 1 / (1 + Math.exp(-z[j]));
        g[j] = -lr * (p - y) * (y === 1 ? cwPos[j] : cwNeg[j]);
        if (g[j] !== 0) any = true;
        b[j] += g[j] * o.biasRate;
        ub[j] += c * g[j] * o.biasRate;
      }
      if (!any) continue;
      for (let k = lo; k < hi; k++) {
        const base = m.idx[k] * K;
        const v = m.val[k];
        for (let j = 0; j < K; j++) {
          const delta = g[j] * v * r[base + j];
          w[base + j] += delta;
          if (c) u[base + j] += c * delta;
        }
      }
    }
  }
  const steps = t - averageFrom;
  const weights = domains.map(() => new Float32Array(DIM));
  const bias: number[] = [];
  for (let j = 0; j < K; j++) bias.push(present[j] ? b[j] - (steps > 0 ? ub[j] / steps : 0) : -10);
  // Scoring multiplies by r too: fold it into the weights, so a stored model is one vector per domain.
  for (let d = 0; d < DIM; d++)
    for (let j = 0; j < K; j++) {
      const x = d * K + j;
      if (present[j]) weights[j][d] = (w[x] - (steps > 0 ? u[x] / steps : 0)) * r[x];
    }
  if (o.beta < 1) interpolate(weights, ratio, present, o.beta);
  const model = { domains: [...domains], weights, bias, idf };
  if (o.calibrate) calibrate(model, m, rows, labels, present);
  return model;
}

/**
 * Wang & Manning's interpolation: the weights pulled towards naive Bayes' own (its log-count ratios, scaled to
 * the learnt weights' size): w' = β·w + (1 − β)·c·r.
 */
function interpolate(weights: Float32Array[], ratio: Float32Array, present: Uint8Array, beta: number): void {
  const K = weights.length;
  for (let j = 0; j < K; j++) {
    if (!present[j]) continue;
    let sw = 0;
    let sr = 0;
    for (let d = 0; d < DIM; d++) {
      sw += Math.abs(weights[j][d]);
      sr += Math.abs(ratio[d * K + j]);
    }
    const c = sr > 0 ? sw / sr : 0;
    for (let d = 0; d < DIM; d++) weights[j][d] = beta * weights[j][d] + (1 - beta) * c * ratio[d * K + j];
  }
}

/**
 * Platt scaling: per domain, sigmoid(a·z + b) fitted to the training labels (class-balanced, Newton steps), folded
 * into the weights. Interpolation changes the margins' scale; this keeps a score a probability-like figure, so a
 * threshold (and the drawer's minimum score) means what it says.
 */
function calibrate(
  model: LinearModel,
  m: FeatureRows,
  rows: Uint32Array,
  labels: Int8Array,
  present: Uint8Array,
): void {
  const K = model.domains.length;
  const zs = new Float64Array(rows.length * K);
  for (let n = 0; n < rows.length; n++) {
    const i = rows[n];
    for (let j = 0; j < K; j++) {
      const w = model.weights[j];
      let z = model.bias[j];
      for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) z += w[m.idx[k]] * m.val[k];
      zs[n * K + j] = z;
    }
  }
  for (let j = 0; j < K; j++) {
    if (!present[j]) continue;
    const { nPos, nNeg } = classCounts(rows, labels, K, j);
    if (!nPos || !nNeg) continue;
    const cw = [(nPos + nNeg) / (2 * nNeg), (nPos + nNeg) / (2 * nPos)];
    // Platt's own targets, not 0 and 1: on a few dozen training rows that the weights have already fitted, hard
    // targets make every score near-certain (a disputed claim would never look disputed).
    const target = [1 / (nNeg + 2), (nPos + 1) / (nPos + 2)];
    let a = 1;
    let b = 0;
    for (let iter = 0; iter < 25; iter++) {
      // Newton on the weighted log-loss, with a small ridge so separable data stays finite.
      let ga = 1e-3 * (a - 1);
      let gb = 0;
      let haa = 1e-3;
      let hab = 0;
      let hbb = 1e-6;
      for (let n = 0; n < rows.length; n++) {
        const y = labels[rows[n] * K + j];
        if (y < 0) continue;
        const z = zs[n * K + j];
        const p = 1 / (1 + Math.exp(-(a * z + b)));
        const c = cw[y];
        const e = c * (p - target[y]);
        const h = c * p * (1 - p);
        ga += e * z;
        gb += e;
        haa += h * z * z;
        hab += h * z;
        hbb += h;
      }
      const det = haa * hbb - hab * hab;
      if (!(det > 0)) break;
      const da = (hbb * ga - hab * gb) / det;
      const db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) + Math.abs(db) < 1e-6) break;
    }
    const w = model.weights[j];
    for (let d = 0; d < DIM; d++) w[d] *= a;
    model.bias[j] = a * model.bias[j] + b;
  }
}

function withDefaults(options: TrainOptions, n: number): Required<TrainOptions> {
  return {
    epochs: options.epochs ?? defaultEpochs(n),
    eta0: options.eta0 ?? ETA0,
    decay: options.decay ?? DECAY,
    biasRate: options.biasRate ?? BIAS_RATE,
    nbAlpha: options.nbAlpha ?? NB_ALPHA,
    nbFloor: options.nbFloor ?? NB_FLOOR,
    beta: options.beta ?? BETA,
    calibrate: options.calibrate ?? CALIBRATE,
    seed: options.seed ?? 17,
  };
}

/** Trains on examples that carry their own vectors (gathered into rows first). */
export function train(
  examples: readonly Example[],
  domains: readonly number[],
  idf: Float32Array,
  options: TrainOptions = {},
): LinearModel {
  const rowPtr = new Uint32Array(examples.length + 1);
  for (let i = 0; i < examples.length; i++) rowPtr[i + 1] = rowPtr[i] + examples[i].vec.idx.length;
  const idx = new Uint32Array(rowPtr[examples.length]);
  const val = new Float32Array(idx.length);
  examples.forEach((e, i) => {
    idx.set(e.vec.idx, rowPtr[i]);
    val.set(e.vec.val, rowPtr[i]);
  });
  const rows = Uint32Array.from(examples.keys());
  return trainRows({ rowPtr, idx, val }, rows, labelMatrix(examples, domains), domains, idf, options);
}

/** Probability per domain (the model's order). */
export function scores(model: LinearModel, vec: SparseVector): number[] {
  const out: number[] = [];
  for (let j = 0; j < model.domains.length; j++) {
    const w = model.weights[j];
    let z = model.bias[j];
    for (let k = 0; k < vec.idx.length; k++) z += w[vec.idx[k]] * vec.val[k];
    out.push(1 / (1 + Math.exp(-z)));
  }
  return out;
}

// 2: features hashed as FEATURES_VERSION 2 says, averaged SGD. A blob of another format is refused (state.ts
// then retrains) rather than scored with weights that mean other dimensions.
const FORMAT = 2;

/** The model as one blob for the project file: a JSON header, then IDF and weights as float32, deflated. */
export function serialize(model: LinearModel): Uint8Array {
  const header = Buffer.from(
    JSON.stringify({
      format: FORMAT,
      features: FEATURES_VERSION,
      dimBits: DIM_BITS,
      domains: model.domains,
      bias: model.bias,
    }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  const parts = [len, header, Buffer.from(model.idf.buffer, model.idf.byteOffset, model.idf.byteLength)];
  for (const w of model.weights) parts.push(Buffer.from(w.buffer, w.byteOffset, w.byteLength));
  return new Uint8Array(deflateRawSync(Buffer.concat(parts), { level: 6 }));
}

export function deserialize(blob: Uint8Array): LinearModel {
  const raw = inflateRawSync(blob);
  const n = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + n).toString('utf8')) as {
    format: number;
    features?: number;
    dimBits: number;
    domains: number[];
    bias: number[];
  };
  if (header.format !== FORMAT || header.features !== FEATURES_VERSION || header.dimBits !== DIM_BITS)
    throw new Error(
      `model format ${header.format}/${header.features}/${header.dimBits} is not this version's (${FORMAT}/${FEATURES_VERSION}/${DIM_BITS}): retrain`,
    );
  // Copy out: the inflated buffer's offset need not be 4-aligned for a Float32Array view.
  const floats = (at: number): Float32Array => {
    const out = new Float32Array(DIM);
    new Uint8Array(out.buffer).set(raw.subarray(at, at + DIM * 4));
    return out;
  };
  let at = 4 + n;
  const idf = floats(at);
  at += DIM * 4;
  const weights = header.domains.map(() => {
    const w = floats(at);
    at += DIM * 4;
    return w;
  });
  return { domains: header.domains, weights, bias: header.bias, idf };
}
