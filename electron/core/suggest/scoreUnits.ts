import { featurizeScratch } from './features';
import type { LinearModel } from './model';

// Corpus-wide suggestion's inner loop (issue 17: 100,000 paragraphs in under 10 s): each unit featurized once
// into a sparse vector (features.ts, no substrings, no Map), then scored against every wanted domain in one pass
// over its dimensions with the weights interleaved by dimension (one cache line serves all domains), keeping only
// the best `limit` hits in a bounded heap. Plain data in and out, so it runs as well inside a worker thread.

export interface ScoreUnit {
  docId: number;
  start: number;
  end: number;
  text: string;
}

export interface UnitHit {
  docId: number;
  start: number;
  end: number;
  domainId: number;
  score: number;
}

export interface ScoreUnitsOptions {
  /** Only these domains (default: every domain of the model). */
  domainIds?: readonly number[];
  /** Hits below this score are dropped (default 0.5). */
  minScore?: number;
  /** The best this many hits are kept (default 500). */
  limit?: number;
  /** A hit to leave out (already a claim of that domain there, or rejected): asked before it takes a place. */
  exclude?: (unit: ScoreUnit, domainId: number) => boolean;
}

/**
 * The wanted domains' weights interleaved by dimension: packed[d * K + j]. Built per call (2^18 × K floats, a few
 * ms), so a caller scoring a corpus passes it in batches of thousands of units, not one at a time.
 */
function packed(model: LinearModel, cols: readonly number[]): Float32Array {
  const K = cols.length;
  const dim = model.idf.length;
  const w = new Float32Array(dim * K);
  cols.forEach((c, j) => {
    const src = model.weights[c];
    for (let d = 0; d < dim; d++) w[d * K + j] = src[d];
  });
  return w;
}

/** Worse first: a lower score, then a later position (so ties keep the earlier passage). */
/** Best first: the higher score, then the earlier document, then the earlier passage. */
export function bestFirst(a: UnitHit, b: UnitHit): number {
  return worse(a, b) ? 1 : worse(b, a) ? -1 : 0;
}

function worse(a: UnitHit, b: UnitHit): boolean {
  if (a.score !== b.score) return a.score < b.score;
  if (a.docId !== b.docId) return a.docId > b.docId;
  return a.start > b.start;
}

function push(heap: UnitHit[], hit: UnitHit, limit: number): void {
  if (heap.length < limit) {
    heap.push(hit);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
    return;
  }
  if (!worse(heap[0], hit)) return;
  heap[0] = hit;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && worse(heap[l], heap[m])) m = l;
    if (r < heap.length && worse(heap[r], heap[m])) m = r;
    if (m === i) break;
    [heap[i], heap[m]] = [heap[m], heap[i]];
    i = m;
  }
}

/** Scores units against a model; the best hits (score descending, then document and position). */
export function scoreUnits(
  model: LinearModel,
  units: Iterable<ScoreUnit>,
  o: ScoreUnitsOptions = {},
): UnitHit[] {
  const cols = model.domains
    .map((d, j) => ({ d, j }))
    .filter(({ d }) => !o.domainIds || o.domainIds.includes(d))
    .map(({ j }) => j);
  const K = cols.length;
  const limit = o.limit ?? 500;
  if (K === 0 || limit <= 0) return [];
  const w = packed(model, cols);
  const bias = cols.map((c) => model.bias[c]);
  const min = o.minScore ?? 0.5;
  // Below this margin a hit cannot reach min: the sigmoid is skipped for it.
  const minZ = min <= 0 ? -Infinity : min >= 1 ? Infinity : Math.log(min / (1 - min));
  const z = new Float64Array(K);
  const heap: UnitHit[] = [];
  for (const unit of units) {
    const { n, idx, val } = featurizeScratch(unit.text, model.idf);
    for (let j = 0; j < K; j++) z[j] = bias[j];
    for (let k = 0; k < n; k++) {
      const base = idx[k] * K;
      const v = val[k];
      for (let j = 0; j < K; j++) z[j] += w[base + j] * v;
    }
    for (let j = 0; j < K; j++) {
      if (z[j] < minZ) continue;
      const score = 1 / (1 + Math.exp(-z[j]));
      if (score < min) continue;
      const domainId = model.domains[cols[j]];
      const hit = { docId: unit.docId, start: unit.start, end: unit.end, domainId, score };
      if (heap.length === limit && !worse(heap[0], hit)) continue;
      if (o.exclude?.(unit, domainId)) continue;
      push(heap, hit, limit);
    }
  }
  return heap.sort(bestFirst);
}
