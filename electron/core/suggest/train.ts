import {
  countMatrix,
  type CountMatrix,
  idfFromDf,
  learnIdfFromTexts,
  matrixRow,
  weightMatrix,
} from './features';
import {
  labelMatrix,
  type LinearModel,
  rng,
  scores,
  serialize,
  shuffle,
  type TrainOptions,
  trainRows,
} from './model';

// From labelled passages to a stored model and its honest figures. Cross-validation folds by document, never by
// claim: two claims of one document share its wording, names and topic, so a claim's neighbour in the training
// folds would flatter the figures. A domain needs MIN_EXAMPLES claims in MIN_DOCUMENTS documents to be learnt and
// shown; below that it is listed as hidden, with its count.

export const MIN_EXAMPLES = 5;
export const MIN_DOCUMENTS = 2;
export const MAX_FOLDS = 5;
/** The score above which a passage counts as the domain's in the figures (and the default suggestion threshold). */
export const THRESHOLD = 0.5;

export interface Passage {
  text: string;
  doc: number;
  pos: number[];
  neg: number[] | 'all';
}

export interface DomainFigures {
  domainId: number;
  /** Claims (positive passages) for the domain. */
  examples: number;
  documents: number;
  hidden: boolean;
  /** Cross-validated, at THRESHOLD; null when hidden or when no fold could measure it. */
  precision: number | null;
  recall: number | null;
}

export interface TrainResult {
  blob: Uint8Array;
  domains: DomainFigures[];
  passages: number;
  folds: number;
  trainMs: number;
  /** False for the model as soon as it is fitted, before its cross-validated figures (see onFitted). */
  measured: boolean;
}

/** Each document's fold (documents shuffled with a fixed seed, then dealt round). */
export function foldsByDocument(docs: Iterable<number>, k: number, seed = 17): Map<number, number> {
  const unique = shuffle(
    [...new Set(docs)].sort((a, b) => a - b),
    rng(seed),
  );
  return new Map(unique.map((d, i) => [d, i % k]));
}

export interface FitOptions {
  /**
   * Text to fit the IDF on besides the passages (the project's own untagged text: unlabelled, so nothing leaks
   * from labels). Without it the IDF comes from the passages alone.
   */
  idfTexts?: Iterable<string>;
  train?: TrainOptions;
}

/** The passages' features, weighted: one matrix for the model and every fold. */
export function featureRows(
  passages: readonly Passage[],
  o: FitOptions = {},
): { m: CountMatrix; idf: Float32Array } {
  const m = countMatrix(passages.map((p) => p.text));
  const idf = o.idfTexts ? learnIdfFromTexts(o.idfTexts) : idfFromDf(m.df, m.rows);
  weightMatrix(m, idf);
  return { m, idf };
}

export function fitModel(
  passages: readonly Passage[],
  domains: readonly number[],
  o: FitOptions = {},
): LinearModel {
  const { m, idf } = featureRows(passages, o);
  const rows = Uint32Array.from(passages.keys());
  return trainRows(m, rows, labelMatrix(passages, domains), domains, idf, o.train);
}

function domainStats(
  passages: readonly Passage[],
  domains: readonly number[],
): Map<number, { n: number; docs: Set<number> }> {
  const stats = new Map(domains.map((d) => [d, { n: 0, docs: new Set<number>() }]));
  for (const p of passages)
    for (const d of p.pos) {
      const s = stats.get(d);
      if (s) {
        s.n++;
        s.docs.add(p.doc);
      }
    }
  return stats;
}

/** Precision and recall per domain over folds by document. Exposed for the test that no document leaks. */
export function crossValidate(
  passages: readonly Passage[],
  domains: readonly number[],
  onFold?: (train: readonly Passage[], test: readonly Passage[]) => void,
  o: FitOptions = {},
): { figures: Map<number, { precision: number | null; recall: number | null }>; folds: number } {
  const figures = new Map<number, { precision: number | null; recall: number | null }>();
  const docs = new Set(passages.map((p) => p.doc));
  const k = Math.min(MAX_FOLDS, docs.size);
  if (k < 2 || domains.length === 0) return { figures, folds: 0 };
  const fold = foldsByDocument(docs, k);
  const { m, idf } = featureRows(passages, o);
  const labels = labelMatrix(passages, domains);
  const K = domains.length;
  const tp = new Map(domains.map((d) => [d, 0]));
  const fp = new Map(tp);
  const fn = new Map(tp);
  for (let f = 0; f < k; f++) {
    const trainRowsOf: number[] = [];
    const testRowsOf: number[] = [];
    passages.forEach((p, i) => (fold.get(p.doc) === f ? testRowsOf : trainRowsOf).push(i));
    onFold?.(
      trainRowsOf.map((i) => passages[i]),
      testRowsOf.map((i) => passages[i]),
    );
    if (testRowsOf.length === 0 || trainRowsOf.length === 0) continue;
    const model = trainRows(m, trainRowsOf, labels, domains, idf, o.train);
    for (const i of testRowsOf) {
      const s = scores(model, matrixRow(m, i));
      domains.forEach((d, j) => {
        const y = labels[i * K + j];
        if (y < 0) return;
        const yes = s[j] >= THRESHOLD;
        if (yes && y === 1) tp.set(d, tp.get(d)! + 1);
        else if (yes) fp.set(d, fp.get(d)! + 1);
        else if (y === 1) fn.set(d, fn.get(d)! + 1);
      });
    }
  }
  for (const d of domains) {
    const t = tp.get(d)!;
    const predicted = t + fp.get(d)!;
    const actual = t + fn.get(d)!;
    figures.set(d, { precision: predicted ? t / predicted : null, recall: actual ? t / actual : null });
  }
  return { figures, folds: k };
}

/**
 * Learns the shown domains, measures them by document folds, and serialises the model. The fitted model is handed
 * to `onFitted` before the folds are trained: cross-validation trains the model again once per fold (about four
 * times the fit), and suggestions need only the fit, so a retrain after an edit serves fresh suggestions in the
 * fit's time while the figures follow.
 */
export function trainAndMeasure(
  passages: readonly Passage[],
  domains: readonly number[],
  options: { crossValidate?: boolean; onFitted?: (r: TrainResult) => void } & FitOptions = {},
): TrainResult {
  const began = performance.now();
  const stats = domainStats(passages, domains);
  const shown = domains.filter((d) => {
    const s = stats.get(d)!;
    return s.n >= MIN_EXAMPLES && s.docs.size >= MIN_DOCUMENTS;
  });
  // The IDF texts are read twice (model, then folds): materialised once.
  const fit: FitOptions = { ...options, idfTexts: options.idfTexts ? [...options.idfTexts] : undefined };
  const model = fitModel(passages, shown, fit);
  const trainMs = performance.now() - began;
  const blob = serialize(model);
  const result = (cv: ReturnType<typeof crossValidate> | null, measured: boolean): TrainResult => ({
    blob,
    passages: passages.length,
    folds: cv?.folds ?? 0,
    trainMs,
    measured,
    domains: domains.map((d) => {
      const s = stats.get(d)!;
      const f = cv?.figures.get(d);
      return {
        domainId: d,
        examples: s.n,
        documents: s.docs.size,
        hidden: !shown.includes(d),
        precision: f?.precision ?? null,
        recall: f?.recall ?? null,
      };
    }),
  });
  if (options.crossValidate === false) return result(null, true);
  options.onFitted?.(result(null, false));
  return result(crossValidate(passages, shown, undefined, fit), true);
}
