import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { autocodeApply, autocodeSearch, MAX_HIT_LIMIT } from '../../../electron/core/autocode';
import { mergeDomains } from '../../../electron/core/codebook';
import { domainIdsByName } from '../../../electron/core/domains';
import { exportExcerpts, type ExportFormat } from '../../../electron/core/export';
import { resolveNamedFilter } from '../../../electron/core/export/filter';
import { closeProject, openProject } from '../../../electron/core/project';
import type { Store } from '../../../electron/core/store';
import { AUTOCODE_WORD, type BaseProject, buildBaseProject, copyProject, writeCorpus } from './crashFixture';
import { comparable, fileState } from './exportFiles';
import {
  CAN_SEE_LOCKS,
  delay,
  dossier,
  dossierJson,
  holdsWriteLock,
  inFirstWrite,
  type KillOutcome,
  killWhen,
  onFirstChangeIn,
  prng,
  SEED,
  startCli,
  until,
} from './killKit';
import {
  checkInvariants,
  claimBirths,
  type Digest,
  digest,
  duplicateClaims,
  openRaw,
  whichState,
} from './projectState';

// Issue 9, "nothing is lost": the real CLI is SIGKILLed at seeded random moments inside its write transactions
// (import, autocode, domain merge) or while it writes an export over an existing file. After every kill the
// project must pass SQLite's and FTS5's checks, every claim must still be anchored, the state must be exactly the
// one before the run or the one the run reaches (never a mix), and running the same command again must complete
// it without duplicates. An export must leave the previous file or a complete new one, never a part.
// The seed is in every failure message; DOSSIER_CRASH_SEED replays another plan, DOSSIER_CRASH_VERBOSE=1 prints
// where each kill landed.

const verbose = !!process.env.DOSSIER_CRASH_VERBOSE;
/** Each test spawns the CLI some ten times (~1 s each under tsx, several on a loaded machine). */
const LIMIT = 180_000;
const log = (line: string): void => {
  if (verbose) process.stderr.write(`crash: ${line}\n`);
};
const landed = (o: KillOutcome): string =>
  o.finished ? 'finished first' : o.inWrite ? 'in a write' : 'outside';

let dir: string;
let base: BaseProject;
let baseBefore: Digest;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-crash-'));
  base = buildBaseProject(path.join(dir, 'base.dossier'), prng(SEED), 100);
  const db = openRaw(base.file);
  baseBefore = digest(db);
  db.close();
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * How long after its first write to kill a run: at once a quarter of the time, otherwise up to twice the edit's
 * in-process duration, so that kills fall inside the transaction, at its commit and after it.
 */
const killDelay = (rand: () => number, editMs: number): number => (rand() < 0.25 ? 0 : rand() * 2 * editMs);

/** The state a complete run of an edit reaches (times left out), and how long the edit took in-process. */
type Reference = { after: Digest; ms: number };

/** Runs an edit in-process on a copy of the base project, as the CLI would: its reference state and result. */
async function reference<T>(
  name: string,
  edit: (db: Store) => T | Promise<T>,
): Promise<Reference & { result: T }> {
  const p = openProject(copyProject(base.file, name));
  try {
    const t0 = performance.now();
    const result = await edit(p.db);
    const ms = performance.now() - t0;
    return { after: digest(p.db, false), ms, result };
  } finally {
    closeProject(p);
  }
}

/**
 * One run of an edit on a fresh copy of the base project, SIGKILLed after its first write (see killDelay), and
 * the state the kill left, checked read-only so that the next run meets the project as the kill left it.
 */
async function killInEdit(
  label: string,
  run: number,
  rand: () => number,
  args: (file: string) => string[],
  ref: Reference,
): Promise<{ file: string; where: string; state: 'before' | 'after' }> {
  const where = `seed ${SEED}, ${label} run ${run}`;
  const file = copyProject(base.file, `${label}-${run}.dossier`);
  const ms = killDelay(rand, ref.ms);
  const v = startCli(args(file));
  const outcome = await killWhen(v, inFirstWrite(v, file, ms), file);
  const db = openRaw(file, true);
  checkInvariants(db, where);
  const { state, differs } = whichState(db, baseBefore, ref.after);
  db.close();
  log(`${where}: ${ms.toFixed(0)} ms after its first write: ${landed(outcome)}, left it ${state}`);
  if (state === 'neither')
    expect.fail(`${where}: the project is neither as before nor as after (${differs.join(', ')})`);
  return { file, where, state };
}

/** After a rerun: the project is valid and exactly as the edit leaves it; `more` checks what the edit is about. */
function expectDone(file: string, where: string, ref: Reference, more: (db: Store) => void): void {
  const db = openRaw(file);
  try {
    checkInvariants(db, `${where}, rerun`);
    expect(whichState(db, baseBefore, ref.after).state, `${where}, rerun`).toBe('after');
    more(db);
  } finally {
    db.close();
  }
}

describe.skipIf(!CAN_SEE_LOCKS)('SIGKILL of the CLI at random moments (needs /proc/locks)', () => {
  it(
    'import: killed four times while committing, keeps every document committed whole; the rerun completes it without duplicates',
    { timeout: LIMIT },
    async () => {
      const rand = prng(SEED + 1);
      const corpus = path.join(dir, 'corpus folder');
      const files = 400;
      // Batches of 32 files (2,000 by default, more than the folder), so that kills fall between and inside them.
      process.env.DOSSIER_IMPORT_BATCH_FILES = '32';
      onTestFinished(() => {
        delete process.env.DOSSIER_IMPORT_BATCH_FILES;
      });
      writeCorpus(corpus, rand, files);
      const project = path.join(dir, 'import.dossier');
      buildBaseProject(project, rand, 8);
      let db = openRaw(project);
      const claimsBefore = digest(db);
      const docsAtStart = docCount(db);
      db.close();

      let killed = 0;
      for (let run = 0; run < 4; run++) {
        const where = `seed ${SEED}, import run ${run}`;
        db = openRaw(project, true);
        const docsBefore = db.prepare('SELECT id, content_hash FROM documents').raw().all() as [
          number,
          string,
        ][];
        db.close();
        // After N more documents have committed, either at once (between two batches) or inside the next batch's
        // commit, just after it took the write lock.
        const wanted = docsBefore.length + 1 + Math.floor(rand() * 30);
        const midCommit = rand() < 0.5;
        const ms = rand() * 1.5; // a batch commits in a few milliseconds
        const v = startCli(['import', project, corpus, '--json']);
        let reader: Store | null = null;
        const committed = (): number => {
          try {
            reader ??= openRaw(project, true);
            return docCount(reader);
          } catch {
            return 0;
          }
        };
        const outcome = await killWhen(
          v,
          async () => {
            if (!(await until(v, () => committed() >= wanted))) return;
            if (midCommit && (await until(v, () => holdsWriteLock(v.pid, project)))) await delay(ms);
          },
          project,
        );
        (reader as Store | null)?.close();
        log(
          `${where}: after ${wanted} documents${midCommit ? ` + ${ms.toFixed(1)} ms into a commit` : ''}: ${landed(outcome)}`,
        );
        if (!outcome.finished) killed++;

        // Read-only: the next run meets the project as the kill left it.
        db = openRaw(project, true);
        checkInvariants(db, where);
        const now = digest(db);
        for (const t of ['claims', 'claim_domains', 'domains', 'edit_log'] as const)
          expect(now[t], `${where}: ${t} changed`).toBe(claimsBefore[t]);
        const hashOf = db.prepare('SELECT content_hash FROM documents WHERE id = ?').pluck();
        for (const [id, hash] of docsBefore) expect(hashOf.get(id), `${where}: document ${id}`).toBe(hash);
        const dupes = db
          .prepare(
            `SELECT count(*) FROM (SELECT 1 FROM documents GROUP BY original_name HAVING count(*) > 1
             UNION ALL SELECT 1 FROM documents GROUP BY content_hash HAVING count(*) > 1)`,
          )
          .pluck()
          .get();
        expect(dupes, `${where}: duplicate documents`).toBe(0);
        db.close();
        if (outcome.finished) break;
      }
      expect(killed, `seed ${SEED}: no import run was killed`).toBeGreaterThan(0);

      db = openRaw(project, true);
      const present = docCount(db) - docsAtStart;
      db.close();
      const report = dossierJson<{ imported: unknown[]; skipped: { reason: string }[]; failed: unknown[] }>(
        'import',
        project,
        corpus,
      );
      expect(report.failed).toEqual([]);
      expect(report.skipped.length).toBe(present);
      expect(report.skipped.every((s) => s.reason === 'already present (same content)')).toBe(true);
      expect(report.imported.length).toBe(files - present);
      db = openRaw(project);
      checkInvariants(db, `seed ${SEED}, import rerun`);
      expect(db.prepare('SELECT count(DISTINCT original_name) FROM documents').pluck().get()).toBe(
        docsAtStart + files,
      );
      expect(docCount(db)).toBe(docsAtStart + files);
      expect(digest(db).claims).toBe(claimsBefore.claims);
      db.close();
    },
  );

  it(
    'autocode: killed inside its transaction, tags all the passages or none; the rerun makes no duplicate claims',
    { timeout: LIMIT },
    async () => {
      const rand = prng(SEED + 2);
      const args = (file: string): string[] => [
        'autocode',
        file,
        '--pattern',
        AUTOCODE_WORD,
        '--domain',
        'Auto',
        '--limit',
        String(MAX_HIT_LIMIT),
        '--json',
      ];
      // The same calls the CLI makes, in-process on a copy: the state a complete run reaches.
      const ref = await reference('autocode-reference.dossier', async (db) => {
        const s = await autocodeSearch(db, { pattern: AUTOCODE_WORD, limit: MAX_HIT_LIMIT });
        return autocodeApply(db, { hits: s.hits, domainIds: domainIdsByName(db, ['Auto']) });
      });
      expect(ref.result.created).toBeGreaterThan(2000);
      expect(ref.result.updated).toBeGreaterThan(50);
      const db0 = openRaw(base.file, true);
      const births = claimBirths(db0);
      db0.close();

      // Reruns over what a kill left: twice after a kill before the commit, once after one past it.
      const reruns = { before: 2, after: 1 };
      for (let run = 0; run < 4; run++) {
        const { file, where, state } = await killInEdit('autocode', run, rand, args, ref);
        // A run killed before its commit is done again in full; one killed after it finds every passage tagged.
        if (reruns[state]-- <= 0) continue;
        const rerun = dossierJson<{ applied: unknown }>(...args(file).slice(0, -1));
        expect(rerun.applied, where).toEqual(
          state === 'before'
            ? ref.result
            : {
                created: 0,
                updated: 0,
                unchanged: ref.result.claimIds.length,
                claimIds: ref.result.claimIds,
              },
        );
        expectDone(file, where, ref, (db) => {
          expect(duplicateClaims(db), `${where}: duplicate claims after the rerun`).toBe(0);
          const now = claimBirths(db);
          for (const [id, born] of births)
            if (now.get(id) !== born) expect.fail(`${where}: claim ${id} was remade`);
        });
      }
    },
  );

  it(
    'domain merge: killed inside its transaction, moves every claim of the merged domain once or not at all',
    { timeout: LIMIT },
    async () => {
      const rand = prng(SEED + 3);
      const args = (file: string): string[] => ['domain', 'merge', file, 'Source', 'Target'];
      const ref = await reference('merge-reference.dossier', (db) => {
        const [source, target] = domainIdsByName(db, ['Source', 'Target']);
        return mergeDomains(db, source, target);
      });
      expect(ref.result.claims).toBe(base.sourceClaims);
      const db = openRaw(base.file, true);
      const [source, target] = domainIdsByName(db, ['Source', 'Target']);
      const inEither = db
        .prepare('SELECT count(DISTINCT claim_id) FROM claim_domains WHERE domain_id IN (?, ?)')
        .pluck()
        .get(source, target);
      db.close();

      const reruns = { before: 2, after: 1 };
      for (let run = 0; run < 4; run++) {
        const { file, where, state } = await killInEdit(
          'merge',
          run,
          rand,
          (f) => [...args(f), '--json'],
          ref,
        );
        if (reruns[state]-- <= 0) continue;
        if (state === 'before') {
          const rerun = dossierJson<{ claims: number; applied: boolean }>(...args(file));
          expect(rerun, where).toMatchObject({ claims: base.sourceClaims, applied: true });
        } else {
          // Done before the kill: the same command now finds no "Source" and says so, changing nothing.
          const again = dossier(...args(file));
          expect(again.code, where).toBe(1);
          expect(again.stderr, where).toMatch(/Source/);
        }
        expectDone(file, where, ref, (db) => {
          expect(db.prepare('SELECT count(*) FROM domains WHERE id = ?').pluck().get(source), where).toBe(0);
          expect(
            db.prepare('SELECT count(*) FROM claim_domains WHERE domain_id = ?').pluck().get(target),
            `${where}: claims of Source or Target, each tagged Target once`,
          ).toBe(inEither);
          expect(
            db
              .prepare("SELECT count(*) FROM domains WHERE name IN ('Sub A', 'Sub B') AND parent_id = ?")
              .pluck()
              .get(target),
            where,
          ).toBe(2);
        });
      }
    },
  );

  it(
    'export over an existing file: killed while writing, leaves the previous file or a complete one',
    { timeout: LIMIT },
    async () => {
      const rand = prng(SEED + 4);
      const file = copyProject(base.file, 'exports.dossier');
      const old = buildBaseProject(path.join(dir, 'older.dossier'), rand, 2);
      const formats: { format: ExportFormat; zipped: boolean; domains?: string[] }[] = [
        { format: 'csv', zipped: false },
        { format: 'xlsx', zipped: true },
        { format: 'docx', zipped: true, domains: ['Other'] },
        { format: 'qdpx', zipped: true },
      ];
      const results: { format: string; ms: number; landed: string; file: string; left: string[] }[] = [];
      for (const f of formats) {
        const build = async (project: string): Promise<Uint8Array> => {
          const p = openProject(project);
          try {
            const filter = resolveNamedFilter(p.db, { domains: f.domains });
            return (await exportExcerpts(p.db, p.name, f.format, filter)).bytes;
          } finally {
            closeProject(p);
          }
        };
        const previous = await build(old.file);
        const reference = comparable(await build(file), f.zipped);
        const outDir = path.join(dir, `out-${f.format}`);
        fs.mkdirSync(outDir);
        const out = path.join(outDir, `excerpts.${f.format}`);
        // At the first change the export makes beside its file (at once, then a little later).
        for (const ms of [0, rand() * 10]) {
          fs.writeFileSync(out, previous);
          const filter = (f.domains ?? []).flatMap((d) => ['--domain', d]);
          const v = startCli(['export', file, '--format', f.format, '--out', out, ...filter]);
          const outcome = await killWhen(v, onFirstChangeIn(v, outDir, ms));
          const state = fileState(fs.readFileSync(out), previous, reference, f.zipped);
          // Files the run left beside the export (a temporary file cut short by the kill): reported, then removed.
          const left = fs.readdirSync(outDir).filter((n) => n !== path.basename(out));
          for (const n of left) fs.rmSync(path.join(outDir, n), { force: true });
          results.push({
            format: f.format,
            ms: Math.round(ms * 10) / 10,
            landed: landed(outcome),
            file: state,
            left,
          });
          log(`seed ${SEED}, export ${JSON.stringify(results[results.length - 1])}`);
        }
      }
      // Every run is reported together, so that a failure shows how often a kill caught a file half written.
      expect(
        results.filter((r) => r.file === 'partial'),
        `seed ${SEED}: exports killed while writing left a partial file`,
      ).toEqual([]);
    },
  );
});

function docCount(db: Store): number {
  return db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
}
