import { afterEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../shared/api/changes';
import type { SuggestEvent } from '../../../shared/api/suggest';
import { callMethod } from '../../../electron/core/api/dispatch';
import { subscribe } from '../../../electron/core/changes';
import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { closeProject, openProject, type Project } from '../../../electron/core/project';
import { trainingFingerprint } from '../../../electron/core/suggest/examples';
import { state, trainModel } from '../../../electron/core/suggest/state';
import { scoringWorkers } from '../../../electron/core/suggest/suggest';
import { callOk, dossier, tempProject } from '../helpers';
import { rng, seeded, sentence } from './synthetic';

// Suggestions off the thread that answers the UI (issue 17): corpus-wide scoring in the suggestion worker with
// progress and cancel, retraining after edits through the change stream, superseding, and the built CLI's worker.

const DEBOUNCE = process.env.DOSSIER_RETRAIN_DEBOUNCE_MS;
afterEach(() => {
  if (DEBOUNCE === undefined) delete process.env.DOSSIER_RETRAIN_DEBOUNCE_MS;
  else process.env.DOSSIER_RETRAIN_DEBOUNCE_MS = DEBOUNCE;
});

/** The first stream event that `match` accepts. */
function next<T extends StreamEvent>(p: Project, match: (e: StreamEvent) => e is T): Promise<T> {
  return new Promise((resolve) => {
    const stop = subscribe(p.db, (e) => {
      if (!match(e)) return;
      stop();
      resolve(e);
    });
  });
}

type JobEvent = SuggestEvent & { job: NonNullable<SuggestEvent['job']> };
type ModelEvent = SuggestEvent & { model: NonNullable<SuggestEvent['model']> };
const jobEvent =
  (jobId: string) =>
  (e: StreamEvent): e is JobEvent =>
    e.type === 'suggest' && e.job?.jobId === jobId;

function withCorpus(p: Project, documents: number): void {
  const random = rng(11);
  p.db.transaction(() => {
    for (let d = 0; d < documents; d++) {
      const text = Array.from({ length: 30 }, (_, i) => sentence(((d + i) % 2) as 0 | 1, random)).join(' ');
      addDocument(p.db, { title: `extra ${d}`, format: 'txt', text });
    }
  })();
}

describe('suggestions in the worker', () => {
  it('answers other calls while a corpus-wide run scores; the run reports progress and can be cancelled', async () => {
    const p = tempProject();
    seeded(p);
    withCorpus(p, 400);
    await callOk(p, 'trainModel', {});
    const jobs: JobEvent[] = [];
    subscribe(p.db, (e) => {
      if (jobEvent('run-1')(e)) jobs.push(e);
    });
    let settled = false;
    const first = next(p, jobEvent('run-1'));
    const run = callMethod(p, 'suggestClaims', { all: true, minScore: 0, jobId: 'run-1' }).finally(() => {
      settled = true;
    });
    expect((await first).job).toMatchObject({ done: 0, total: 406, state: 'running' });
    // The thread that answers the UI is free while the worker scores.
    const info = await callOk(p, 'getModel', {});
    expect(info.trained).toBe(true);
    expect(settled).toBe(false);
    expect(await callOk(p, 'cancelSuggestions', { jobId: 'run-1' })).toEqual({ cancelled: true });
    const r = await run;
    if (!r.ok) throw new Error(r.error.message);
    const value = r.value as { stopped: string | null; suggestions: unknown[] };
    expect(value.stopped).toBe('cancelled');
    const last = jobs.at(-1)!.job;
    expect(last.state).toBe('cancelled');
    expect(last.done).toBeLessThan(406);
    // Nothing is left to cancel, and a full run goes to the end.
    expect(await callOk(p, 'cancelSuggestions', { jobId: 'run-1' })).toEqual({ cancelled: false });
    const full = await callOk(p, 'suggestClaims', { docIds: [1, 2, 3], minScore: 0, jobId: 'run-2' });
    expect(full.stopped).toBeNull();
    expect(full.suggestions.length).toBeGreaterThan(0);
  });

  it('deals a large run to two workers and finds what one worker finds, progress summed', async () => {
    const p = tempProject();
    seeded(p);
    withCorpus(p, 400);
    await callOk(p, 'trainModel', {});
    const workers = process.env.DOSSIER_SCORING_WORKERS;
    try {
      process.env.DOSSIER_SCORING_WORKERS = '1';
      expect(scoringWorkers(406)).toBe(1);
      const one = await callOk(p, 'suggestClaims', { all: true, minScore: 0.2, limit: 300 });
      process.env.DOSSIER_SCORING_WORKERS = '2';
      expect([scoringWorkers(406), scoringWorkers(150)]).toEqual([2, 1]);
      const jobs: JobEvent[] = [];
      subscribe(p.db, (e) => {
        if (jobEvent('split')(e)) jobs.push(e);
      });
      const two = await callOk(p, 'suggestClaims', { all: true, minScore: 0.2, limit: 300, jobId: 'split' });
      expect(one.suggestions.length).toBe(300);
      expect(two.suggestions).toEqual(one.suggestions);
      const done = jobs.map((e) => e.job.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(jobs.at(-1)!.job).toMatchObject({ done: 406, total: 406, state: 'done' });
    } finally {
      if (workers === undefined) delete process.env.DOSSIER_SCORING_WORKERS;
      else process.env.DOSSIER_SCORING_WORKERS = workers;
    }
  });

  it('refuses a job id that is not a plain name, and a second run under the same name', async () => {
    const p = tempProject();
    seeded(p);
    await callOk(p, 'trainModel', {});
    const bad = await callMethod(p, 'suggestClaims', { all: true, jobId: '../x y' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input');
    const a = callMethod(p, 'suggestClaims', { all: true, jobId: 'same' });
    const b = await callMethod(p, 'suggestClaims', { all: true, jobId: 'same' });
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error.code).toBe('conflict');
    expect((await a).ok).toBe(true);
  });

  it('scores the consistency check in the worker', async () => {
    const p = tempProject();
    const { a, b, docs } = seeded(p);
    // The seventh sentence of the first document is military (topic 0) and untagged: tagged economy, a slip.
    const text = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(docs[0]) as string;
    const spans = [...text.matchAll(/[^ .][^.]*\./g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    const slip = createClaim(p.db, { docId: docs[0], ...spans[6], domainIds: [b] });
    await callOk(p, 'trainModel', {});
    const disputes = await callOk(p, 'consistencyCheck', { below: 0.5 });
    const found = disputes.find((d) => d.claimId === slip.id);
    expect(found).toMatchObject({ domainId: b, preferredDomainId: a });
    expect(found!.score).toBeLessThan(0.5);
  });
});

describe('retraining after edits', () => {
  it('retrains in the worker shortly after the last edit, once for a burst, and says so on the stream', async () => {
    process.env.DOSSIER_RETRAIN_DEBOUNCE_MS = '300';
    const p = tempProject();
    const { a, docs } = seeded(p);
    const before = await trainModel(p.db);
    const models: ModelEvent[] = [];
    subscribe(p.db, (e) => {
      if (e.type === 'suggest' && e.model) models.push(e as ModelEvent);
    });
    const trained = next(
      p,
      (e): e is ModelEvent =>
        e.type === 'suggest' && !!e.model && !e.model.training && e.model.trainedAt !== before.trainedAt,
    );
    // A burst of three edits through the API (as the window makes them): one retrain after the last.
    const text = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(docs[0]) as string;
    const last = text.length;
    for (const start of [last - 40, last - 30, last - 20])
      await callOk(p, 'createClaim', { docId: docs[0], start, end: start + 5, domainIds: [a] });
    expect(models[0].model).toMatchObject({ stale: true, training: false });
    const done = await trained;
    expect(done.model).toMatchObject({ stale: false, training: false, lastError: null });
    // One training: announced when it starts and when its model is fitted (before the figures), then done.
    expect(models.filter((e) => e.model.training && !e.model.measuring).length).toBe(1);
    expect(models.filter((e) => e.model.measuring).length).toBe(1);
    const info = await callOk(p, 'getModel', {});
    expect(info).toMatchObject({ stale: false, trainedInWorker: true });
    expect(state(p.db).report!.fingerprint).toBe(trainingFingerprint(p.db));
    // Undo is an edit too.
    const again = next(
      p,
      (e): e is ModelEvent =>
        e.type === 'suggest' && !!e.model && !e.model.training && e.model.trainedAt !== done.model.trainedAt,
    );
    await callOk(p, 'undo', {});
    expect((await again).model.stale).toBe(false);
    expect(state(p.db).report!.fingerprint).toBe(trainingFingerprint(p.db));
  });

  it('serves suggestions from the fitted model while its figures are still measured by the folds', async () => {
    const p = tempProject();
    const { a, docs } = seeded(p);
    const before = await trainModel(p.db);
    const text = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(docs[2]) as string;
    createClaim(p.db, { docId: docs[2], start: text.length - 20, end: text.length - 10, domainIds: [a] });
    const measuring = next(p, (e): e is ModelEvent => e.type === 'suggest' && !!e.model && e.model.measuring);
    const training = trainModel(p.db);
    await measuring;
    // The model on the newer claims is in place (and in the file) before the cross-validation ends.
    const info = await callOk(p, 'getModel', {});
    expect(info).toMatchObject({ training: true, measuring: true, stale: false, folds: 0 });
    expect(info.trainedAt).not.toBe(before.trainedAt);
    expect(info.domains.filter((d) => !d.hidden).every((d) => d.precision === null)).toBe(true);
    const stored = p.db.prepare('SELECT report FROM suggest_model WHERE id = 1').pluck().get() as string;
    expect(JSON.parse(stored)).toMatchObject({ fingerprint: trainingFingerprint(p.db), measuring: true });
    const suggested = await callOk(p, 'suggestClaims', { docIds: [docs[2]], minScore: 0 });
    expect(suggested.trained).toBe(true);
    const done = await training;
    expect(done.measuring).toBeUndefined();
    expect(done.folds).toBeGreaterThan(0);
    expect(await callOk(p, 'getModel', {})).toMatchObject({ training: false, measuring: false });
    expect(done.domains.some((d) => !d.hidden && d.precision !== null)).toBe(true);
  });

  it('measures again a model stored before its figures (the project closed during the folds)', async () => {
    const p = tempProject();
    seeded(p);
    await trainModel(p.db);
    const row = p.db.prepare('SELECT report FROM suggest_model WHERE id = 1').pluck().get() as string;
    p.db
      .prepare('UPDATE suggest_model SET report = ? WHERE id = 1')
      .run(JSON.stringify({ ...JSON.parse(row), measuring: true, folds: 0 }));
    const file = p.path;
    closeProject(p);
    const again = openProject(file);
    expect((await callOk(again, 'getModel', {})).stale).toBe(true);
    closeProject(again);
  });

  it('supersedes a training under way by one on the newer claims', async () => {
    const p = tempProject();
    const { a, docs } = seeded(p);
    const first = trainModel(p.db);
    const text = p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(docs[1]) as string;
    createClaim(p.db, { docId: docs[1], start: text.length - 20, end: text.length - 10, domainIds: [a] });
    const second = trainModel(p.db);
    const [r1, r2] = await Promise.all([first, second]);
    expect(state(p.db).superseded).toBe(1);
    expect(r2.fingerprint).toBe(trainingFingerprint(p.db));
    // The caller of the superseded training gets the newer model.
    expect(r1).toEqual(r2);
  });
});

describe('the built CLI', () => {
  it('trains in its worker (out/cli/suggestWorker.js), not on the calling thread', () => {
    const p = tempProject();
    seeded(p);
    const file = p.path;
    closeProject(p);
    const r = dossier('model', file, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ trained: true, stale: false, trainedInWorker: true });
  });
});
