// Codebook bench: the core side of the Reader's tagging loop and of autocode, on a 1,000,000-character document
// dense with claims (10,000, a third overlapping). Targets (issue 6): a new claim appears < 50 ms after Enter (the
// core's share must be a small part of that); autocode handles thousands of hits in well under a second.
import { autocodeApply, autocodeSearch } from '../electron/core/autocode';
import { createClaim, listClaims, updateClaim } from '../electron/core/claims';
import { addDocument } from '../electron/core/documents';
import { redo, undo, withoutHistory } from '../electron/core/history';
import { scratchProject } from '../tests/support/scratchProject';
import { percentile, writeSection } from './report';
import { rng } from '../shared/random';

const CHARS = 1_000_000;
const CLAIMS = 10_000;
const EDITS = 300;

const WORDS = [
  'alliance',
  'exercise',
  'minister',
  'NATO',
  'training',
  'summit',
  'défense',
  'cooperation',
  '😀',
];
function makeText(random: () => number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < CHARS) {
    const w = WORDS[Math.floor(random() * WORDS.length)];
    const sep = random() < 0.08 ? '.\n' : ' ';
    parts.push(w, sep);
    n += w.length + sep.length;
  }
  return parts.join('').slice(0, CHARS);
}

/** A valid range near `at`: starts and ends on spaces so that no character is split. */
function rangeNear(text: string, at: number, len: number): [number, number] {
  const s = text.indexOf(' ', at) + 1;
  const e = text.indexOf(' ', s + len);
  return [s, e > s ? e : s + 1];
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(2)} ms · p95 ${percentile(s, 95).toFixed(2)} ms · max ${s[s.length - 1].toFixed(2)} ms`;
};

const scratch = scratchProject(undefined, 'dossier-bench-codebook-');
try {
  const p = scratch.p;
  const db = p.db;
  const random = rng(6);
  const text = makeText(random);
  const docId = addDocument(db, { title: 'Long', text, format: 'txt' }).id;
  const domains = (db.prepare('SELECT id FROM domains').all() as { id: number }[]).map((r) => r.id);
  const [, seedMs] = time(() =>
    withoutHistory(db, () =>
      db.transaction(() => {
        for (let i = 0; i < CLAIMS; i++) {
          const overlap = i % 3 === 0;
          const [s, e] = rangeNear(
            text,
            Math.floor((i / CLAIMS) * (CHARS - 500)) - (overlap ? 60 : 0),
            20 + (i % 90),
          );
          createClaim(db, { docId, start: Math.max(0, s), end: e, domainIds: [domains[i % domains.length]] });
        }
      })(),
    ),
  );

  const create: number[] = [];
  const resize: number[] = [];
  const undos: number[] = [];
  const redos: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const [s, e] = rangeNear(text, Math.floor(random() * (CHARS - 500)), 10 + Math.floor(random() * 200));
    const [c, t1] = time(() =>
      createClaim(db, { docId, start: s, end: e, domainIds: [domains[i % domains.length], domains[0]] }),
    );
    create.push(t1);
    const [, t2] = time(() => updateClaim(db, { id: c.id, end: rangeNear(text, c.end + 5, 1)[1] }));
    resize.push(t2);
    undos.push(time(() => undo(db))[1]);
    redos.push(time(() => redo(db))[1]);
  }
  const [docClaims, listMs] = time(() => listClaims(db, { docIds: [docId] }));

  // The search runs in a worker thread (a regex from the analyst never runs on the thread answering the UI).
  const timeAsync = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const r = await fn();
    return [r, performance.now() - t];
  };
  const [search, searchMs] = await timeAsync(() =>
    autocodeSearch(db, { pattern: 'summit', wholeWord: true, limit: 50_000 }),
  );
  const [rx, regexMs] = await timeAsync(() =>
    autocodeSearch(db, { pattern: 'mini\\w+|allian\\w+', regex: true, limit: 50_000 }),
  );
  const chosen = search.hits.slice(0, 5_000);
  const [applied, applyMs] = time(() => autocodeApply(db, { hits: chosen, domainIds: [domains[1]] }));
  const [, undoApplyMs] = time(() => undo(db));
  const [, redoApplyMs] = time(() => redo(db));

  writeSection(
    'codebook',
    'Claims, undo/redo and autocode (core)',
    [
      `One document of ${CHARS.toLocaleString('en')} characters with ${CLAIMS.toLocaleString('en')} claims (a third overlapping; seeded in ${(seedMs / 1000).toFixed(1)} s), ${EDITS} edits each:`,
      '',
      '| operation | time | target |',
      '|---|---|---|',
      `| create a claim (2 domains) | ${stats(create)} | < 50 ms to appear, core included |`,
      `| resize a claim (anchor recomputed) | ${stats(resize)} | |`,
      `| undo one edit | ${stats(undos)} | |`,
      `| redo one edit | ${stats(redos)} | |`,
      `| list the document's ${docClaims.length.toLocaleString('en')} claims | ${listMs.toFixed(0)} ms | |`,
      `| autocode search, whole word (${search.total.toLocaleString('en')} hits) | ${searchMs.toFixed(0)} ms | well under 1 s |`,
      `| autocode search, regex (${rx.total.toLocaleString('en')} hits) | ${regexMs.toFixed(0)} ms | well under 1 s |`,
      `| autocode apply ${chosen.length.toLocaleString('en')} hits (${applied.created.toLocaleString('en')} new claims) | ${applyMs.toFixed(0)} ms | well under 1 s |`,
      `| undo / redo that autocode | ${undoApplyMs.toFixed(0)} ms / ${redoApplyMs.toFixed(0)} ms | |`,
    ].join('\n'),
  );
} finally {
  scratch.dispose();
}
