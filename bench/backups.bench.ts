// Backups bench (issue 13): the grids bench project (10,000 documents, 1,000,000 claims, ~550 MB; built by
// bench/gridsProject.ts from ../shared, cached under /tmp) copied to a temp folder, then: one backup (online copy,
// page check, counts), the longest the event loop was held meanwhile (what a window waits for), listing 12
// backups, and restoring one in place. Targets: listing 12 backups < 0.5 s; a backup holds the loop < 1 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callMethod } from '../electron/core/api/dispatch';
import { backupFileName, backupsFolder } from '../electron/core/backups/location';
import { closeProject, openProject, type Project } from '../electron/core/project';
import { benchProject, CACHE } from './gridsProject';
import { peakRssMb, sharedDir, writeSection } from './report';

async function timed<T>(what: () => Promise<T>): Promise<{ value: T; ms: number; longestStallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const t0 = performance.now();
  const value = await what();
  const ms = performance.now() - t0;
  clearInterval(tick);
  longest = Math.max(longest, performance.now() - last);
  return { value, ms, longestStallMs: longest };
}

async function call(p: Project, name: string, input: unknown): Promise<unknown> {
  const r = await callMethod(p, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CACHE)) {
    const shared = sharedDir();
    if (!shared) {
      console.log(
        'backups bench: needs ../shared (the UN General Debate corpus) to build its project; skipped',
      );
      return;
    }
    closeProject(benchProject(path.join(shared, 'corpora', 'un-general-debate')));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-backups-bench-'));
  try {
    const file = path.join(dir, 'bench.dossier');
    fs.copyFileSync(CACHE, file);
    const mb = fs.statSync(file).size / 2 ** 20;
    const p = openProject(file);
    const backup = await timed(
      () => call(p, 'createBackup', {}) as Promise<{ path: string; claims: number }>,
    );
    // Eleven more under backups' names (hard links: the same pages, no 6 GB of copies).
    const folder = backupsFolder(file);
    for (let i = 1; i <= 11; i++)
      fs.linkSync(
        backup.value.path,
        path.join(folder, backupFileName(new Date(Date.UTC(2026, 0, i)), 'auto')),
      );
    const list = await timed(() => call(p, 'listBackups', {}) as Promise<{ backups: unknown[] }>);
    await call(p, 'deleteClaim', { id: 1 });
    const restore = await timed(() => call(p, 'restoreBackup', { path: backup.value.path }));
    closeProject(p);
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    writeSection(
      'backups',
      'Backups (10,000 documents, 1,000,000 claims)',
      `
| step | time | longest event-loop stall | target |
| --- | --- | --- | --- |
| backup of the ${mb.toFixed(0)} MB project (online copy, quick_check, counts) | ${s(backup.ms)} | ${s(backup.longestStallMs)} | stall < 1 s |
| list ${list.value.backups.length} backups (counts read from each backup's note) | ${s(list.ms)} | ${s(list.longestStallMs)} | < 0.5 s |
| restore in place (safety backup first, then the copy into the project) | ${s(restore.ms)} | ${s(restore.longestStallMs)} | — |

Load average at the end: ${os.loadavg()[0].toFixed(1)} (1 min). Peak RSS ${peakRssMb().toFixed(0)} MB.
`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
