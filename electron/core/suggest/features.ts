// Hashed TF-IDF features (issue 17): word unigrams and bigrams and character 3- to 5-grams inside words (with a
// boundary mark, so "tax" and "taxi" share "tax" but not "tax "), hashed into 2^18 dimensions (the hashing trick:
// no vocabulary to store or keep in step with the corpus, and an unseen word still lands somewhere). Term counts
// are sublinear (1 + ln tf), weighted by an IDF learned from the project's text, and L2-normalised, so a long
// paragraph and a short sentence score on one scale.
//
// Speed: corpus-wide suggestion featurizes every paragraph, so n-grams are hashed incrementally over the UTF-16
// code units (FNV-1a extended one unit at a time, never a substring), a bigram continues its first word's hash,
// and counts gather in one reused typed array with a list of the dimensions touched (no Map per passage).

export const DIM_BITS = 18;
export const DIM = 1 << DIM_BITS;
const MASK = DIM - 1;
/** Bumped whenever the hashing changes: a model stored with other features must be retrained, not misread. */
export const FEATURES_VERSION = 2;

/** A sparse vector: dimensions in ascending order, with their values. */
export interface SparseVector {
  idx: Uint32Array;
  val: Float32Array;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const FNV_BASIS = 0x811c9dc5;
const SPACE = 32;
/** Seeds per kind of feature, so a word and a 3-gram spelling it do not collide. */
const SEED_WORD = 1;
const SEED_BIGRAM = 2;
const seedChar = (n: number): number => 2 + n;

const step = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);

/** The seed mixed in, then a final avalanche: FNV's low bits are weak for short keys and only the low 18 are kept. */
function finish(h: number, seed: number): number {
  h = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** The hash of a whole string for a kind of feature (the definition the incremental featurizer must match). */
export function hashString(s: string, seed: number): number {
  let h = FNV_BASIS;
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return finish(h, seed);
}

export const FEATURE_SEEDS = { word: SEED_WORD, bigram: SEED_BIGRAM, char: seedChar } as const;

export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

// The scratch: counts by dimension and the dimensions touched, reused by every call on this thread.
const acc = new Float32Array(DIM);
let touched = new Uint32Array(4096);
let nTouched = 0;

function add(h: number): void {
  const d = h & MASK;
  if (acc[d] === 0) {
    if (nTouched === touched.length) {
      const grown = new Uint32Array(touched.length * 2);
      grown.set(touched);
      touched = grown;
    }
    touched[nTouched++] = d;
  }
  acc[d]++;
}

/** Counts a passage's features into the scratch; returns the number of distinct dimensions (in touched). */
function countIntoScratch(text: string): number {
  nTouched = 0;
  const ws = words(text);
  let prevRaw = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const len = w.length;
    let h = FNV_BASIS;
    for (let k = 0; k < len; k++) h = step(h, w.charCodeAt(k));
    add(finish(h, SEED_WORD));
    if (i > 0) {
      // The bigram "prev w": the previous word's running hash continued over a space and this word.
      let b = step(prevRaw, SPACE);
      for (let k = 0; k < len; k++) b = step(b, w.charCodeAt(k));
      add(finish(b, SEED_BIGRAM));
    }
    prevRaw = h;
    // Character n-grams of " w ": position p is a space at 0 and len + 1, else w[p - 1].
    const bl = len + 2;
    for (let j = 0; j + 3 <= bl; j++) {
      let g = FNV_BASIS;
      for (let n = 1; n <= 5 && j + n <= bl; n++) {
        const p = j + n - 1;
        g = step(g, p === 0 || p === bl - 1 ? SPACE : w.charCodeAt(p - 1));
        if (n >= 3) add(finish(g, seedChar(n)));
      }
    }
  }
  return nTouched;
}

/** Hands the scratch's (dimension, count) pairs to `sink` in ascending order and clears the scratch. */
function drainScratch(n: number, sink: (dim: number, count: number, i: number) => void): void {
  const dims = touched.subarray(0, n).sort();
  for (let i = 0; i < n; i++) {
    const d = dims[i];
    sink(d, acc[d], i);
    acc[d] = 0;
  }
}

/** Raw term counts by hashed dimension (dimensions in ascending order). */
export function termCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  drainScratch(countIntoScratch(text), (d, c) => counts.set(d, c));
  return counts;
}

/** IDF weights from document frequencies over n passages (smoothed as scikit-learn does). */
export function idfFromDf(df: Uint32Array, n: number): Float32Array {
  const idf = new Float32Array(DIM);
  for (let d = 0; d < DIM; d++) idf[d] = Math.log((1 + n) / (1 + df[d])) + 1;
  return idf;
}

/** Document frequencies over a set of passages' counts, turned into IDF weights. */
export function learnIdf(texts: Iterable<Map<number, number>>): Float32Array {
  const df = new Uint32Array(DIM);
  let n = 0;
  for (const counts of texts) {
    n++;
    for (const d of counts.keys()) df[d]++;
  }
  return idfFromDf(df, n);
}

/** IDF over raw texts without keeping their counts (one passage in the scratch at a time). */
export function learnIdfFromTexts(texts: Iterable<string>): Float32Array {
  const df = new Uint32Array(DIM);
  let n = 0;
  for (const t of texts) {
    n++;
    drainScratch(countIntoScratch(t), (d) => df[d]++);
  }
  return idfFromDf(df, n);
}

const sublinear = (tf: number): number => (tf > 1 ? 1 + Math.log(tf) : tf);

/** Scales values to unit length in place. */
export function l2normalize(val: Float32Array): void {
  let norm = 0;
  for (let i = 0; i < val.length; i++) norm += val[i] * val[i];
  if (norm > 0) {
    const s = 1 / Math.sqrt(norm);
    for (let i = 0; i < val.length; i++) val[i] *= s;
  }
}

/** The L2-normalised TF-IDF vector of a passage's counts. */
export function vectorize(counts: Map<number, number>, idf: Float32Array): SparseVector {
  const dims = [...counts.keys()].sort((a, b) => a - b);
  const idx = new Uint32Array(dims);
  const val = new Float32Array(dims.length);
  for (let i = 0; i < dims.length; i++) val[i] = sublinear(counts.get(dims[i])!) * idf[dims[i]];
  l2normalize(val);
  return { idx, val };
}

/** vectorize(termCounts(text), idf) without the Map: the scoring path. */
export function featurize(text: string, idf: Float32Array): SparseVector {
  const n = countIntoScratch(text);
  const idx = new Uint32Array(n);
  const val = new Float32Array(n);
  drainScratch(n, (d, c, i) => {
    idx[i] = d;
    val[i] = sublinear(c) * idf[d];
  });
  l2normalize(val);
  return { idx, val };
}

let scratchVal = new Float32Array(4096);

/**
 * The scoring path without sorting or allocating: the passage's L2-normalised TF-IDF as views into this thread's
 * scratch (dimensions in no particular order), valid until the next call. A dot product does not need order.
 */
export function featurizeScratch(
  text: string,
  idf: Float32Array,
): { n: number; idx: Uint32Array; val: Float32Array } {
  const n = countIntoScratch(text);
  if (scratchVal.length < touched.length) scratchVal = new Float32Array(touched.length);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const d = touched[i];
    const v = sublinear(acc[d]) * idf[d];
    acc[d] = 0;
    scratchVal[i] = v;
    norm += v * v;
  }
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < n; i++) scratchVal[i] *= s;
  return { n, idx: touched, val: scratchVal };
}

/**
 * Passages' raw counts in compressed sparse rows, built once and shared by every domain's problem and every
 * cross-validation fold (a Map per passage cost ~100 bytes an entry: 3.4 GB at 100,000 claims). Grown by
 * doubling; `df` counts the rows each dimension occurs in.
 */
export interface CountMatrix {
  rows: number;
  rowPtr: Uint32Array;
  idx: Uint32Array;
  /** Raw counts until weightMatrix turns them into L2-normalised TF-IDF in place. */
  val: Float32Array;
  df: Uint32Array;
}

export function countMatrix(texts: readonly string[]): CountMatrix {
  const rowPtr = new Uint32Array(texts.length + 1);
  // Sized from the text: a passage has ~1.7 distinct features per UTF-16 unit (BBC paragraphs: 667 per 393), so
  // a large set seldom grows at all; growing holds old and new arrays at once, the peak this bounds.
  let chars = 0;
  for (const t of texts) chars += t.length;
  let idx = new Uint32Array(Math.max(1024, Math.ceil(chars * 1.8)));
  let val = new Float32Array(idx.length);
  const df = new Uint32Array(DIM);
  let nnz = 0;
  for (let r = 0; r < texts.length; r++) {
    const n = countIntoScratch(texts[r]);
    if (nnz + n > idx.length) {
      const size = Math.max(nnz + n, Math.ceil(idx.length * 1.5));
      const i2 = new Uint32Array(size);
      i2.set(idx.subarray(0, nnz));
      idx = i2;
      const v2 = new Float32Array(size);
      v2.set(val.subarray(0, nnz));
      val = v2;
    }
    drainScratch(n, (d, c) => {
      idx[nnz] = d;
      val[nnz++] = c;
      df[d]++;
    });
    rowPtr[r + 1] = nnz;
  }
  // Trimmed by a copy only when much room is spare (the copy briefly holds both).
  const trim = idx.length > nnz * 1.25;
  const cut = <T extends Uint32Array | Float32Array>(a: T): T =>
    (trim ? a.slice(0, nnz) : a.subarray(0, nnz)) as T;
  return { rows: texts.length, rowPtr, idx: cut(idx), val: cut(val), df };
}

/** Counts → sublinear TF-IDF, each row L2-normalised, in place. */
export function weightMatrix(m: CountMatrix, idf: Float32Array): void {
  for (let r = 0; r < m.rows; r++) {
    const row = m.val.subarray(m.rowPtr[r], m.rowPtr[r + 1]);
    const ids = m.idx.subarray(m.rowPtr[r], m.rowPtr[r + 1]);
    for (let k = 0; k < row.length; k++) row[k] = sublinear(row[k]) * idf[ids[k]];
    l2normalize(row);
  }
}

/** One row as a sparse vector (views, no copy). */
export function matrixRow(m: CountMatrix, r: number): SparseVector {
  return {
    idx: m.idx.subarray(m.rowPtr[r], m.rowPtr[r + 1]),
    val: m.val.subarray(m.rowPtr[r], m.rowPtr[r + 1]),
  };
}
