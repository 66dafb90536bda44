import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../db';
import { runJob, type WorkerJob, type WorkerReply } from './workerJobs';

// The suggestion worker: trains the model or scores passages, on its own read-only connection to the project
// file, so that the thread answering the UI only posts a message and waits. One job per worker; the thread that
// started it terminates it when the job is done, superseded or out of time.
const port = parentPort;
if (port) {
  port.once('message', (job: WorkerJob & { dbFile: string }) => {
    const send = (m: WorkerReply): void => port.postMessage(m);
    let db: ReturnType<typeof openDatabase> | null = null;
    try {
      db = openDatabase(job.dbFile, { readonly: true });
      const result = runJob(
        db,
        job,
        (done, total) => send({ progress: { done, total } }),
        // A copy: the final answer transfers the same model's buffer.
        (fitted) => send({ fitted: { ...fitted, blob: fitted.blob.slice() } }),
      );
      if ('blob' in result) port.postMessage({ ok: result }, [result.blob.buffer as ArrayBuffer]);
      else send({ ok: result });
    } catch (e) {
      send({ failed: e instanceof Error ? e.message : String(e) });
    } finally {
      db?.close();
    }
  });
}
