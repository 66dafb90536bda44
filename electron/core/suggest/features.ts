// Hashed TF-IDF features (issue 17): word unigrams and bigrams and character 3- to 5-grams inside words (with a
// boundary mark, so "tax" and "taxi" share "tax" but not "tax "), hashed into 2^18 dimensions (the hashing trick:
// no vocabulary to store or keep in step with the corpus, and an unseen word still lands somewhere). Term counts
// are sublinear (1 + ln tf), weighted by an IDF learned from the training passages, and L2-normalised, so a long
// paragraph and a short sentence score on one scale.

export const DIM_BITS = 18;
export const DIM = 1 << DIM_BITS;
const MASK = DIM - 1;

/** A sparse vector: dimensions in ascending order, with their values. */
export interface SparseVector {
  idx: Uint32Array;
  val: Float32Array;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** 32-bit FNV-1a over a string's UTF-16 units, seeded per kind of feature so a word and a 3-gram do not collide. */
function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final mix: FNV's low bits are weak for short keys, and only the low 18 are kept.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** Raw term counts by hashed dimension. */
export function termCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (h: number, by = 1): void => {
    const d = h & MASK;
    counts.set(d, (counts.get(d) ?? 0) + by);
  };
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    add(fnv(w, 1));
    if (i > 0) add(fnv(ws[i - 1] + ' ' + w, 2));
    const b = ` ${w} `;
    for (let n = 3; n <= 5; n++) for (let j = 0; j + n <= b.length; j++) add(fnv(b.slice(j, j + n), 2 + n));
  }
  return counts;
}

/** Document frequencies over a training set, turned into IDF weights (smoothed as scikit-learn does). */
export function learnIdf(texts: Iterable<Map<number, number>>): Float32Array {
  const df = new Uint32Array(DIM);
  let n = 0;
  for (const counts of texts) {
    n++;
    for (const d of counts.keys()) df[d]++;
  }
  const idf = new Float32Array(DIM);
  for (let d = 0; d < DIM; d++) idf[d] = Math.log((1 + n) / (1 + df[d])) + 1;
  return idf;
}

/** The L2-normalised TF-IDF vector of a passage's counts. */
export function vectorize(counts: Map<number, number>, idf: Float32Array): SparseVector {
  const dims = [...counts.keys()].sort((a, b) => a - b);
  const idx = new Uint32Array(dims);
  const val = new Float32Array(dims.length);
  let norm = 0;
  for (let i = 0; i < dims.length; i++) {
    const tf = counts.get(dims[i])!;
    const v = (tf > 1 ? 1 + Math.log(tf) : tf) * idf[dims[i]];
    val[i] = v;
    norm += v * v;
  }
  if (norm > 0) {
    const s = 1 / Math.sqrt(norm);
    for (let i = 0; i < val.length; i++) val[i] *= s;
  }
  return { idx, val };
}
