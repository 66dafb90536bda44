import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../db';
import { type ImportOptions, runImport, type WorkerReply, type WorkerStart } from './importFiles';

// The import worker: opens its own connection to the project and runs the whole import (reading, extraction,
// one transaction per document), so that the thread that started it (Electron main, the web server) never
// waits on a parser or a commit. Progress goes back as messages; a "cancel" message stops it between documents.
const port = parentPort;
if (port) {
  const abort = new AbortController();
  const send = (m: WorkerReply): void => port.postMessage(m);
  port.on('message', (m: WorkerStart | { type: 'cancel' }) => {
    if (m.type === 'cancel') {
      abort.abort();
      return;
    }
    let last = 0;
    const options: ImportOptions = {
      ...m.options,
      signal: abort.signal,
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 50 && p.done < p.total) return;
        last = now;
        send({ type: 'progress', progress: p });
      },
    };
    let db: ReturnType<typeof openDatabase> | null = null;
    void (async () => {
      try {
        db = openDatabase(m.dbFile);
        const report = await runImport(db, m.sources, m.report, options);
        send({ type: 'done', report });
      } catch (error) {
        send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      } finally {
        db?.close();
      }
    })();
  });
}
