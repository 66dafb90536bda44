import { learnIdf, termCounts, vectorize } from './features';
import { type Example, type LinearModel, labelFor, rng, scores, serialize, shuffle, train } from './model';

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
}

/** Each document's fold (documents shuffled with a fixed seed, then dealt round). */
export function foldsByDocument(docs: Iterable<number>, k: number, seed = 17): Map<number, number> {
  const unique = shuffle(
    [...new Set(docs)].sort((a, b) => a - b),
    rng(seed),
  );
  return new Map(unique.map((d, i) => [d, i % k]));
}

export function fitModel(passages: readonly Passage[], domains: readonly number[]): LinearModel {
  const counts = passages.map((p) => termCounts(p.text));
  const idf = learnIdf(counts);
  const examples: Example[] = passages.map((p, i) => ({ ...p, vec: vectorize(counts[i], idf) }));
  return train(examples, domains, idf);
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
): { figures: Map<number, { precision: number | null; recall: number | null }>; folds: number } {
  const figures = new Map<number, { precision: number | null; recall: number | null }>();
  const docs = new Set(passages.map((p) => p.doc));
  const k = Math.min(MAX_FOLDS, docs.size);
  if (k < 2 || domains.length === 0) return { figures, folds: 0 };
  const fold = foldsByDocument(docs, k);
  const tp = new Map(domains.map((d) => [d, 0]));
  const fp = new Map(tp);
  const fn = new Map(tp);
  for (let f = 0; f < k; f++) {
    const trainSet = passages.filter((p) => fold.get(p.doc) !== f);
    const testSet = passages.filter((p) => fold.get(p.doc) === f);
    onFold?.(trainSet, testSet);
    if (testSet.length === 0 || trainSet.length === 0) continue;
    const model = fitModel(trainSet, domains);
    for (const p of testSet) {
      const s = scores(model, vectorize(termCounts(p.text), model.idf));
      const asExample = { ...p, vec: { idx: new Uint32Array(), val: new Float32Array() } };
      domains.forEach((d, j) => {
        const y = labelFor(asExample, d);
        if (y === null) return;
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

/** Learns the shown domains, measures them by document folds, and serialises the model. */
export function trainAndMeasure(
  passages: readonly Passage[],
  domains: readonly number[],
  options: { crossValidate?: boolean } = {},
): TrainResult {
  const began = performance.now();
  const stats = domainStats(passages, domains);
  const shown = domains.filter((d) => {
    const s = stats.get(d)!;
    return s.n >= MIN_EXAMPLES && s.docs.size >= MIN_DOCUMENTS;
  });
  const model = fitModel(passages, shown);
  const trainMs = performance.now() - began;
  const cv = options.crossValidate === false ? null : crossValidate(passages, shown);
  return {
    blob: serialize(model),
    passages: passages.length,
    folds: cv?.folds ?? 0,
    trainMs,
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
  };
}
