// Passages two documents share word for word or nearly so (reused press-release text, long quotations): word
// shingles of both texts are matched exactly through a map, matches on one diagonal are joined into runs, and
// runs close to each other in both texts (a changed, added or dropped word) into one passage.

export interface Span {
  start: number;
  end: number;
}

export interface SharedPassage {
  /** UTF-16 offsets in the first and the second text. */
  a: Span;
  b: Span;
  /** Share of the passage's words (both sides) inside matching shingles: 1 for an exact copy. */
  similarity: number;
  /** Words of the passage in the first text. */
  words: number;
}

export interface SharedResult {
  passages: SharedPassage[];
  /** Resemblance of the two documents: shared shingles over all distinct shingles (Jaccard). */
  similarity: number;
  /** Share of each text's characters inside shared passages. */
  coverageA: number;
  coverageB: number;
}

export interface SharedOptions {
  /** Words per shingle (default 5). */
  shingle?: number;
  /** Shortest passage reported, in words (default 12). */
  minWords?: number;
  /** Most words skipped on either side inside one passage (default 6). */
  gap?: number;
}

interface Tokens {
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

function tokenize(text: string, vocab: Map<string, number>): Tokens {
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0].toLowerCase();
    let id = vocab.get(w);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(w, id);
    }
    ids.push(id);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function shingleKeys(t: Tokens, k: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i + k <= t.ids.length; i++) keys.push(t.ids.subarray(i, i + k).join(','));
  return keys;
}

interface Run {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  /** Token ranges covered by matching shingles, as [start, end) pairs per side. */
  cover: [number, number, number, number][];
}

/**
 * Most positions of one shingle in either text we look at (repeated boilerplate would otherwise explode): a text of
 * one word repeated 8,000 times compared with itself made a chain per diagonal, each extended to the end, and took
 * 14 s (quadratic).
 */
const MAX_REPEATS = 16;
/** Words walked over by the extensions of all passages, per word of the two texts (real texts stay far below). */
const EXTENSION_BUDGET = 2;

export function findSharedPassages(textA: string, textB: string, o: SharedOptions = {}): SharedResult {
  const k = o.shingle ?? 5;
  const minWords = o.minWords ?? 12;
  const gap = o.gap ?? 6;
  if (!(
    Number.isInteger(k) &&
    k >= 1 &&
    Number.isInteger(minWords) &&
    minWords >= 1 &&
    Number.isInteger(gap) &&
    gap >= 0
  ))
    throw new RangeError('shingle and minWords must be positive whole numbers, gap a whole number');
  const vocab = new Map<string, number>();
  const A = tokenize(textA, vocab);
  const B = tokenize(textB, vocab);
  const keysA = shingleKeys(A, k);
  const keysB = shingleKeys(B, k);
  const where = new Map<string, number[]>();
  keysA.forEach((key, i) => {
    const list = where.get(key);
    if (!list) where.set(key, [i]);
    else if (list.length < MAX_REPEATS) list.push(i);
  });
  const setB = new Set(keysB);
  let shared = 0;
  for (const key of where.keys()) if (setB.has(key)) shared++;
  const union = where.size + setB.size - shared;

  // Seeds grouped by diagonal (j - i), in order of i: a run is a chain of seeds on one diagonal.
  const seeds: [number, number][] = [];
  const seenInB = new Map<string, number>();
  keysB.forEach((key, j) => {
    const inA = where.get(key);
    if (!inA) return;
    const seen = seenInB.get(key) ?? 0;
    if (seen >= MAX_REPEATS) return;
    seenInB.set(key, seen + 1);
    for (const i of inA) seeds.push([i, j]);
  });
  seeds.sort((x, y) => x[1] - x[0] - (y[1] - y[0]) || x[0] - y[0]);
  const runs: Run[] = [];
  let cur: Run | null = null;
  let curDiag = NaN;
  for (const [i, j] of seeds) {
    const diag = j - i;
    if (cur && diag === curDiag && i <= cur.a1 + gap) {
      cur.a1 = i + k;
      cur.b1 = j + k;
      const last = cur.cover[cur.cover.length - 1];
      if (i <= last[1]) {
        last[1] = i + k;
        last[3] = j + k;
      } else cur.cover.push([i, i + k, j, j + k]);
      continue;
    }
    cur = { a0: i, a1: i + k, b0: j, b1: j + k, cover: [[i, i + k, j, j + k]] };
    curDiag = diag;
    runs.push(cur);
  }

  // Join runs that follow each other in both texts within the gap (a word changed, added or dropped).
  runs.sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0);
  const chains: Run[] = [];
  for (const r of runs) {
    let joined = false;
    for (let c = chains.length - 1; c >= 0 && c >= chains.length - 8; c--) {
      const ch = chains[c];
      const da = r.a0 - ch.a1;
      const db = r.b0 - ch.b1;
      if (r.a0 >= ch.a0 && r.b0 >= ch.b0 && da <= gap && db <= gap && da >= -k && db >= -k) {
        ch.a1 = Math.max(ch.a1, r.a1);
        ch.b1 = Math.max(ch.b1, r.b1);
        // Not push(...r.cover): a run over a long text can have more entries than a call takes arguments.
        for (const c of r.cover) ch.cover.push(c);
        joined = true;
        break;
      }
    }
    if (!joined) chains.push({ ...r, cover: [...r.cover] });
  }

  // Shingles cannot see the last words before an edit; extend each passage over equal words, and over one changed
  // word when the two words beyond it agree again.
  const same = (i: number, j: number): boolean =>
    i >= 0 && j >= 0 && i < A.ids.length && j < B.ids.length && A.ids[i] === B.ids[j];
  // Each step walks over at least one word; the budget keeps many chains over a repetitive text linear in all.
  let budget = EXTENSION_BUDGET * (A.ids.length + B.ids.length) + 64;
  for (const ch of chains) {
    for (; budget > 0; budget--) {
      const i = ch.a0 - 1;
      const j = ch.b0 - 1;
      if (same(i, j)) {
        ch.a0 = i;
        ch.b0 = j;
        ch.cover.push([i, i + 1, j, j + 1]);
      } else if (i >= 0 && j >= 0 && same(i - 1, j - 1) && same(i - 2, j - 2)) {
        ch.a0 = i - 2;
        ch.b0 = j - 2;
        ch.cover.push([i - 2, i, j - 2, j]);
      } else break;
    }
    for (; budget > 0; budget--) {
      const i = ch.a1;
      const j = ch.b1;
      if (same(i, j)) {
        ch.a1 = i + 1;
        ch.b1 = j + 1;
        ch.cover.push([i, i + 1, j, j + 1]);
      } else if (i < A.ids.length && j < B.ids.length && same(i + 1, j + 1) && same(i + 2, j + 2)) {
        ch.a1 = i + 3;
        ch.b1 = j + 3;
        ch.cover.push([i + 1, i + 3, j + 1, j + 3]);
      } else break;
    }
  }

  const covered = (ranges: [number, number][], from: number, to: number): number => {
    ranges.sort((x, y) => x[0] - y[0]);
    let n = 0;
    let end = from;
    for (const [s, e] of ranges) {
      const s2 = Math.max(s, end);
      const e2 = Math.min(e, to);
      if (e2 > s2) n += e2 - s2;
      end = Math.max(end, e2);
    }
    return n;
  };
  const passages: SharedPassage[] = [];
  for (const ch of chains) {
    const wordsA = ch.a1 - ch.a0;
    const wordsB = ch.b1 - ch.b0;
    if (Math.min(wordsA, wordsB) < minWords) continue;
    const inA = covered(
      ch.cover.map((c) => [c[0], c[1]]),
      ch.a0,
      ch.a1,
    );
    const inB = covered(
      ch.cover.map((c) => [c[2], c[3]]),
      ch.b0,
      ch.b1,
    );
    passages.push({
      a: { start: A.starts[ch.a0], end: A.ends[ch.a1 - 1] },
      b: { start: B.starts[ch.b0], end: B.ends[ch.b1 - 1] },
      similarity: Math.round(((inA + inB) / (wordsA + wordsB)) * 1000) / 1000,
      words: wordsA,
    });
  }
  passages.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
  const spanShare = (spans: Span[], length: number): number => {
    if (!length) return 0;
    const sorted = [...spans].sort((x, y) => x.start - y.start);
    let n = 0;
    let end = 0;
    for (const s of sorted) {
      const s2 = Math.max(s.start, end);
      if (s.end > s2) n += s.end - s2;
      end = Math.max(end, s.end);
    }
    return n / length;
  };
  return {
    passages,
    similarity: union ? shared / union : 0,
    coverageA: spanShare(
      passages.map((p) => p.a),
      textA.length,
    ),
    coverageB: spanShare(
      passages.map((p) => p.b),
      textB.length,
    ),
  };
}
