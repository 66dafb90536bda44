import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DIM, DIM_BITS, type SparseVector } from './features';

// One-vs-rest logistic regression trained by SGD (issue 17). Hand-written: the npm packages that do logistic
// regression (ml-logistic-regression over ml-matrix, natural's classifiers) hold dense matrices, and 2^18 hashed
// features × thousands of passages do not fit dense; scikit-learn's SGDClassifier is the model this follows.
// Each domain is a binary problem over the passages whose label for it is known: a claim is positive for its
// domains and negative for the others, an untagged sentence of a tagged document negative for all, a rejected
// suggestion negative for its domain only. Classes are weighted to balance (scikit-learn's 'balanced'), so a
// domain with few claims is not drowned by the negatives; L2 regularisation is applied lazily through a scale.

// NB-weighting's smoothing and floor, chosen on the BBC bench (BENCHMARKS.md): the floor keeps words naive Bayes
// thinks neutral in play.
const NB_ALPHA = 0.1;
const NB_FLOOR = 0.1;
const ETA0 = 0.5;

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
  lambda?: number;
  seed?: number;
}

/** The label of an example for a domain: 1, 0, or null (unknown: left out of that domain's problem). */
export function labelFor(e: Example, domain: number): 1 | 0 | null {
  if (e.pos.includes(domain)) return 1;
  if (e.neg === 'all' || e.neg.includes(domain)) return 0;
  return null;
}

/** A small seeded generator (mulberry32): the same claims give the same model. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  return Math.max(2, Math.min(12, Math.round(300_000 / Math.max(1, n))));
}

/**
 * NB-weighting (Wang & Manning 2012, "NBSVM"): each feature scaled by its naive Bayes log-count ratio for the
 * domain, so the linear model starts from what naive Bayes knows about each word and corrects it. On short passages
 * (a paragraph, a sentence) it gains a few points of F1 over either alone.
 */
function logCountRatio(examples: readonly Example[], ys: readonly (1 | 0 | null)[]): Float32Array {
  const p = new Float64Array(DIM).fill(NB_ALPHA);
  const q = new Float64Array(DIM).fill(NB_ALPHA);
  for (let i = 0; i < examples.length; i++) {
    const y = ys[i];
    if (y === null) continue;
    const into = y === 1 ? p : q;
    const { idx, val } = examples[i].vec;
    for (let k = 0; k < idx.length; k++) into[idx[k]] += val[k];
  }
  let sp = 0;
  let sq = 0;
  for (let k = 0; k < DIM; k++) {
    sp += p[k];
    sq += q[k];
  }
  const r = new Float32Array(DIM);
  for (let k = 0; k < DIM; k++) r[k] = Math.abs(Math.log(p[k] / sp / (q[k] / sq))) + NB_FLOOR;
  return r;
}

function trainDomain(
  examples: readonly Example[],
  order: readonly number[],
  domain: number,
  o: Required<TrainOptions>,
): { w: Float32Array; b: number } {
  const ys = examples.map((e) => labelFor(e, domain));
  let nPos = 0;
  let nNeg = 0;
  for (const y of ys) {
    if (y === 1) nPos++;
    else if (y === 0) nNeg++;
  }
  const w = new Float32Array(DIM);
  if (nPos === 0) return { w, b: -10 };
  const r = logCountRatio(examples, ys);
  const cwPos = (nPos + nNeg) / (2 * nPos);
  const cwNeg = nNeg > 0 ? (nPos + nNeg) / (2 * nNeg) : 1;
  let scale = 1;
  let b = 0;
  let t = 0;
  const eta0 = ETA0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const i of order) {
      const y = ys[i];
      if (y === null) continue;
      const { idx, val } = examples[i].vec;
      // w holds the weights divided by scale (lazy L2: one multiplication per step instead of 2^18).
      let dot = 0;
      for (let k = 0; k < idx.length; k++) dot += w[idx[k]] * val[k] * r[idx[k]];
      const p = 1 / (1 + Math.exp(-(dot * scale + b)));
      const g = (p - y) * (y === 1 ? cwPos : cwNeg);
      const lr = eta0 / (1 + eta0 * o.lambda * t++);
      scale *= 1 - lr * o.lambda;
      if (scale < 1e-6) {
        for (let k = 0; k < DIM; k++) w[k] *= scale;
        scale = 1;
      }
      const step = (lr * g) / scale;
      for (let k = 0; k < idx.length; k++) w[idx[k]] -= step * val[k] * r[idx[k]];
      b -= lr * g * 0.1;
    }
  }
  // Scoring multiplies by r too: fold it into the weights, so a stored model is one vector per domain.
  for (let k = 0; k < DIM; k++) w[k] *= scale * r[k];
  return { w, b };
}

export function train(
  examples: readonly Example[],
  domains: readonly number[],
  idf: Float32Array,
  options: TrainOptions = {},
): LinearModel {
  const o: Required<TrainOptions> = {
    epochs: options.epochs ?? defaultEpochs(examples.length),
    lambda: options.lambda ?? 1e-6,
    seed: options.seed ?? 17,
  };
  const random = rng(o.seed);
  const order = shuffle(
    examples.map((_, i) => i),
    random,
  );
  const weights: Float32Array[] = [];
  const bias: number[] = [];
  for (const d of domains) {
    const { w, b } = trainDomain(examples, order, d, o);
    weights.push(w);
    bias.push(b);
  }
  return { domains: [...domains], weights, bias, idf };
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

const FORMAT = 1;

/** The model as one blob for the project file: a JSON header, then IDF and weights as float32, deflated. */
export function serialize(model: LinearModel): Uint8Array {
  const header = Buffer.from(
    JSON.stringify({ format: FORMAT, dimBits: DIM_BITS, domains: model.domains, bias: model.bias }),
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
    dimBits: number;
    domains: number[];
    bias: number[];
  };
  if (header.format !== FORMAT || header.dimBits !== DIM_BITS)
    throw new Error(`model format ${header.format}/${header.dimBits} is not this version's`);
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
