import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rng } from '../grids/fixture';
import { REPO_ROOT } from '../helpers';

// Runs the real CLI (bin/dossier.mjs, TypeScript through tsx) and SIGKILLs it at a chosen moment. The moment is
// taken from the process's own state (its SQLite write lock, the documents it has committed, the files it
// creates), plus a delay drawn from a seeded PRNG, so that a failing run can be replayed with the same plan:
// DOSSIER_CRASH_SEED=<seed> npx vitest run tests/unit/reliability/crash.test.ts

export const BIN = path.join(REPO_ROOT, 'bin', 'dossier.mjs');
export const SEED = Number(process.env.DOSSIER_CRASH_SEED ?? 20261201);
/** A seeded PRNG (mulberry32): the same seed gives the same plan of kill moments. */
export const prng = rng;

/** Runs the CLI to completion (a rerun after a kill). */
export function dossier(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function dossierJson<T>(...args: string[]): T {
  const r = dossier(...args, '--json');
  if (r.code !== 0) throw new Error(`dossier ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));
export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A CLI process that a trigger may kill; `exited` resolves when it is gone (killed or finished). */
export interface Victim {
  child: ChildProcess;
  pid: number;
  /** True once the process has exited by itself or by the kill. */
  gone: () => boolean;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(args: string[]): Victim {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  if (child.pid === undefined) throw new Error('could not start the CLI');
  return { child, pid: child.pid, gone: () => done, stderr: () => stderr, exited };
}

/** Polls `ready` every millisecond until it holds or the process has exited; says which. */
export async function until(v: Victim, ready: () => boolean): Promise<boolean> {
  while (!v.gone()) {
    if (ready()) return true;
    await tick();
  }
  return false;
}

/** Linux lists every POSIX lock, with its owner's pid, in /proc/locks; SQLite's locks are POSIX locks. */
export const CAN_SEE_LOCKS = (() => {
  try {
    fs.readFileSync('/proc/locks');
    return true;
  } catch {
    return false;
  }
})();

/**
 * Whether `pid` holds the write lock of the WAL database `dbFile`: SQLite takes it on byte 120 of the `-shm` file
 * from a transaction's first write to its commit (WALINDEX_LOCK_OFFSET + WAL_WRITE_LOCK), so it marks exactly
 * the moments when a kill falls inside a write transaction.
 */
export function holdsWriteLock(pid: number, dbFile: string): boolean {
  let inode: number;
  try {
    inode = fs.statSync(`${dbFile}-shm`).ino;
  } catch {
    return false;
  }
  const locks = fs.readFileSync('/proc/locks', 'utf8');
  const re = /^\d+:\s+POSIX\s+ADVISORY\s+WRITE\s+(\d+)\s+[0-9a-f]+:[0-9a-f]+:(\d+)\s+120\s+120$/gm;
  for (let m = re.exec(locks); m; m = re.exec(locks)) {
    if (Number(m[1]) === pid && Number(m[2]) === inode) return true;
  }
  return false;
}

/** Where a kill landed, for the failure messages and the run summary. */
export interface KillOutcome {
  /** The process had already finished when its moment came (nothing was killed). */
  finished: boolean;
  /** The process held the project's write lock just before the kill. */
  inWrite: boolean;
}

/** Waits for the moment `trigger` picks, then SIGKILLs the process (unless it finished first). */
export async function killWhen(
  v: Victim,
  trigger: () => Promise<void>,
  dbFile?: string,
): Promise<KillOutcome> {
  await trigger();
  const inWrite = !v.gone() && dbFile !== undefined && CAN_SEE_LOCKS && holdsWriteLock(v.pid, dbFile);
  const finished = v.gone();
  if (!finished) v.child.kill('SIGKILL');
  const { code, signal } = await v.exited;
  // A run that ends by itself must have succeeded: a CLI that fails to start would otherwise pass every check.
  if (signal !== 'SIGKILL' && code !== 0)
    throw new Error(`the CLI ended with ${code ?? signal} before its kill: ${v.stderr()}`);
  return { finished: signal !== 'SIGKILL', inWrite };
}

/** Kill moment: once the process's first write transaction on `dbFile` is open, after `ms` more. */
export function inFirstWrite(v: Victim, dbFile: string, ms: number): () => Promise<void> {
  return async () => {
    if (await until(v, () => holdsWriteLock(v.pid, dbFile))) await delay(ms);
  };
}

/** Kill moment: the first change the process makes in `dir` (a file created, written or renamed), after `ms`. */
export function onFirstChangeIn(v: Victim, dir: string, ms: number): () => Promise<void> {
  return async () => {
    let changed = false;
    const watcher = fs.watch(dir, () => {
      changed = true;
      if (ms === 0 && !v.gone()) v.child.kill('SIGKILL'); // at once, not at the next poll
    });
    try {
      if (await until(v, () => changed)) await delay(ms);
    } finally {
      watcher.close();
    }
  };
}
