import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// SQLite's page check (quick_check) reads every page of a file: 9 s for a 520 MB project on a loaded machine. Run
// on the calling thread it would hold the app's event loop (every window waits), so it runs on a thread of its
// own, with its own connection. The thread's code is plain CommonJS, evaluated (no file to ship in each build);
// the driver is loaded from the path this module resolves, so it works wherever the core's own import does.

export interface PageCheck {
  /** quick_check's findings: empty when the file is whole. */
  problems: string[];
  documents: number;
  claims: number;
}

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: !workerData.seal, fileMustExist: true });
  if (workerData.seal) db.pragma('journal_mode = DELETE');
  const rows = db.pragma('quick_check(3)');
  const problems = rows.map((r) => r.quick_check).filter((p) => p !== 'ok');
  const count = (t) => (problems.length ? 0 : db.prepare('SELECT COUNT(*) FROM ' + t).pluck().get());
  parentPort.postMessage({ problems, documents: count('documents'), claims: count('claims') });
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message), code: String(e && e.code) });
} finally {
  if (db) db.close();
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Checks every page of `file` on a worker thread and counts its documents and claims (when whole). With `seal`
 * (a fresh backup copy of ours), the file is first switched to rollback-journal mode. A failure to open or read
 * it rejects with the driver's error (its `code` kept).
 */
export function checkPages(file: string, seal: boolean): Promise<PageCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true, workerData: { file, seal, driver } });
    let settled = false;
    worker.once('message', (m: PageCheck | { error: string; code: string }) => {
      settled = true;
      if ('error' in m) reject(Object.assign(new Error(m.error), { code: m.code }));
      else resolve(m);
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the page check stopped (exit code ${code})`));
    });
  });
}
